/**
 * Fees and payments as numbers (pure): whole dong, never floats. A dossier's fees are a list of named amounts; its
 * payments add up towards their total; what is left is due. Partial payments are normal (a citizen who transferred
 * too little pays the rest), so everything here works from sums, never from "the" payment.
 */
import { FeesSchema, type Fee } from '../../../shared/payment-schemas';

/** The fees column as stored (JSON text, NULL for none); anything unreadable counts as no fees and is reported. */
export function parseFees(text: string | null): Fee[] | null {
  if (text === null) return null;
  try {
    const parsed = FeesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const feesTotal = (fees: readonly Fee[] | null): number => (fees ?? []).reduce((sum, f) => sum + f.amount, 0);

export interface FeeStanding {
  total: number;
  paid: number;
  /** Still to pay: never negative (an overpayment is an excess, handled by staff). */
  due: number;
}

export function standing(fees: readonly Fee[] | null, paid: number): FeeStanding {
  const total = feesTotal(fees);
  return { total, paid, due: Math.max(0, total - paid) };
}

/** What one more payment does to a dossier that owed `dueBefore`. */
export function applyPayment(dueBefore: number, amount: number): { due: number; outcome: 'settled' | 'short' | 'excess'; excess: number } {
  const due = Math.max(0, dueBefore - amount);
  const excess = Math.max(0, amount - dueBefore);
  return { due, excess, outcome: due > 0 ? 'short' : excess > 0 ? 'excess' : 'settled' };
}

/** 150000 → "150.000 đ": how amounts read on a Vietnamese slip and in alerts. */
export function formatVnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
