import { describe, expect, it } from 'vitest';
import { announcementFor, numberPieces, voiceClips } from '../../kiosk-ui/src/flows/lobby-display/announcement';
import { audibleRange } from '../../kiosk-ui/src/flows/lobby-display/announcer';
import { en } from '../../kiosk-ui/src/i18n/en';
import { vi } from '../../kiosk-ui/src/i18n/vi';
import { viVoice } from '../../kiosk-ui/src/i18n/staff.vi';
import type { RecentCall } from '../../shared/counter-schemas';

const call = (over: Partial<RecentCall> = {}): RecentCall => ({
  ticketId: 't12',
  number: 'A012',
  counterId: '3',
  counterName: { vi: 'Quầy số 3', en: 'Counter 3' },
  serviceId: 'tu-phap',
  at: '2026-11-23T02:00:00.000Z',
  recall: false,
  ...over,
});
const words = (n: number) => numberPieces(viVoice, n).map((p) => p.text).join(' ');

describe('the announcement of a call', () => {
  it('shows the sentence of the issue and speaks the number character by character', () => {
    const a = announcementFor(call(), vi.display);
    expect(a.text).toBe('Mời công dân có số A012 đến Quầy số 3');
    expect(a.speech).toBe('Mời công dân có số a không một hai đến quầy số ba');
    expect(a.clips).toEqual(['intro', 'letter-A', 'digit-0', 'digit-1', 'digit-2', 'to-counter', 'digit-3']);
  });

  it('says counter numbers the Vietnamese way', () => {
    expect(words(10)).toBe('mười');
    expect(words(11)).toBe('mười một');
    expect(words(15)).toBe('mười lăm');
    expect(words(20)).toBe('hai mươi');
    expect(words(21)).toBe('hai mươi mốt');
    expect(words(24)).toBe('hai mươi tư');
    expect(words(35)).toBe('ba mươi lăm');
    expect(words(99)).toBe('chín mươi chín');
    expect(words(105)).toBe('một không năm');
  });

  it('spells a counter code that is not a number, and names letters as Vietnamese do', () => {
    const a = announcementFor(call({ counterId: 'B2', number: 'D105' }), vi.display);
    expect(a.speech).toBe('Mời công dân có số dê một không năm đến quầy số bê hai');
  });

  it('every clip an announcement can use is in the generated set, and a recall is a new announcement', () => {
    const clips = voiceClips();
    for (const n of ['A001', 'B999', 'Z050']) for (const counter of ['1', '15', '21', '99', 'X7']) {
      for (const id of announcementFor(call({ number: n, counterId: counter }), vi.display).clips) expect(clips[id], id).toBeTruthy();
    }
    expect(announcementFor(call({ recall: true, at: '2026-11-23T02:01:00.000Z' }), vi.display).key).not.toBe(announcementFor(call(), vi.display).key);
  });

  it('uses the display language for the shown sentence', () => {
    expect(announcementFor(call(), en.display, 'en').text).toBe('Number A012, please go to Counter 3');
  });

  it('plays only the audible part of a padded clip', () => {
    const samples = new Float32Array(1000);
    samples.fill(0.5, 300, 600);
    const [from, to] = audibleRange(samples, 1000, 0.02, 0);
    expect([from, to]).toEqual([0.3, 0.6]);
    expect(audibleRange(new Float32Array(100), 1000)).toEqual([0, 0.1]);
  });
});
