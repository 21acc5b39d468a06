/** The narrow interface the domain sees for the ticket printer. Drivers throw AgentError with PRINTER_* codes. */
import type { DeviceStatus } from '../../../../shared/api-schemas';
import type { PrintDocument } from './print-document';

/** The printer's last answer to the real-time status requests (DLE EOT 1, 4, and 2 when offline), decoded. */
export interface PrinterStatusReport {
  printerStatus: number;
  offlineCause?: number;
  paperSensor: number;
  bits: { offline: boolean; coverOpen: boolean; paperNearEnd: boolean; paperEnd: boolean };
}

export interface Printer {
  /**
   * Prints one slip and cuts; the driver encodes it for its device and text mode. Resolves when the printer has
   * taken the last byte, with how many bytes that was.
   */
  print(doc: PrintDocument): Promise<{ bytes: number }>;
  status(): DeviceStatus;
  /** Asks the device for its real state now (not between jobs' bytes). */
  refreshStatus(): Promise<DeviceStatus>;
  onStatusChange(listener: (status: DeviceStatus) => void): () => void;
  /** The last DLE EOT exchange and its bits, for the technician (null before one, or for a device file: no replies). */
  lastStatus(): PrinterStatusReport | null;
  close(): Promise<void>;
}
