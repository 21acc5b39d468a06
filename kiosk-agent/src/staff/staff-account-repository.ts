/** SQL for officer accounts and their sessions, over the store port (SQLite or PostgreSQL, one SQL for both). */
import { pluck, type SqlExecutor } from '../store/store-port';

export const STAFF_ROLES = ['officer', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffAccountRow {
  id: number;
  username: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  disabledAtMs: number | null;
  failedAttempts: number;
  lockedUntilMs: number | null;
}

export interface StaffSessionRow {
  accountId: number;
  counterId: string | null;
  createdAtMs: number;
  lastSeenMs: number;
  endedAtMs: number | null;
}

const ACCOUNT = `id, username, name, role, password_hash AS "passwordHash", disabled_at_ms AS "disabledAtMs",
  failed_attempts AS "failedAttempts", locked_until_ms AS "lockedUntilMs"`;
const num = (v: number | null): number | null => (v === null ? null : Number(v));
const account = (r: StaffAccountRow): StaffAccountRow => ({
  ...r,
  id: Number(r.id),
  disabledAtMs: num(r.disabledAtMs),
  failedAttempts: Number(r.failedAttempts),
  lockedUntilMs: num(r.lockedUntilMs),
});

export class StaffAccountRepository {
  constructor(private readonly q: SqlExecutor) {}

  in(tx: SqlExecutor): StaffAccountRepository {
    return new StaffAccountRepository(tx);
  }

  async insert(a: { username: string; name: string; role: StaffRole; passwordHash: string; createdAtMs: number }): Promise<number> {
    return Number(
      await pluck<number>(this.q, 'INSERT INTO staff_accounts (username, name, role, password_hash, created_at_ms) VALUES (?, ?, ?, ?, ?) RETURNING id', [
        a.username,
        a.name,
        a.role,
        a.passwordHash,
        a.createdAtMs,
      ]),
    );
  }

  async byUsername(username: string): Promise<StaffAccountRow | undefined> {
    const r = await this.q.get<StaffAccountRow>(`SELECT ${ACCOUNT} FROM staff_accounts WHERE username = ?`, [username]);
    return r ? account(r) : undefined;
  }

  async byId(id: number): Promise<StaffAccountRow | undefined> {
    const r = await this.q.get<StaffAccountRow>(`SELECT ${ACCOUNT} FROM staff_accounts WHERE id = ?`, [id]);
    return r ? account(r) : undefined;
  }

  async all(): Promise<StaffAccountRow[]> {
    return (await this.q.all<StaffAccountRow>(`SELECT ${ACCOUNT} FROM staff_accounts ORDER BY username`)).map(account);
  }

  /** One more wrong password; at `limit` in a row the account locks until `lockUntilMs`. Returns the count. */
  async failedSignIn(id: number, limit: number, lockUntilMs: number): Promise<number> {
    await this.q.run(
      `UPDATE staff_accounts SET failed_attempts = failed_attempts + 1,
         locked_until_ms = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until_ms END WHERE id = ?`,
      [limit, lockUntilMs, id],
    );
    return Number((await pluck<number>(this.q, 'SELECT failed_attempts FROM staff_accounts WHERE id = ?', [id])) ?? 0);
  }

  async clearFailures(id: number): Promise<void> {
    await this.q.run('UPDATE staff_accounts SET failed_attempts = 0, locked_until_ms = NULL WHERE id = ?', [id]);
  }

  async setPassword(id: number, passwordHash: string): Promise<void> {
    await this.q.run('UPDATE staff_accounts SET password_hash = ?, failed_attempts = 0, locked_until_ms = NULL WHERE id = ?', [passwordHash, id]);
  }

  async setDisabled(id: number, atMs: number | null): Promise<void> {
    await this.q.run('UPDATE staff_accounts SET disabled_at_ms = ? WHERE id = ?', [atMs, id]);
  }

  async insertSession(s: { tokenHash: string; accountId: number; counterId: string | null; atMs: number }): Promise<void> {
    await this.q.run('INSERT INTO staff_sessions (token_hash, account_id, counter_id, created_at_ms, last_seen_ms) VALUES (?, ?, ?, ?, ?)', [
      s.tokenHash,
      s.accountId,
      s.counterId,
      s.atMs,
      s.atMs,
    ]);
  }

  async session(tokenHash: string): Promise<StaffSessionRow | undefined> {
    const r = await this.q.get<StaffSessionRow>(
      `SELECT account_id AS "accountId", counter_id AS "counterId", created_at_ms AS "createdAtMs", last_seen_ms AS "lastSeenMs", ended_at_ms AS "endedAtMs"
       FROM staff_sessions WHERE token_hash = ?`,
      [tokenHash],
    );
    return r ? { ...r, accountId: Number(r.accountId), createdAtMs: Number(r.createdAtMs), lastSeenMs: Number(r.lastSeenMs), endedAtMs: num(r.endedAtMs) } : undefined;
  }

  async touchSession(tokenHash: string, atMs: number): Promise<void> {
    await this.q.run('UPDATE staff_sessions SET last_seen_ms = ? WHERE token_hash = ? AND ended_at_ms IS NULL', [atMs, tokenHash]);
  }

  async endSession(tokenHash: string, atMs: number): Promise<void> {
    await this.q.run('UPDATE staff_sessions SET ended_at_ms = ? WHERE token_hash = ? AND ended_at_ms IS NULL', [atMs, tokenHash]);
  }

  async endSessionsOf(accountId: number, atMs: number): Promise<number> {
    return (await this.q.run('UPDATE staff_sessions SET ended_at_ms = ? WHERE account_id = ? AND ended_at_ms IS NULL', [atMs, accountId])).changes;
  }

  /**
   * Officers with a live session at a counter (not ended, seen since `seenSinceMs`, opened since `openedSinceMs`, the
   * account enabled), the most recently seen first: the lobby display's names (`display.showOfficer`).
   */
  async signedInAtCounters(seenSinceMs: number, openedSinceMs: number): Promise<{ counterId: string; name: string }[]> {
    return this.q.all<{ counterId: string; name: string }>(
      `SELECT s.counter_id AS "counterId", a.name AS "name" FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id
       WHERE s.ended_at_ms IS NULL AND s.counter_id IS NOT NULL AND s.last_seen_ms >= ? AND s.created_at_ms >= ? AND a.disabled_at_ms IS NULL
       ORDER BY s.last_seen_ms DESC, s.created_at_ms DESC`,
      [seenSinceMs, openedSinceMs],
    );
  }

  /** The counters an account's live sessions (as in signedInAtCounters) are signed in at: before they end, whose displays to refresh. */
  async liveCountersOf(accountId: number, seenSinceMs: number, openedSinceMs: number): Promise<string[]> {
    const rows = await this.q.all<{ counterId: string }>(
      `SELECT DISTINCT counter_id AS "counterId" FROM staff_sessions
       WHERE account_id = ? AND ended_at_ms IS NULL AND counter_id IS NOT NULL AND last_seen_ms >= ? AND created_at_ms >= ?`,
      [accountId, seenSinceMs, openedSinceMs],
    );
    return rows.map((r) => r.counterId);
  }

  /** Live sessions (not ended, seen since `sinceMs`): who is signed in, at which counter. */
  async liveSessions(sinceMs: number): Promise<{ accountId: number; counterId: string | null; lastSeenMs: number }[]> {
    const rows = await this.q.all<{ accountId: number; counterId: string | null; lastSeenMs: number }>(
      `SELECT account_id AS "accountId", counter_id AS "counterId", last_seen_ms AS "lastSeenMs" FROM staff_sessions
       WHERE ended_at_ms IS NULL AND last_seen_ms >= ? ORDER BY last_seen_ms DESC`,
      [sinceMs],
    );
    return rows.map((r) => ({ accountId: Number(r.accountId), counterId: r.counterId, lastSeenMs: Number(r.lastSeenMs) }));
  }
}
