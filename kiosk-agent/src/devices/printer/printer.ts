/** The narrow interface the domain sees for the ticket printer. Drivers throw AgentError with PRINTER_* codes. */
import type { DeviceStatus } from '../../../../shared/api-schemas';
import type { StatusReplies } from './status-query';

export interface Printer {
  /** Sends one complete job (already ESC/POS bytes). Resolves when the printer has taken the last byte. */
  print(job: Uint8Array): Promise<void>;
  status(): DeviceStatus;
  /** Asks the device for its real state now (not between jobs' bytes). */
  refreshStatus(): Promise<DeviceStatus>;
  onStatusChange(listener: (status: DeviceStatus) => void): () => void;
  /** The bytes of the last DLE EOT exchange, for the technician (null before one, or for a device file: no replies). */
  lastStatusReplies(): StatusReplies | null;
  close(): Promise<void>;
}
