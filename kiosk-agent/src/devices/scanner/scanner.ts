/** The narrow interface for the barcode/QR scanner. */
import type { DeviceStatus } from '../../../../shared/api-schemas';

export interface ScanRejected {
  reason: 'empty' | 'too-short' | 'too-long' | 'not-text';
  rawHex: string;
}

export interface Scanner {
  onScan(listener: (code: string) => void): () => void;
  /** Garbage from the scanner, for the UI to say "please scan again"; never a crash. */
  onRejected(listener: (rejected: ScanRejected) => void): () => void;
  status(): DeviceStatus;
  onStatusChange(listener: (status: DeviceStatus) => void): () => void;
  close(): Promise<void>;
}
