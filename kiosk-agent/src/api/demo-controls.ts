/**
 * What the demo routes can do to the simulated devices, as the API sees it: an interface, so the API knows nothing
 * of the simulator classes (the composition root adapts them, compose/demo-controls.ts). Each part is present only
 * when that device is simulated; the bank only in the demo itself (sample dossiers seeded) with `payments` set.
 */
import type { PrintedJob, SimulatedPrinterStateView } from '../../../shared/api-schemas';
import type { DemoBankTransfer } from '../../../shared/payment-schemas';

export interface DemoControls {
  printer?: {
    /** The last jobs the simulated printer received, newest first, decoded to text and a picture. */
    recentJobs(limit: number): Promise<PrintedJob[]>;
    setState(state: Partial<SimulatedPrinterStateView>): SimulatedPrinterStateView;
  };
  scanner?: {
    /** The code arrives at the agent as serial bytes, then as scanner.scanned. */
    scan(code: string): Promise<void>;
  };
  locker?: {
    /** Open locks per board. */
    state(): { address: number; open: number[] }[];
    /** A person shuts a door; LOCKER_UNKNOWN_LOCK for a board or lock the bus does not have. */
    closeDoor(board: number, lock: number): { address: number; open: number[] }[];
  };
  bank?: {
    /**
     * The simulated bank confirms a transfer of everything the dossier owes, through the same signed webhook a real
     * bank calls; `nothing-due` (and nothing sent) when it owes nothing.
     */
    transfer(dossierCode: string): Promise<DemoBankTransfer>;
  };
}
