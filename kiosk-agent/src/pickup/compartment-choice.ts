/**
 * Compartments (pure): which one a deposit gets — the smallest free one that fits, lowest board and lock among
 * equals — and the staff's list of them with what each holds.
 */
import type { CompartmentSize } from '../../../shared/dossier-schemas';
import { AgentError } from '../errors/agent-error';
import type { Compartment } from './locker-store';

export interface LockerBoardLayout {
  address: number;
  locks: number;
  sizes?: CompartmentSize[] | undefined;
}

const SIZE_ORDER: readonly CompartmentSize[] = ['S', 'M', 'L'];
const rank = (s: CompartmentSize): number => SIZE_ORDER.indexOf(s);

export function chooseCompartment(boards: readonly LockerBoardLayout[], occupied: readonly Compartment[], size: CompartmentSize): Compartment & { size: CompartmentSize } {
  const used = new Set(occupied.map((c) => `${c.board}/${c.lock}`));
  let best: (Compartment & { size: CompartmentSize }) | undefined;
  for (const b of boards) {
    for (let lock = 1; lock <= b.locks; lock++) {
      const fits = b.sizes?.[lock - 1] ?? 'M';
      if (used.has(`${b.address}/${lock}`) || rank(fits) < rank(size)) continue;
      if (!best || rank(fits) < rank(best.size)) best = { board: b.address, lock, size: fits };
    }
  }
  if (!best) {
    throw new AgentError('LOCKER_FULL', `Tủ kết quả không còn ngăn trống cỡ ${size} trở lên. Vui lòng giữ hồ sơ tại quầy trả kết quả.`, { facts: { size } });
  }
  return best;
}

export interface CompartmentView {
  board: number;
  lock: number;
  size: CompartmentSize;
  dossierCode?: string;
  depositedAt?: string;
  overdue: boolean;
}

/** Every compartment, what it holds, and whether that result has waited longer than `overdueDays`. */
export function listCompartments(
  boards: readonly LockerBoardLayout[],
  held: readonly { dossierCode: string; board: number; lock: number; depositedAtMs: number | null }[],
  nowMs: number,
  overdueDays: number,
): CompartmentView[] {
  const byPlace = new Map(held.map((d) => [`${d.board}/${d.lock}`, d]));
  return boards.flatMap((b) =>
    Array.from({ length: b.locks }, (_, i): CompartmentView => {
      const lock = i + 1;
      const size = b.sizes?.[i] ?? 'M';
      const d = byPlace.get(`${b.address}/${lock}`);
      if (!d) return { board: b.address, lock, size, overdue: false };
      const depositedAt = d.depositedAtMs ?? nowMs;
      return { board: b.address, lock, size, dossierCode: d.dossierCode, depositedAt: new Date(depositedAt).toISOString(), overdue: nowMs - depositedAt > overdueDays * 24 * 3_600_000 };
    }),
  );
}
