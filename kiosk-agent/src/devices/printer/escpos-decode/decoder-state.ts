/**
 * The state of one decoding run (escpos-decoder.ts): the bytes, the job being built, the current text style and
 * code page, the line and text run in progress, and the QR symbol stored for printing. The per-prefix decoders
 * (esc.ts, gs.ts, dle-fs.ts) read and change it.
 */
import { decodeCp1258 } from '../cp1258';
import { DEFAULT_STYLE, type DecodedEscPosJob, type DecodedOp, type TextStyle } from '../escpos-decoded';

export type CodePageName = 'cp437' | 'cp1252' | 'cp1258';

const latin1 = new TextDecoder('latin1');

function decodeText(bytes: number[], page: CodePageName): string {
  if (page === 'cp1258') return decodeCp1258(Uint8Array.from(bytes));
  if (page === 'cp1252') return new TextDecoder('windows-1252').decode(Uint8Array.from(bytes)).normalize('NFC');
  // cp437: ASCII is what the kiosk ever sends in this page; anything else is shown as '?'. (No spread into
  // String.fromCharCode: a long text run would overflow the argument limit.)
  return latin1.decode(Uint8Array.from(bytes, (b) => (b < 0x80 ? b : 0x3f)));
}

export class DecoderState {
  readonly ops: DecodedOp[] = [];
  readonly lines: string[] = [];
  readonly job: DecodedEscPosJob;
  style: TextStyle = { ...DEFAULT_STYLE };
  page = 0;
  line = '';
  run: number[] = [];
  qrStored = '';
  qrCell = 3;

  constructor(
    readonly b: Uint8Array,
    private readonly table: Record<number, CodePageName>,
  ) {
    this.job = { ops: this.ops, lines: this.lines, text: '', qrCodes: [], barcodes: [], images: [], cuts: 0, codePages: [], statusQueries: [] };
  }

  /** Whether `n` bytes from `at` are in the job (a command cut off at the end is not). */
  need(at: number, n: number): boolean {
    return at + n <= this.b.length;
  }

  /** The k-th parameter byte of the command at `at` (after its two command bytes). */
  arg(at: number, k: number): number {
    return this.b[at + 2 + k]!;
  }

  op(op: DecodedOp): void {
    this.ops.push(op);
  }

  command(name: string): void {
    this.ops.push({ kind: 'command', name });
  }

  flushRun(): void {
    if (!this.run.length) return;
    const text = decodeText(this.run, this.table[this.page] ?? 'cp437');
    this.run = [];
    this.ops.push({ kind: 'text', text, style: { ...this.style } });
    this.line += text;
  }

  endLine(): void {
    this.flushRun();
    this.lines.push(this.line.normalize('NFC'));
    this.line = '';
  }

  /** Ends the pending line, if any (before a cut, a QR code, an image). */
  endPendingLine(): void {
    if (this.line) this.endLine();
  }

  /** Commands that only need skipping: a known parameter count, or an unknown two-byte command. */
  fixedOrUnknown(table: Record<number, [string, number]>, prefix: number, cmd: number, at: number): number {
    const fixed = table[cmd];
    if (!fixed) {
      this.ops.push({ kind: 'unknown', bytes: [prefix, cmd] });
      return 2;
    }
    if (!this.need(at, 2 + fixed[1])) return 0;
    this.command(fixed[0]);
    return 2 + fixed[1];
  }
}
