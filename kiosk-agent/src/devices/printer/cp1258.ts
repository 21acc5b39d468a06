/**
 * Windows-1258 (Vietnamese), by hand. Most toned letters have no byte of their own in CP1258: they are written as
 * a base letter (a, ă, â, e, ê, o, ô, ơ, u, ư, y…) followed by one of five combining tone bytes. Letters that CP1258
 * does hold precomposed (à, á, é…) are written as that single byte. decode(encode(s)) === s.normalize('NFC')
 * for every Vietnamese letter (tests/agent/devices/printer/cp1258.test.ts).
 */

// 0x80–0xFF; '' marks bytes the code page leaves undefined.
const HIGH = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', '', '‹', 'Œ', '', '', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', '', '›', 'œ', '', '', 'Ÿ',
  '\u00a0', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u00ad', '®', '¯',
  '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿',
  'À', 'Á', 'Â', 'Ă', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', '\u0300', 'Í', 'Î', 'Ï',
  'Đ', 'Ñ', '\u0309', 'Ó', 'Ô', 'Ơ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ư', '\u0303', 'ß',
  'à', 'á', 'â', 'ă', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', '\u0301', 'í', 'î', 'ï',
  'đ', 'ñ', '\u0323', 'ó', 'ô', 'ơ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ư', '₫', 'ÿ',
] as const;

const ENCODE = new Map<string, number>();
HIGH.forEach((ch, i) => {
  if (ch) ENCODE.set(ch, 0x80 + i);
});

/** The five Vietnamese tones as combining marks (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const QUESTION = 0x3f;

function encodeChar(ch: string, out: number[]): boolean {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) {
    out.push(code);
    return true;
  }
  const direct = ENCODE.get(ch);
  if (direct !== undefined) {
    out.push(direct);
    return true;
  }
  // Split off the tone; what is left (e.g. "ô" from "ộ") must be a CP1258 letter of its own.
  const parts = [...ch.normalize('NFD')];
  const tones = parts.filter((p) => TONE_MARKS.has(p));
  const rest = parts.filter((p) => !TONE_MARKS.has(p)).join('').normalize('NFC');
  if (tones.length !== 1 || [...rest].length !== 1) return false;
  const base = rest.codePointAt(0)! < 0x80 ? rest.codePointAt(0)! : ENCODE.get(rest);
  if (base === undefined) return false;
  // Marks of the same combining class do not commute (ṏ is o + ◌̃ + ◌̈, not ö + ◌̃): refuse what would not decode back.
  if ((rest + tones[0]!).normalize('NFC') !== ch) return false;
  out.push(base, ENCODE.get(tones[0]!)!);
  return true;
}

export function encodeCp1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (!encodeChar(ch, out)) out.push(QUESTION);
  }
  return Uint8Array.from(out);
}

export function canEncodeCp1258(text: string): boolean {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) if (!encodeChar(ch, out)) return false;
  return true;
}

export function decodeCp1258(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : HIGH[b - 0x80] || '\ufffd';
  return s.normalize('NFC');
}
