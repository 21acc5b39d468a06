/**
 * ESC/POS decoder (pure): bytes → what a printer would do. Used by the printer simulator and by tests to read
 * back what the agent sends. It never throws: unknown commands are skipped as `unknown` ops, a command cut off at
 * the end of the job becomes one `unknown` op, and text is decoded in the code page selected with `ESC t`.
 * Commands are read the way an Epson TM reads them, not the way a library meant them: node-thermal-printer's
 * drawer kick (`ESC p 0 ESC p 1`) is one ESC p with odd pulse times on a printer too.
 */
import { decodeCp1258 } from './cp1258';
import { DEFAULT_STYLE, type Align, type DecodedEscPosJob, type DecodedOp, type TextStyle } from './escpos-decoded';

export type { Align, DecodedEscPosJob, DecodedOp, RasterImage, TextStyle } from './escpos-decoded';

export type CodePageName = 'cp437' | 'cp1252' | 'cp1258';
export const DEFAULT_CODE_PAGES: Record<number, CodePageName> = { 0: 'cp437', 16: 'cp1252', 52: 'cp1258' };

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const FS = 0x1c;
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
const GS_FIXED: Record<number, [string, number]> = {
  0x48: ['hri-position', 1], 0x4c: ['left-margin', 2], 0x50: ['motion-units', 2], 0x57: ['print-area-width', 2],
  0x61: ['auto-status-back', 1], 0x62: ['smoothing', 1], 0x66: ['hri-font', 1], 0x68: ['barcode-height', 1],
  0x72: ['transmit-status', 1], 0x77: ['barcode-width', 1], 0x49: ['transmit-printer-id', 1], 0x3a: ['macro', 0],
  0x7c: ['print-density', 1],
};
const FS_FIXED: Record<number, [string, number]> = { 0x26: ['kanji-mode', 0], 0x2e: ['kanji-mode', 0], 0x70: ['nv-image', 2] };
// GS ( k cn: the 2D symbols other than QR, named so a job listing says what was sent.
const SYMBOLS: Record<number, string> = { 0x30: 'pdf417', 0x32: 'maxicode', 0x33: 'gs1-databar', 0x34: 'composite', 0x35: 'aztec', 0x36: 'datamatrix' };
// Default horizontal tab stops: every 8 characters (ESC D changes them; kiosk layouts never do).
const TAB_WIDTH = 8;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** QR payloads are bytes; the kiosk writes UTF-8 (ASCII in practice), anything else is shown byte for byte. */
function decodePayload(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

function decodeText(bytes: number[], page: CodePageName): string {
  if (page === 'cp1258') return decodeCp1258(Uint8Array.from(bytes));
  if (page === 'cp1252') return new TextDecoder('windows-1252').decode(Uint8Array.from(bytes)).normalize('NFC');
  // cp437: ASCII is what the kiosk ever sends in this page; anything else is shown as '?'. (No spread into
  // String.fromCharCode: a long text run would overflow the argument limit.)
  return latin1.decode(Uint8Array.from(bytes, (b) => (b < 0x80 ? b : 0x3f)));
}

export interface DecodeEscPosOptions {
  /** `ESC t n` → code page, merged over the defaults (0 → cp437, 16 → cp1252, 52 → cp1258). */
  codePageTable?: Record<number, CodePageName>;
}

/**
 * `lines` has one entry per printed line, including the empty lines that feeds (`ESC d n`) leave at the end;
 * `text` is the same lines joined with '\n' without trailing blank lines.
 */
export function decodeEscPos(input: Uint8Array, options: DecodeEscPosOptions = {}): DecodedEscPosJob {
  const table = { ...DEFAULT_CODE_PAGES, ...options.codePageTable };
  const b = input;
  const ops: DecodedOp[] = [];
  const lines: string[] = [];
  const job: DecodedEscPosJob = { ops, lines, text: '', qrCodes: [], barcodes: [], images: [], cuts: 0, codePages: [], statusQueries: [] };
  let style: TextStyle = { ...DEFAULT_STYLE };
  let page = 0;
  let line = '';
  let run: number[] = [];
  let qrStored = '';
  let qrCell = 3;

  const flushRun = (): void => {
    if (!run.length) return;
    const text = decodeText(run, table[page] ?? 'cp437');
    run = [];
    ops.push({ kind: 'text', text, style: { ...style } });
    line += text;
  };
  const endLine = (): void => {
    flushRun();
    lines.push(line.normalize('NFC'));
    line = '';
  };
  const need = (i: number, n: number): boolean => i + n <= b.length;

  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c >= 0x20 && c !== 0x7f) {
      run.push(c);
      i += 1;
      continue;
    }
    flushRun();
    i += 1;
    if (c === 0x0a) {
      ops.push({ kind: 'newline' });
      endLine();
    } else if (c === 0x09) {
      run.push(...Array<number>(TAB_WIDTH - ([...line].length % TAB_WIDTH)).fill(0x20));
    } else if (c === 0x0c) {
      ops.push({ kind: 'feed', lines: 1 });
      endLine();
    } else if (c === ESC || c === GS || c === DLE || c === FS) {
      const consumed = i < b.length ? decodeCommand(c, b[i]!, i - 1) : 0;
      if (consumed <= 0) {
        ops.push({ kind: 'unknown', bytes: [...b.subarray(i - 1)] });
        break;
      }
      i += consumed - 1;
    } else if (c !== 0x0d && c !== 0x00 && c !== 0x7f) {
      // CR (no auto line feed on Epson), NUL padding and DEL do nothing; other stray control bytes are noted.
      ops.push({ kind: 'unknown', bytes: [c] });
    }
  }
  flushRun();
  // Text never ended by a line feed still sits in the printer's buffer; shown anyway, it is what was sent.
  if (line) lines.push(line.normalize('NFC'));
  const printed = [...lines];
  while (printed.length && printed[printed.length - 1]!.trim() === '') printed.pop();
  job.text = printed.join('\n');
  return job;

  /** Returns the bytes the command takes, or 0 when it is cut off by the end of the job. */
  function decodeCommand(prefix: number, cmd: number, at: number): number {
    const arg = (k: number): number => b[at + 2 + k]!;
    if (prefix === DLE) {
      if (cmd === 0x04 || cmd === 0x05) {
        if (!need(at, 3)) return 0;
        if (cmd === 0x04) {
          job.statusQueries.push(arg(0));
          ops.push({ kind: 'status-query', n: arg(0) });
        } else ops.push({ kind: 'command', name: 'realtime-request' });
        return 3;
      }
      if (cmd === 0x14) return need(at, 5) ? (ops.push({ kind: 'command', name: 'realtime-pulse' }), 5) : 0;
      // A lone DLE is no command: the byte after it is read afresh.
      ops.push({ kind: 'unknown', bytes: [prefix] });
      return 1;
    }
    if (prefix === FS) return fixedOrUnknown(FS_FIXED, FS, cmd, at);
    if (prefix === ESC) return decodeEsc(cmd, at, arg);
    return decodeGs(cmd, at, arg);
  }

  function decodeEsc(cmd: number, at: number, arg: (k: number) => number): number {
    const one = (f: (n: number) => void, name: string): number => {
      if (!need(at, 3)) return 0;
      f(arg(0));
      ops.push({ kind: 'command', name });
      return 3;
    };
    switch (cmd) {
      case 0x40:
        style = { ...DEFAULT_STYLE };
        page = 0;
        ops.push({ kind: 'init' });
        return 2;
      case 0x21:
        return one((n) => {
          style = { ...style, fontB: (n & 1) !== 0, bold: (n & 8) !== 0, heightMultiplier: n & 0x10 ? 2 : 1, widthMultiplier: n & 0x20 ? 2 : 1, underline: (n & 0x80) !== 0 };
        }, 'print-mode');
      case 0x45:
        return one((n) => (style = { ...style, bold: (n & 1) !== 0 }), 'bold');
      case 0x4d:
        return one((n) => (style = { ...style, fontB: n === 1 || n === 49 }), 'font');
      case 0x2d:
        return one((n) => (style = { ...style, underline: (n & 3) !== 0 && n !== 48 }), 'underline');
      case 0x61:
        return one((n) => (style = { ...style, align: ALIGNS[n] ?? style.align }), 'align');
      case 0x74:
        if (!need(at, 3)) return 0;
        page = arg(0);
        job.codePages.push(page);
        ops.push({ kind: 'codepage', page });
        return 3;
      case 0x64:
        if (!need(at, 3)) return 0;
        ops.push({ kind: 'feed', lines: arg(0) });
        // "Print and feed n lines": a pending line is the first of them; n = 0 only prints it.
        if (arg(0) === 0) {
          if (line) endLine();
        } else for (let k = 0; k < arg(0); k++) endLine();
        return 3;
      case 0x4a:
        // ESC J n prints the pending line and feeds n dots (less than a text line: no empty line of its own).
        if (!need(at, 3)) return 0;
        if (line) endLine();
        ops.push({ kind: 'command', name: 'feed-dots' });
        return 3;
      case 0x44: {
        // Tab stops: up to 32 bytes ended by NUL.
        let k = at + 2;
        while (k < b.length && b[k] !== 0) k++;
        if (k >= b.length) return 0;
        ops.push({ kind: 'command', name: 'tab-stops' });
        return k - at + 1;
      }
      case 0x2a: {
        if (!need(at, 5)) return 0;
        const n = arg(1) + arg(2) * 256;
        const len = 5 + (arg(0) >= 32 ? 3 * n : n);
        return need(at, len) ? (ops.push({ kind: 'command', name: 'bit-image' }), len) : 0;
      }
    }
    return fixedOrUnknown(ESC_FIXED, ESC, cmd, at);
  }

  function decodeGs(cmd: number, at: number, arg: (k: number) => number): number {
    switch (cmd) {
      case 0x21:
        if (!need(at, 3)) return 0;
        style = { ...style, widthMultiplier: ((arg(0) >> 4) & 7) + 1, heightMultiplier: (arg(0) & 7) + 1 };
        ops.push({ kind: 'command', name: 'character-size' });
        return 3;
      case 0x42:
        if (!need(at, 3)) return 0;
        style = { ...style, invert: (arg(0) & 1) !== 0 };
        ops.push({ kind: 'command', name: 'invert' });
        return 3;
      case 0x56: {
        if (!need(at, 3)) return 0;
        const m = arg(0);
        const len = m >= 65 ? 4 : 3;
        if (!need(at, len)) return 0;
        if (line) endLine();
        job.cuts += 1;
        ops.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 || m === 98 });
        return len;
      }
      case 0x28: {
        // GS ( X pL pH ...: QR codes and other functions with a length prefix.
        if (!need(at, 5)) return 0;
        const len = arg(1) + arg(2) * 256;
        if (!need(at, 5 + len)) return 0;
        if (arg(0) === 0x6b && len >= 3 && arg(3) === 0x31) {
          const fn = arg(4);
          if (fn === 0x50) qrStored = decodePayload(b.subarray(at + 8, at + 5 + len));
          else if (fn === 0x43) qrCell = arg(5);
          else if (fn === 0x51) {
            if (line) endLine();
            job.qrCodes.push(qrStored);
            ops.push({ kind: 'qr', data: qrStored, align: style.align, cellSize: qrCell });
          }
        } else {
          const symbol = arg(0) === 0x6b && len >= 1 ? SYMBOLS[arg(3)] : undefined;
          ops.push({ kind: 'command', name: symbol ?? `gs-paren-${String.fromCharCode(arg(0))}` });
        }
        return 5 + len;
      }
      case 0x6b: {
        if (!need(at, 3)) return 0;
        const m = arg(0);
        let start = at + 3;
        let end: number;
        if (m <= 6) {
          end = start;
          while (end < b.length && b[end] !== 0) end++;
          if (end >= b.length) return 0;
        } else {
          if (!need(at, 4)) return 0;
          start = at + 4;
          end = start + arg(1);
          if (end > b.length) return 0;
        }
        let data = latin1.decode(b.subarray(start, end));
        // CODE128 data starts with its code-set selector ({A, {B, {C), which is not part of the printed value.
        if (m === 73) data = data.replace(/^\{[ABC]/, '');
        job.barcodes.push(data);
        ops.push({ kind: 'barcode', data });
        return end - at + (m <= 6 ? 1 : 0);
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d1…dk: raster bit image.
        if (!need(at, 8) || arg(0) !== 0x30) return need(at, 8) ? (ops.push({ kind: 'unknown', bytes: [GS, cmd] }), 2) : 0;
        const widthBytes = arg(2) + arg(3) * 256;
        const height = arg(4) + arg(5) * 256;
        const len = 8 + widthBytes * height;
        if (!need(at, len)) return 0;
        if (line) endLine();
        const image = { widthDots: widthBytes * 8, heightDots: height, bits: b.slice(at + 8, at + len), align: style.align };
        job.images.push(image);
        ops.push({ kind: 'image', image });
        return len;
      }
    }
    return fixedOrUnknown(GS_FIXED, GS, cmd, at);
  }

  /** Commands that only need skipping: a known parameter count, or an unknown two-byte command. */
  function fixedOrUnknown(table: Record<number, [string, number]>, prefix: number, cmd: number, at: number): number {
    const fixed = table[cmd];
    if (!fixed) {
      ops.push({ kind: 'unknown', bytes: [prefix, cmd] });
      return 2;
    }
    if (!need(at, 2 + fixed[1])) return 0;
    ops.push({ kind: 'command', name: fixed[0] });
    return 2 + fixed[1];
  }
}
