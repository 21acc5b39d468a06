/** The narrow interface the domain sees for the result lockers, whatever board protocol drives them. */
import type { DeviceStatus } from '../../../../shared/api-schemas';

export interface LockState {
  board: number;
  lock: number;
  /** Door open (lock released). */
  open: boolean;
  /** Item sensor where fitted. */
  occupied: boolean;
}

export interface DoorEvent {
  board: number;
  lock: number;
  open: boolean;
}

export interface LockerBank {
  /** Releases one lock and confirms with a status read; resolves with the confirmed state of that lock. */
  unlock(board: number, lock: number): Promise<LockState>;
  /** Reads every lock of one board. */
  readBoard(board: number): Promise<LockState[]>;
  status(): DeviceStatus;
  onStatusChange(listener: (status: DeviceStatus) => void): () => void;
  /** Door changes found by polling. */
  onDoor(listener: (event: DoorEvent) => void): () => void;
  close(): Promise<void>;
}
