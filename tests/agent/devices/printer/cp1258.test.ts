import { describe, expect, it } from 'vitest';
import { canEncodeCp1258, decodeCp1258, encodeCp1258 } from '../../../../kiosk-agent/src/devices/printer/cp1258';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const ALL_LETTERS = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  'đ',
].flatMap((l) => [l, l.toUpperCase()]);
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

describe('CP1258', () => {
  it('covers all 134 toned letters plus the plain vowels and đ, upper and lower case', () => {
    expect(new Set(ALL_LETTERS).size).toBe(12 * 6 * 2 + 2);
  });

  it.each(ALL_LETTERS)('round-trips %s', (letter) => {
    const bytes = encodeCp1258(letter);
    expect(bytes.includes(0x3f)).toBe(false);
    expect(decodeCp1258(bytes)).toBe(letter.normalize('NFC'));
  });

  it('writes toned letters as base letter + combining tone byte, keeping ư ơ ă â ê ô đ whole', () => {
    expect(hex(encodeCp1258('ộ'))).toBe('f4 f2');
    expect(hex(encodeCp1258('ự'))).toBe('fd f2');
    expect(hex(encodeCp1258('ẫ'))).toBe('e2 de');
    expect(hex(encodeCp1258('ở'))).toBe('f5 d2');
    expect(hex(encodeCp1258('ế'))).toBe('ea ec');
    expect(hex(encodeCp1258('Đ'))).toBe('d0');
    expect(hex(encodeCp1258('ị'))).toBe('69 f2');
    expect(hex(encodeCp1258('ỳ'))).toBe('79 cc');
  });

  it('uses the precomposed byte where CP1258 has one', () => {
    expect(hex(encodeCp1258('á'))).toBe('e1');
    expect(hex(encodeCp1258('Ú'))).toBe('da');
  });

  it('encodes a service name byte for byte', () => {
    // T ư space p h á p space – space H ộ space t ị c h
    expect(hex(encodeCp1258('Tư pháp – Hộ tịch'))).toBe('54 fd 20 70 68 e1 70 20 96 20 48 f4 f2 20 74 69 f2 63 68');
  });

  it('gives the same bytes for NFC and NFD input', () => {
    const s = 'Người có công với cách mạng';
    expect(hex(encodeCp1258(s.normalize('NFD')))).toBe(hex(encodeCp1258(s.normalize('NFC'))));
    expect(decodeCp1258(encodeCp1258(s.normalize('NFD')))).toBe(s.normalize('NFC'));
  });

  it('replaces what the code page cannot hold with ?', () => {
    expect(decodeCp1258(encodeCp1258('Số 1 → quầy 漢'))).toBe('Số 1 ? quầy ?');
    expect(canEncodeCp1258('Thời gian chờ dự kiến')).toBe(true);
    expect(canEncodeCp1258('→')).toBe(false);
  });

  it('maps the rest of the Windows-1258 table both ways', () => {
    expect(hex(encodeCp1258('€ “số” ‘1’ • — ₫ ™ Ÿ'))).toBe('80 20 93 73 f4 ec 94 20 91 31 92 20 95 20 97 20 fe 20 99 20 9f');
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = decodeCp1258(Uint8Array.of(b));
      if (ch === '\ufffd') continue; // 81 8A 8D 8E 8F 90 9A 9D 9E are undefined in CP1258
      expect(hex(encodeCp1258(ch)), `byte ${b.toString(16)}`).toBe(b.toString(16));
    }
    expect(decodeCp1258(Uint8Array.of(0x81))).toBe('\ufffd');
  });

  it('decodes combining tone bytes onto the preceding letter (NFC)', () => {
    expect(decodeCp1258(Uint8Array.of(0x48, 0xf4, 0xf2))).toBe('Hộ');
    expect(decodeCp1258(Uint8Array.of(0xd5, 0xd2))).toBe('Ở');
  });

  it('refuses letters whose marks would come back in another order', () => {
    // ṏ = o + tilde + diaeresis; CP1258 could only write ö + tilde, which is a different letter.
    expect(canEncodeCp1258('ṏ')).toBe(false);
    expect(hex(encodeCp1258('ṏ'))).toBe('3f');
  });

  it('writes one ? per unencodable character, even outside the BMP', () => {
    expect(hex(encodeCp1258('a😀b'))).toBe('61 3f 62');
  });
});
