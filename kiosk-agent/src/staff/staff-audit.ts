/**
 * The staff audit: every staff action through the API (counter calls and transfers, dossier edits and imports,
 * deposits, recalls, reminders, closing a service, account changes) with who did it — the officer signed in, or the
 * name of the integration token — the day in the centre's zone, what it was done to and where. Written by the API
 * edge once the action has succeeded (api/route-registry.ts `audit`); read by supervisors (GET /api/audit).
 */
import type { Clock } from '../core/clock';
import { localDayKey } from '../core/local-time';
import type { SqlStore } from '../store/store-port';

export interface AuditEntry {
  accountId: number | null;
  /** The officer's username, or `token:<name>` for an integration token. */
  actor: string;
  action: string;
  subject: string | null;
  counterId: string | null;
  detail: string | null;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
  day: string;
  kioskId: string | null;
}

export interface AuditFilter {
  /** An officer's username. */
  officer?: string | undefined;
  action?: string | undefined;
  day?: string | undefined;
  limit: number;
}

export class StaffAudit {
  constructor(private readonly deps: { store: SqlStore; clock: Clock; timeZone: string; kioskId: string }) {}

  async record(e: AuditEntry): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.run(
      `INSERT INTO staff_audit (at_ms, day, account_id, actor, action, subject, counter_id, kiosk_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [now, localDayKey(now, this.deps.timeZone), e.accountId, e.actor, e.action, e.subject, e.counterId, this.deps.kioskId, e.detail],
    );
  }

  /** Newest first; every filter optional. */
  async query(f: AuditFilter): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (f.officer) {
      where.push('actor = ?');
      params.push(f.officer.toLowerCase());
    }
    if (f.action) {
      where.push('action = ?');
      params.push(f.action);
    }
    if (f.day) {
      where.push('day = ?');
      params.push(f.day);
    }
    const rows = await this.deps.store.all<{
      id: number;
      atMs: number;
      day: string;
      accountId: number | null;
      actor: string;
      action: string;
      subject: string | null;
      counterId: string | null;
      kioskId: string | null;
      detail: string | null;
    }>(
      `SELECT id, at_ms AS "atMs", day, account_id AS "accountId", actor, action, subject, counter_id AS "counterId", kiosk_id AS "kioskId", detail
       FROM staff_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      [...params, f.limit],
    );
    return rows.map(({ atMs, ...r }) => ({ ...r, id: Number(r.id), accountId: r.accountId === null ? null : Number(r.accountId), at: new Date(Number(atMs)).toISOString() }));
  }
}
