/** Which compartment a deposit gets (pure): the smallest free one that fits, lowest board and lock among equals. */
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
