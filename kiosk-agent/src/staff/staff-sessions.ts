/**
 * Officers signing in as themselves (issue 19): a username and a password (scrypt), a session token for the
 * counter PC (kept only as its SHA-256), ended by sign-out, by `staff.sessionIdleMinutes` without a request, at
 * `staff.sessionMaxHours` after signing in, or at once when the account is disabled. `staff.signInAttempts` wrong
 * passwords in a row lock the account for `staff.lockMinutes`, in the store (a restart does not lift it). Every
 * check reads the store, so a centre's agents agree on who is signed in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { hashSecret, verifySecret } from '../core/scrypt-secret';
import { AgentError } from '../errors/agent-error';
import { STAFF_TEXT } from '../i18n/staff-text';
import { isUniqueViolation, type SqlStore } from '../store/store-port';
import { StaffAccountRepository, type StaffAccountRow, type StaffRole } from './staff-account-repository';

export interface Officer {
  id: number;
  username: string;
  name: string;
  role: StaffRole;
}

export interface StaffSessionConfig {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  signInAttempts: number;
  lockMinutes: number;
}

/** Seen again within this, a session's last-seen time is not rewritten (one write a minute, not one a request). */
const TOUCH_EVERY_MS = 60_000;
const MIN_PASSWORD = 8;
/** Verified against an unknown username, so its answer takes as long as a real account's. */
const DUMMY_HASH = hashSecret('not-a-password-anyone-has');

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
const officerOf = (a: StaffAccountRow): Officer => ({ id: a.id, username: a.username, name: a.name, role: a.role });

/** Told the counter where who is signed in may have changed. */
export type CounterSessionsListener = (counterId: string) => void;

export class StaffSessions {
  readonly accounts: StaffAccountRepository;
  private readonly counterListeners = new Set<CounterSessionsListener>();

  constructor(
    private readonly deps: {
      store: SqlStore;
      clock: Clock;
      config: StaffSessionConfig;
      /** Told after a supervisor ended an account's sessions (disabled, new password): the composition root publishes it. */
      onSessionsEnded?: (accountId: number) => void;
    },
  ) {
    this.accounts = new StaffAccountRepository(deps.store);
  }

  private get idleMs(): number {
    return this.deps.config.sessionIdleMinutes * 60_000;
  }

  private get maxMs(): number {
    return this.deps.config.sessionMaxHours * 3_600_000;
  }

  async signIn(username: string, password: string, counterId: string | null = null): Promise<{ token: string; expiresAt: string; officer: Officer }> {
    const now = this.deps.clock.now();
    const { signInAttempts, lockMinutes } = this.deps.config;
    const account = await this.accounts.byUsername(username.trim().toLowerCase());
    if (!account) {
      await verifySecret(password, await DUMMY_HASH);
      throw new AgentError('STAFF_CREDENTIALS_INVALID', STAFF_TEXT.credentialsInvalid(null));
    }
    if (account.lockedUntilMs !== null && account.lockedUntilMs > now) throw this.locked(account.lockedUntilMs, now);
    if (!(await verifySecret(password, account.passwordHash))) {
      const lockUntil = now + lockMinutes * 60_000;
      const failures = await this.accounts.failedSignIn(account.id, signInAttempts, lockUntil);
      if (failures >= signInAttempts) throw this.locked(lockUntil, now);
      throw new AgentError('STAFF_CREDENTIALS_INVALID', STAFF_TEXT.credentialsInvalid(signInAttempts - failures), { facts: { attemptsLeft: signInAttempts - failures } });
    }
    if (account.disabledAtMs !== null) throw new AgentError('STAFF_ACCOUNT_DISABLED', STAFF_TEXT.disabled);
    const token = randomBytes(32).toString('base64url');
    await this.deps.store.transaction(async (tx) => {
      const accounts = this.accounts.in(tx);
      await accounts.clearFailures(account.id);
      await accounts.insertSession({ tokenHash: tokenHash(token), accountId: account.id, counterId, atMs: now });
    });
    this.countersChanged([counterId]);
    return { token, expiresAt: new Date(Math.min(now + this.idleMs, now + this.maxMs)).toISOString(), officer: officerOf(account) };
  }

  private locked(untilMs: number, now: number): AgentError {
    return new AgentError('STAFF_LOCKED', STAFF_TEXT.locked(Math.ceil((untilMs - now) / 60_000)), { facts: { retryAt: new Date(untilMs).toISOString() } });
  }

  /** The officer a token signs in, or undefined (unknown, ended, idle too long, past the day's limit, disabled). */
  async verify(token: string | undefined): Promise<Officer | undefined> {
    if (!token) return undefined;
    const now = this.deps.clock.now();
    const hash = tokenHash(token);
    const session = await this.accounts.session(hash);
    if (!session || session.endedAtMs !== null) return undefined;
    const account = await this.accounts.byId(session.accountId);
    const expired = now - session.lastSeenMs > this.idleMs || now - session.createdAtMs > this.maxMs;
    if (!account || account.disabledAtMs !== null || expired) {
      await this.accounts.endSession(hash, now);
      this.countersChanged([session.counterId]);
      return undefined;
    }
    if (now - session.lastSeenMs > TOUCH_EVERY_MS) await this.accounts.touchSession(hash, now);
    return officerOf(account);
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    const hash = tokenHash(token);
    const session = await this.accounts.session(hash);
    await this.accounts.endSession(hash, this.deps.clock.now());
    if (session && session.endedAtMs === null) this.countersChanged([session.counterId]);
  }

  /**
   * Who sits at each counter now, for the lobby display (`display.showOfficer`): the officer whose live session was
   * signed in at that counter. Why the session and not the officer who called the ticket on the counter's tile: a
   * citizen walking up meets whoever is sitting there. After a change of shift the number shown may have been called
   * by a colleague who has gone home, and a counter that has called no one yet still has its officer. A counter with
   * two live sessions (a second PC, a console left open) names the one seen most recently.
   */
  async officersAtCounters(): Promise<Map<string, string>> {
    const now = this.deps.clock.now();
    const at = new Map<string, string>();
    for (const s of await this.accounts.signedInAtCounters(now - this.idleMs, now - this.maxMs)) if (!at.has(s.counterId)) at.set(s.counterId, s.name);
    return at;
  }

  /** Listens for sign-ins and sessions ending at counters (the lobby display refreshes its names); returns the unsubscribe. */
  onCounterSessions(listener: CounterSessionsListener): () => void {
    this.counterListeners.add(listener);
    return () => this.counterListeners.delete(listener);
  }

  private countersChanged(counterIds: readonly (string | null)[]): void {
    for (const id of new Set(counterIds)) if (id !== null) for (const l of this.counterListeners) l(id);
  }

  async add(a: { username: string; name: string; role: StaffRole; password: string }): Promise<Officer> {
    if (a.password.length < MIN_PASSWORD) throw new AgentError('STAFF_PASSWORD_WEAK', STAFF_TEXT.passwordWeak);
    const username = a.username.trim().toLowerCase();
    const passwordHash = await hashSecret(a.password);
    try {
      const id = await this.accounts.insert({ username, name: a.name.trim(), role: a.role, passwordHash, createdAtMs: this.deps.clock.now() });
      return { id, username, name: a.name.trim(), role: a.role };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AgentError('STAFF_USERNAME_TAKEN', STAFF_TEXT.usernameTaken(username));
      throw err;
    }
  }

  private async account(id: number): Promise<StaffAccountRow> {
    const account = await this.accounts.byId(id);
    if (!account) throw new AgentError('STAFF_ACCOUNT_NOT_FOUND', STAFF_TEXT.notFound);
    return account;
  }

  /** Disabled: every session of the account ends at once; enabled again, it signs in afresh. */
  async setDisabled(id: number, disabled: boolean): Promise<{ sessionsEnded: number }> {
    await this.account(id);
    const now = this.deps.clock.now();
    const { counters, ...ended } = await this.deps.store.transaction(async (tx) => {
      const accounts = this.accounts.in(tx);
      await accounts.setDisabled(id, disabled ? now : null);
      const counters = disabled ? await accounts.liveCountersOf(id, now - this.idleMs, now - this.maxMs) : [];
      return { sessionsEnded: disabled ? await accounts.endSessionsOf(id, now) : 0, counters };
    });
    if (disabled) this.deps.onSessionsEnded?.(id);
    this.countersChanged(counters);
    return ended;
  }

  /** A new password (a supervisor's reset): the lock lifts, and the sessions signed in with the old one end. */
  async resetPassword(id: number, password: string): Promise<void> {
    if (password.length < MIN_PASSWORD) throw new AgentError('STAFF_PASSWORD_WEAK', STAFF_TEXT.passwordWeak);
    await this.account(id);
    const hash = await hashSecret(password);
    const counters = await this.deps.store.transaction(async (tx) => {
      const accounts = this.accounts.in(tx);
      await accounts.setPassword(id, hash);
      const now = this.deps.clock.now();
      const counters = await accounts.liveCountersOf(id, now - this.idleMs, now - this.maxMs);
      await accounts.endSessionsOf(id, now);
      return counters;
    });
    this.deps.onSessionsEnded?.(id);
    this.countersChanged(counters);
  }

  /** Every account, and where each is signed in now (live sessions). */
  async list(): Promise<(Officer & { disabled: boolean; locked: boolean; signedInAt: (string | null)[] })[]> {
    const now = this.deps.clock.now();
    const live = await this.accounts.liveSessions(now - this.idleMs);
    return (await this.accounts.all()).map((a) => ({
      ...officerOf(a),
      disabled: a.disabledAtMs !== null,
      locked: a.lockedUntilMs !== null && a.lockedUntilMs > now,
      signedInAt: live.filter((s) => s.accountId === a.id).map((s) => s.counterId),
    }));
  }
}
