/**
 * Real-time status (`DLE EOT n`, pure decoding). Every reply satisfies (b & 0x93) == 0x12; anything else is not a
 * status byte. n=1 printer status, n=2 offline cause, n=4 roll paper sensor (Epson TM reference).
 */
import type { DeviceState } from '../../../../shared/api-schemas';

export const DLE_EOT = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface PrinterStatusBits {
  offline: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperEnd: boolean;
}

export function decodeStatus(printerStatus: number, offlineCause: number | undefined, paperSensor: number): PrinterStatusBits {
  return {
    offline: (printerStatus & 0x08) !== 0,
    coverOpen: offlineCause !== undefined && (offlineCause & 0x04) !== 0,
    paperNearEnd: (paperSensor & 0x0c) !== 0,
    paperEnd: (paperSensor & 0x60) !== 0,
  };
}

export function stateFromBits(bits: PrinterStatusBits): DeviceState {
  if (bits.paperEnd) return 'paper-out';
  if (bits.coverOpen) return 'cover-open';
  if (bits.offline) return 'offline';
  if (bits.paperNearEnd) return 'paper-low';
  return 'ready';
}
