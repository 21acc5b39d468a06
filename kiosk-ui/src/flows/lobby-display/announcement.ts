/**
 * What the lobby display says for a call, built from the catalogue's words (pure): the sentence shown on screen,
 * the same sentence in words for a speech voice ("Mời công dân có số a không một hai đến quầy số ba"), and the
 * list of voice clips that say it piece by piece where no Vietnamese voice is installed. Ticket numbers are read
 * character by character, as counters do ("A012" → "a, không, một, hai"); counter numbers as numbers ("15" →
 * "mười lăm", "21" → "hai mươi mốt").
 */
import type { LocalizedText } from '../../../../shared/api-schemas';
import { viVoice } from '../../i18n/staff.vi';

export interface CallToAnnounce {
  ticketId: string;
  number: string;
  counterId: string;
  counterName: LocalizedText;
  at: string;
  recall: boolean;
}

export interface Announcement {
  /** Tells two announcements apart (a recall is a new one). */
  key: string;
  call: CallToAnnounce;
  /** Shown while it is spoken. */
  text: string;
  /** For speech synthesis, in words. */
  speech: string;
  /** Clip ids (see VOICE_CLIPS) in order, for the fallback voice. */
  clips: string[];
}

type Voice = typeof viVoice;
type Piece = { id: string; text: string };

/** Every clip the fallback voice can need: generated at build time (scripts/make-voice-clips.ts). */
export function voiceClips(voice: Voice = viVoice): Record<string, string> {
  const clips: Record<string, string> = {
    intro: voice.intro,
    'to-counter': voice.toCounter,
    ten: voice.ten,
    tens: voice.tens,
    'one-after-tens': voice.oneAfterTens,
    'five-after-ten': voice.fiveAfterTen,
    'four-after-tens': voice.fourAfterTens,
  };
  voice.digits.forEach((word, d) => (clips[`digit-${d}`] = word));
  for (const [letter, word] of Object.entries(voice.letters)) clips[letterId(letter)] = word;
  return clips;
}

function letterId(letter: string): string {
  return `letter-${letter === 'Đ' ? 'DD' : letter}`;
}

function digit(voice: Voice, d: number): Piece {
  return { id: `digit-${d}`, text: voice.digits[d]! };
}

/** A character of a ticket number or counter code: a digit or a letter, spoken by its Vietnamese name. */
function characterPieces(voice: Voice, text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const ch of text.toUpperCase()) {
    if (ch >= '0' && ch <= '9') pieces.push(digit(voice, Number(ch)));
    else if (ch in voice.letters) pieces.push({ id: letterId(ch), text: voice.letters[ch as keyof Voice['letters']] });
  }
  return pieces;
}

/** 1–99 in Vietnamese words; larger numbers digit by digit. */
export function numberPieces(voice: Voice, n: number): Piece[] {
  if (!Number.isInteger(n) || n < 0 || n > 99) return characterPieces(voice, String(n));
  if (n < 10) return [digit(voice, n)];
  const [tens, units] = [Math.floor(n / 10), n % 10];
  const head: Piece[] = tens === 1 ? [{ id: 'ten', text: voice.ten }] : [digit(voice, tens), { id: 'tens', text: voice.tens }];
  if (units === 0) return head;
  if (units === 5) return [...head, { id: 'five-after-ten', text: voice.fiveAfterTen }];
  if (units === 1 && tens > 1) return [...head, { id: 'one-after-tens', text: voice.oneAfterTens }];
  if (units === 4 && tens > 1) return [...head, { id: 'four-after-tens', text: voice.fourAfterTens }];
  return [...head, digit(voice, units)];
}

function counterPieces(voice: Voice, counterId: string): Piece[] {
  return /^\d{1,2}$/.test(counterId) ? numberPieces(voice, Number(counterId)) : characterPieces(voice, counterId);
}

export interface AnnouncementWords {
  announce: (number: string, counter: string) => string;
}

/** The announcement of one call. `words` is the display language's catalogue section; the voice is Vietnamese. */
export function announcementFor(call: CallToAnnounce, words: AnnouncementWords, lang: keyof LocalizedText = 'vi', voice: Voice = viVoice): Announcement {
  const numberP = characterPieces(voice, call.number);
  const counterP = counterPieces(voice, call.counterId);
  const pieces: Piece[] = [{ id: 'intro', text: voice.intro }, ...numberP, { id: 'to-counter', text: voice.toCounter }, ...counterP];
  return {
    key: `${call.ticketId}@${call.at}`,
    call,
    text: words.announce(call.number, call.counterName[lang]),
    speech: pieces.map((p) => p.text).join(' '),
    clips: pieces.map((p) => p.id),
  };
}
