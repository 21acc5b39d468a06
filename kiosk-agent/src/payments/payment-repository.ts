/** SQL for payments towards dossiers' fees and for transfers no dossier matched (one SQL for both stores). */
import type { SqlExecutor } from '../store/store-port';

export interface PaymentRecord {
  id: number;
  dossierCode: string;
  amount: number;
  method: 'bank' | 'cash';
  transactionId: string | null;
  paidAtMs: number;
  accountId: number | null;
}

export interface NewPayment {
  dossierCode: string;
  amount: number;
  method: 'bank' | 'cash';
  transactionId: string | null;
  paidAtMs: number;
  day: string;
  recordedAtMs: number;
  accountId: number | null;
}

/** A transfer whose reference named no dossier, as kept for staff. */
export interface UnmatchedTransfer {
  id: number;
  reference: string;
  amount: number;
  transactionId: string;
  paidAtMs: number;
  resolvedAtMs: number | null;
  resolvedDossierCode: string | null;
}

/** One line of the fees report: a day, a procedure, a method. */
export interface FeeDayRow {
  day: string;
  procedure: string | null;
  method: 'bank' | 'cash';
  count: number;
  amount: number;
}

export class PaymentRepository {
  constructor(private readonly q: SqlExecutor) {}

  /** Whether a bank transaction was seen before, matched to a dossier or not (webhooks are delivered more than once). */
  async seenTransaction(transactionId: string): Promise<'payment' | 'unmatched' | undefined> {
    if (await this.q.get('SELECT 1 AS one FROM payments WHERE transaction_id = ?', [transactionId])) return 'payment';
    if (await this.q.get('SELECT 1 AS one FROM unmatched_payments WHERE transaction_id = ?', [transactionId])) return 'unmatched';
    return undefined;
  }

  async insert(p: NewPayment): Promise<void> {
    await this.q.run(
      `INSERT INTO payments (dossier_code, amount, method, transaction_id, paid_at_ms, day, recorded_at_ms, account_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [p.dossierCode, p.amount, p.method, p.transactionId, p.paidAtMs, p.day, p.recordedAtMs, p.accountId],
    );
  }

  async insertUnmatched(u: { reference: string; amount: number; transactionId: string; paidAtMs: number; receivedAtMs: number }): Promise<void> {
    await this.q.run('INSERT INTO unmatched_payments (reference, amount, transaction_id, paid_at_ms, received_at_ms) VALUES (?, ?, ?, ?, ?)', [
      u.reference,
      u.amount,
      u.transactionId,
      u.paidAtMs,
      u.receivedAtMs,
    ]);
  }

  /** One transfer nobody matched, open or already placed on a dossier (resolvedAtMs set). */
  unmatchedById(id: number): Promise<UnmatchedTransfer | undefined> {
    return this.q.get(
      `SELECT id, reference, amount, transaction_id AS "transactionId", paid_at_ms AS "paidAtMs", resolved_at_ms AS "resolvedAtMs",
       resolved_dossier_code AS "resolvedDossierCode"
       FROM unmatched_payments WHERE id = ?`,
      [id],
    );
  }

  /** Marks an open unmatched transfer as placed on a dossier; false when it was not open any more. */
  async resolveUnmatched(id: number, r: { dossierCode: string; accountId: number | null; atMs: number }): Promise<boolean> {
    const { changes } = await this.q.run(
      'UPDATE unmatched_payments SET resolved_at_ms = ?, resolved_dossier_code = ?, resolved_account_id = ? WHERE id = ? AND resolved_at_ms IS NULL',
      [r.atMs, r.dossierCode, r.accountId, id],
    );
    return changes === 1;
  }

  forDossier(code: string): Promise<PaymentRecord[]> {
    return this.q.all(
      `SELECT id, dossier_code AS "dossierCode", amount, method, transaction_id AS "transactionId", paid_at_ms AS "paidAtMs", account_id AS "accountId"
       FROM payments WHERE dossier_code = ? ORDER BY id`,
      [code],
    );
  }

  unmatched(): Promise<{ id: number; reference: string; amount: number; transactionId: string; paidAtMs: number }[]> {
    return this.q.all(
      `SELECT id, reference, amount, transaction_id AS "transactionId", paid_at_ms AS "paidAtMs" FROM unmatched_payments
       WHERE resolved_at_ms IS NULL ORDER BY id`,
    );
  }

  /** Payments per local day, procedure and method, days from..to included. */
  async byDay(from: string, to: string): Promise<FeeDayRow[]> {
    const rows = await this.q.all<FeeDayRow & { count: number | string; amount: number | string }>(
      `SELECT p.day, d.procedure, p.method, COUNT(*) AS count, SUM(p.amount) AS amount
       FROM payments p LEFT JOIN dossiers d ON d.code = p.dossier_code
       WHERE p.day >= ? AND p.day <= ?
       GROUP BY p.day, d.procedure, p.method ORDER BY p.day, d.procedure, p.method`,
      [from, to],
    );
    // PostgreSQL's COUNT is BIGINT (a number here) and SUM of BIGINT is NUMERIC (text): both made numbers.
    return rows.map((r) => ({ ...r, count: Number(r.count), amount: Number(r.amount) }));
  }
}
