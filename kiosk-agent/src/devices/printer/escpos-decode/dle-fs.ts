/** DLE (real-time status requests and pulses) and FS (kanji, NV images) commands; see escpos-decoder.ts. */
import type { DecoderState } from './decoder-state';

export const DLE = 0x10;
export const FS = 0x1c;
const FS_FIXED: Record<number, [string, number]> = { 0x26: ['kanji-mode', 0], 0x2e: ['kanji-mode', 0], 0x70: ['nv-image', 2] };

/** Returns the bytes the command takes, or 0 when it is cut off by the end of the job. */
export function decodeDle(s: DecoderState, cmd: number, at: number): number {
  if (cmd === 0x04 || cmd === 0x05) {
    if (!s.need(at, 3)) return 0;
    if (cmd === 0x04) {
      s.job.statusQueries.push(s.arg(at, 0));
      s.op({ kind: 'status-query', n: s.arg(at, 0) });
    } else s.command('realtime-request');
    return 3;
  }
  if (cmd === 0x14) {
    if (!s.need(at, 5)) return 0;
    s.command('realtime-pulse');
    return 5;
  }
  // A lone DLE is no command: the byte after it is read afresh.
  s.op({ kind: 'unknown', bytes: [DLE] });
  return 1;
}

export function decodeFs(s: DecoderState, cmd: number, at: number): number {
  return s.fixedOrUnknown(FS_FIXED, FS, cmd, at);
}
