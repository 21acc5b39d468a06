/** A scanner in software: writes codes to the scanner's serial line as a real one does (code + suffix). */
import type { ByteLink } from '../serial/byte-link';
import type { ScanSuffix } from './scan-framing';

const SUFFIX_BYTES: Record<ScanSuffix, number[]> = { CR: [0x0d], LF: [0x0a], CRLF: [0x0d, 0x0a], none: [] };

export class SimulatedScanner {
  constructor(
    private readonly link: ByteLink,
    private readonly suffix: ScanSuffix = 'CR',
  ) {}

  scan(code: string): Promise<void> {
    return this.link.write(Uint8Array.from([...new TextEncoder().encode(code), ...SUFFIX_BYTES[this.suffix]]));
  }

  /** Raw bytes, for garbage and split-frame tests. */
  sendRaw(bytes: Uint8Array): Promise<void> {
    return this.link.write(bytes);
  }
}
