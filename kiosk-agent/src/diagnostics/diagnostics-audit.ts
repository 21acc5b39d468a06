/** The technician's audit trail: sign-ins (also failed ones) and every diagnostics action, with what it touched. */
import type { Database } from 'better-sqlite3';

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
  private readonly stmts;

  constructor(db: Database) {
    this.stmts = {
      insert: db.prepare('INSERT INTO diagnostics_audit (at_ms, action, outcome, detail) VALUES (?, ?, ?, ?)'),
      settle: db.prepare('UPDATE diagnostics_audit SET outcome = ?, detail = ? WHERE id = ?'),
      recent: db.prepare('SELECT id, at_ms AS atMs, action, outcome, detail FROM diagnostics_audit ORDER BY id DESC LIMIT ?'),
      lastReset: db.prepare(
        "SELECT id, action, json_extract(detail, '$.untilMs') AS untilMs FROM diagnostics_audit WHERE (action = 'session.open' AND outcome = 'ok') OR action = 'session.lockout' ORDER BY id DESC LIMIT 1",
      ),
      failuresAfter: db.prepare("SELECT COUNT(*) AS n FROM diagnostics_audit WHERE action = 'session.open' AND outcome = 'denied' AND id > ? AND at_ms >= ?"),
    };
  }

  /** Appends an entry; returns its id. */
  record(atMs: number, action: string, outcome: AuditOutcome, detail?: Record<string, unknown>): number {
    return Number(this.stmts.insert.run(atMs, action, outcome, detail ? JSON.stringify(detail) : null).lastInsertRowid);
  }

  /** Rewrites the outcome of an entry recorded in advance (a sign-in counted as failed until the PIN checks out). */
  settle(id: number, outcome: AuditOutcome, detail?: Record<string, unknown>): void {
    this.stmts.settle.run(outcome, detail ? JSON.stringify(detail) : null, id);
  }

  /** Newest first. */
  recent(limit: number): AuditEntry[] {
    return (this.stmts.recent.all(limit) as AuditRow[]).map((r) => ({
      id: r.id,
      at: new Date(r.atMs).toISOString(),
      action: r.action,
      outcome: r.outcome,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    }));
  }

  /**
   * Where sign-in stands: wrong PINs since the last success or the last lockout (only those after `sinceMs`), and
   * until when the last lockout runs.
   */
  signInState(sinceMs: number): { failures: number; lockedUntilMs: number | null } {
    const reset = this.stmts.lastReset.get() as { id: number; action: string; untilMs: number | null } | undefined;
    const { n } = this.stmts.failuresAfter.get(reset?.id ?? 0, sinceMs) as { n: number };
    return { failures: n, lockedUntilMs: reset?.action === 'session.lockout' ? reset.untilMs : null };
  }
}
