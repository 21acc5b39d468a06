/** The technician's audit trail: sign-ins (also failed ones) and every diagnostics action, with what it touched. */
import { pluck, type SqlStore } from '../store/store-port';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  outcome: AuditOutcome;
  detail: Record<string, unknown> | null;
}

interface AuditRow {
  id: number;
  atMs: number;
  action: string;
  outcome: AuditOutcome;
  detail: string | null;
}

export class DiagnosticsAudit {
  constructor(private readonly store: SqlStore) {}

  async record(atMs: number, action: string, outcome: AuditOutcome, detail?: Record<string, unknown>): Promise<number> {
    const id = await pluck<number>(this.store, 'INSERT INTO diagnostics_audit (at_ms, action, outcome, detail) VALUES (?, ?, ?, ?) RETURNING id', [
      atMs,
      action,
      outcome,
      detail ? JSON.stringify(detail) : null,
    ]);
    return Number(id);
  }

  async settle(id: number, outcome: AuditOutcome, detail?: Record<string, unknown>): Promise<void> {
    await this.store.run('UPDATE diagnostics_audit SET outcome = ?, detail = ? WHERE id = ?', [outcome, detail ? JSON.stringify(detail) : null, id]);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    const rows = await this.store.all<AuditRow>('SELECT id, at_ms AS "atMs", action, outcome, detail FROM diagnostics_audit ORDER BY id DESC LIMIT ?', [limit]);
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.atMs).toISOString(),
      action: r.action,
      outcome: r.outcome,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    }));
  }

  async signInState(sinceMs: number): Promise<{ failures: number; lockedUntilMs: number | null }> {
    // The last successful sign-in or lockout resets the count; a lockout's end is in its detail (read here, not with
    // a JSON function: SQLite and PostgreSQL spell those differently).
    const reset = await this.store.get<{ id: number; action: string; detail: string | null }>(
      `SELECT id, action, detail FROM diagnostics_audit WHERE (action = 'session.open' AND outcome = 'ok') OR action = 'session.lockout' ORDER BY id DESC LIMIT 1`,
    );
    const failures = await pluck<number>(
      this.store,
      `SELECT COUNT(*) AS n FROM diagnostics_audit WHERE action = 'session.open' AND outcome = 'denied' AND id > ? AND at_ms >= ?`,
      [reset?.id ?? 0, sinceMs],
    );
    const untilMs = reset?.action === 'session.lockout' && reset.detail ? (JSON.parse(reset.detail) as { untilMs?: number }).untilMs ?? null : null;
    return { failures: Number(failures ?? 0), lockedUntilMs: untilMs };
  }
}
