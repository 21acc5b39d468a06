/** A wedge scanner's burst is a scan; a person typing the same characters is not. */
import { describe, expect, it } from 'vitest';
import { KeyboardWedge } from '../../kiosk-ui/src/scanning/keyboard-wedge';

const CODE = '000.00.15.H29-250704-0012';

function type(wedge: KeyboardWedge, text: string, startMs: number, gapMs: number, extra: string[] = []): (string | null)[] {
  const keys = [...text, ...extra, 'Enter'];
  return keys.map((k, i) => wedge.key(k, startMs + i * gapMs));
}

describe('keyboard wedge detection', () => {
  it('a burst ending in Enter is one scan', () => {
    const wedge = new KeyboardWedge();
    const out = type(wedge, CODE, 1000, 4);
    expect(out.at(-1)).toBe(CODE);
    expect(out.slice(0, -1).every((x) => x === null)).toBe(true);
  });

  it('a person typing (120 ms per key) is never a scan', () => {
    const wedge = new KeyboardWedge();
    expect(type(wedge, CODE, 1000, 120).at(-1)).toBeNull();
  });

  it('keys a person pressed before the scan do not stick to the code', () => {
    const wedge = new KeyboardWedge();
    wedge.key('x', 0);
    wedge.key('y', 200);
    expect(type(wedge, CODE, 2000, 3).at(-1)).toBe(CODE);
  });

  it('Shift and other named keys inside a burst are not text', () => {
    const wedge = new KeyboardWedge();
    const keys = ['0', '0', '0', '.', 'Shift', 'H', '2', '9', 'Enter'];
    const out = keys.map((k, i) => wedge.key(k, 500 + i * 5));
    expect(out.at(-1)).toBe('000.H29');
  });

  it('a short burst (a stray key and Enter) is ignored, and a slow Enter ends nothing', () => {
    const wedge = new KeyboardWedge();
    expect(type(wedge, 'ab', 0, 5).at(-1)).toBeNull();
    const out = [...CODE].map((k, i) => wedge.key(k, 1000 + i * 5));
    expect(out.every((x) => x === null)).toBe(true);
    expect(wedge.key('Enter', 1000 + CODE.length * 5 + 500)).toBeNull();
  });

  it('two scans in a row come out separately', () => {
    const wedge = new KeyboardWedge();
    expect(type(wedge, CODE, 0, 3).at(-1)).toBe(CODE);
    expect(type(wedge, '000.00.15.H29-250704-0013', 10, 3).at(-1)).toBe('000.00.15.H29-250704-0013');
  });
});
