/**
 * ESC/POS decoder (pure): bytes → what a printer would do. Used by the printer simulator and by tests to read
 * back what the agent sends. It never throws: unknown commands are skipped as `unknown` ops, a command cut off at
 * the end of the job becomes one `unknown` op, and text is decoded in the code page selected with `ESC t`.
 * Commands are read the way an Epson TM reads them, not the way a library meant them: node-thermal-printer's
 * drawer kick (`ESC p 0 ESC p 1`) is one ESC p with odd pulse times on a printer too. One module per command
 * prefix (escpos-decode/), all reading and changing one decoding state.
 */
import type { DecodedEscPosJob } from './escpos-decoded';
import { DecoderState, type CodePageName } from './escpos-decode/decoder-state';
import { DLE, FS, decodeDle, decodeFs } from './escpos-decode/dle-fs';
import { ESC, decodeEsc } from './escpos-decode/esc';
import { GS, decodeGs } from './escpos-decode/gs';

export type { Align, DecodedEscPosJob, DecodedOp, RasterImage, TextStyle } from './escpos-decoded';
export type { CodePageName };

export const DEFAULT_CODE_PAGES: Record<number, CodePageName> = { 0: 'cp437', 16: 'cp1252', 52: 'cp1258' };
// Default horizontal tab stops: every 8 characters (ESC D changes them; kiosk layouts never do).
const TAB_WIDTH = 8;

export interface DecodeEscPosOptions {
  /** `ESC t n` → code page, merged over the defaults (0 → cp437, 16 → cp1252, 52 → cp1258). */
  codePageTable?: Record<number, CodePageName>;
}

const DECODERS: Record<number, (s: DecoderState, cmd: number, at: number) => number> = { [ESC]: decodeEsc, [GS]: decodeGs, [DLE]: decodeDle, [FS]: decodeFs };

/**
 * `lines` has one entry per printed line, including the empty lines that feeds (`ESC d n`) leave at the end;
 * `text` is the same lines joined with '\n' without trailing blank lines.
 */
export function decodeEscPos(input: Uint8Array, options: DecodeEscPosOptions = {}): DecodedEscPosJob {
  const s = new DecoderState(input, { ...DEFAULT_CODE_PAGES, ...options.codePageTable });
  const b = input;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c >= 0x20 && c !== 0x7f) {
      s.run.push(c);
      i += 1;
      continue;
    }
    s.flushRun();
    i += 1;
    const decode = DECODERS[c];
    if (c === 0x0a) {
      s.op({ kind: 'newline' });
      s.endLine();
    } else if (c === 0x09) {
      s.run.push(...Array<number>(TAB_WIDTH - ([...s.line].length % TAB_WIDTH)).fill(0x20));
    } else if (c === 0x0c) {
      s.op({ kind: 'feed', lines: 1 });
      s.endLine();
    } else if (decode) {
      const consumed = i < b.length ? decode(s, b[i]!, i - 1) : 0;
      if (consumed <= 0) {
        s.op({ kind: 'unknown', bytes: [...b.subarray(i - 1)] });
        break;
      }
      i += consumed - 1;
    } else if (c !== 0x0d && c !== 0x00 && c !== 0x7f) {
      // CR (no auto line feed on Epson), NUL padding and DEL do nothing; other stray control bytes are noted.
      s.op({ kind: 'unknown', bytes: [c] });
    }
  }
  s.flushRun();
  // Text never ended by a line feed still sits in the printer's buffer; shown anyway, it is what was sent.
  if (s.line) s.lines.push(s.line.normalize('NFC'));
  const printed = [...s.lines];
  while (printed.length && printed[printed.length - 1]!.trim() === '') printed.pop();
  s.job.text = printed.join('\n');
  return s.job;
}
