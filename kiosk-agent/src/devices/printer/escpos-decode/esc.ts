/** ESC commands (styles, code page, feeds, tab stops, bit images); see escpos-decoder.ts. */
import { DEFAULT_STYLE, type Align } from '../escpos-decoded';
import type { DecoderState } from './decoder-state';

export const ESC = 0x1b;
const ALIGNS: Record<number, Align> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };
// ESC commands with a fixed number of parameter bytes that only matter as "a command happened".
const ESC_FIXED: Record<number, [string, number]> = {
  0x20: ['right-spacing', 1], 0x24: ['absolute-position', 2], 0x25: ['user-charset', 1], 0x32: ['default-line-spacing', 0],
  0x33: ['line-spacing', 1], 0x3d: ['select-peripheral', 1], 0x3f: ['cancel-user-char', 1], 0x42: ['beep', 2],
  0x47: ['double-strike', 1], 0x52: ['international-charset', 1],
  0x53: ['standard-mode', 0], 0x4c: ['page-mode', 0], 0x54: ['print-direction', 1], 0x55: ['unidirectional', 1],
  0x56: ['rotate', 1], 0x5c: ['relative-position', 2], 0x63: ['panel-buttons', 2], 0x70: ['drawer-pulse', 3],
  0x72: ['colour', 1], 0x7b: ['upside-down', 1],
};

/** Returns the bytes the command takes, or 0 when it is cut off by the end of the job. */
export function decodeEsc(s: DecoderState, cmd: number, at: number): number {
  const arg = (k: number): number => s.arg(at, k);
  const one = (f: (n: number) => void, name: string): number => {
    if (!s.need(at, 3)) return 0;
    f(arg(0));
    s.command(name);
    return 3;
  };
  switch (cmd) {
    case 0x40:
      s.style = { ...DEFAULT_STYLE };
      s.page = 0;
      s.op({ kind: 'init' });
      return 2;
    case 0x21:
      return one((n) => {
        s.style = { ...s.style, fontB: (n & 1) !== 0, bold: (n & 8) !== 0, heightMultiplier: n & 0x10 ? 2 : 1, widthMultiplier: n & 0x20 ? 2 : 1, underline: (n & 0x80) !== 0 };
      }, 'print-mode');
    case 0x45:
      return one((n) => (s.style = { ...s.style, bold: (n & 1) !== 0 }), 'bold');
    case 0x4d:
      return one((n) => (s.style = { ...s.style, fontB: n === 1 || n === 49 }), 'font');
    case 0x2d:
      return one((n) => (s.style = { ...s.style, underline: (n & 3) !== 0 && n !== 48 }), 'underline');
    case 0x61:
      return one((n) => (s.style = { ...s.style, align: ALIGNS[n] ?? s.style.align }), 'align');
    case 0x74:
      if (!s.need(at, 3)) return 0;
      s.page = arg(0);
      s.job.codePages.push(s.page);
      s.op({ kind: 'codepage', page: s.page });
      return 3;
    case 0x64:
      if (!s.need(at, 3)) return 0;
      s.op({ kind: 'feed', lines: arg(0) });
      // "Print and feed n lines": a pending line is the first of them; n = 0 only prints it.
      if (arg(0) === 0) s.endPendingLine();
      else for (let k = 0; k < arg(0); k++) s.endLine();
      return 3;
    case 0x4a:
      // ESC J n prints the pending line and feeds n dots (less than a text line: no empty line of its own).
      if (!s.need(at, 3)) return 0;
      s.endPendingLine();
      s.command('feed-dots');
      return 3;
    case 0x44: {
      // Tab stops: up to 32 bytes ended by NUL.
      let k = at + 2;
      while (k < s.b.length && s.b[k] !== 0) k++;
      if (k >= s.b.length) return 0;
      s.command('tab-stops');
      return k - at + 1;
    }
    case 0x2a: {
      if (!s.need(at, 5)) return 0;
      const n = arg(1) + arg(2) * 256;
      const len = 5 + (arg(0) >= 32 ? 3 * n : n);
      if (!s.need(at, len)) return 0;
      s.command('bit-image');
      return len;
    }
  }
  return s.fixedOrUnknown(ESC_FIXED, ESC, cmd, at);
}
