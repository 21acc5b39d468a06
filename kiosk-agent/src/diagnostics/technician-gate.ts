/**
 * Entry to diagnostics: the PIN against its scrypt hash, a lockout after repeated wrong PINs, and sessions that end
 * by themselves after inactivity. Every attempt is audited; the lockout is counted from the audit trail, so killing
 * and restarting the agent does not lift it.
 */
import { randomBytes } from 'node:crypto';
import { AgentError } from '../errors/agent-error';
import type { Clock } from '../core/clock';
import type { DiagnosticsAudit } from './diagnostics-audit';
import { verifyTechnicianPin } from '../config/technician-pin';

/** Wrong PINs older than this are forgotten (a typo last week does not count towards today's lockout). */
const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

export interface TechnicianGateOptions {
  pinHash: string | undefined;
  audit: DiagnosticsAudit;
  clock: Clock;
  /** Wrong PINs in a row before entry is locked. */
  maxFailures?: number;
  lockoutMs?: number;
  /** A session ends this long after its last request. */
  idleMs?: number;
  /** …and this long after it opened, however busy (an absolute lifetime). */
  maxSessionMs?: number;
}

export interface TechnicianSession {
  token: string;
  expiresAt: string;
  idleSeconds: number;
}

export class TechnicianGate {
  private readonly sessions = new Map<string, { lastSeenMs: number; openedAtMs: number }>();
  private readonly maxFailures: number;
  private readonly lockoutMs: number;
  readonly idleMs: number;
  readonly maxSessionMs: number;
  /** PIN checks run one at a time: parallel attempts cannot all read the same failure count. */
  private checks: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TechnicianGateOptions) {
    this.maxFailures = options.maxFailures ?? 5;
    this.lockoutMs = options.lockoutMs ?? 15 * 60_000;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.maxSessionMs = options.maxSessionMs ?? 60 * 60_000;
  }

  /** Checks the PIN (one check at a time) and opens a session. */
  open(pin: string): Promise<TechnicianSession> {
    const run = this.checks.then(() => this.openNow(pin));
    this.checks = run.catch(() => undefined);
    return run;
  }

  private async openNow(pin: string): Promise<TechnicianSession> {
    const { audit, clock, pinHash } = this.options;
    if (!pinHash) {
      throw new AgentError('TECHNICIAN_NOT_CONFIGURED', 'Ki-ốt chưa có mã PIN kỹ thuật viên. Đặt technician.pinHash trong tệp cấu hình (tạo bằng: npm run hash-pin -- <mã PIN>).');
    }
    const now = clock.now();
    const state = await audit.signInState(now - FAILURE_MEMORY_MS);
    if (state.lockedUntilMs !== null && state.lockedUntilMs > now) {
      await audit.record(now, 'session.refused', 'denied', { reason: 'locked' });
      throw this.locked(state.lockedUntilMs - now);
    }
    // The attempt counts as a failure before the hash is checked: a crash or a kill during the check (or a second
    // request, were checks ever to overlap) cannot get a free try.
    const attempt = await audit.record(now, 'session.open', 'denied', { reason: 'checking' });
    if (!(await verifyTechnicianPin(pin, pinHash))) {
      await audit.settle(attempt, 'denied', { reason: 'wrong-pin' });
      const left = this.maxFailures - state.failures - 1;
      if (left <= 0) {
        await audit.record(now, 'session.lockout', 'ok', { untilMs: now + this.lockoutMs });
        throw this.locked(this.lockoutMs);
      }
      throw new AgentError('TECHNICIAN_PIN_INVALID', `Mã PIN không đúng. Còn ${left} lần thử.`, { facts: { attemptsLeft: left } });
    }
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { lastSeenMs: now, openedAtMs: now });
    await audit.settle(attempt, 'ok');
    return { token, expiresAt: new Date(now + Math.min(this.idleMs, this.maxSessionMs)).toISOString(), idleSeconds: Math.round(this.idleMs / 1000) };
  }

  /**
   * A session's end is written without holding up the answer (the request is refused or closed either way); a
   * store that cannot take the line is reported by its health watch, not by the technician's screen.
   */
  private auditLater(atMs: number, action: string, detail?: Record<string, unknown>): void {
    this.options.audit.record(atMs, action, 'ok', detail).catch(() => undefined);
  }

  private locked(remainingMs: number): AgentError {
    const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
    return new AgentError('TECHNICIAN_LOCKED', `Đã nhập sai mã PIN ${this.maxFailures} lần. Chế độ kỹ thuật tạm khóa, vui lòng thử lại sau ${minutes} phút.`, {
      facts: { retryAfterMinutes: minutes },
    });
  }

  /** Checks a bearer token and keeps its session alive; throws TECHNICIAN_SESSION_REQUIRED otherwise. */
  touch(token: string | undefined): void {
    const now = this.options.clock.now();
    const session = token ? this.sessions.get(token) : undefined;
    if (session && now - session.lastSeenMs > this.idleMs) {
      this.sessions.delete(token!);
      this.auditLater(now, 'session.expired');
      throw new AgentError('TECHNICIAN_SESSION_REQUIRED', 'Phiên kỹ thuật đã kết thúc vì không thao tác. Nhập lại mã PIN để tiếp tục.');
    }
    if (session && now - session.openedAtMs > this.maxSessionMs) {
      this.sessions.delete(token!);
      this.auditLater(now, 'session.expired', { reason: 'max-lifetime' });
      throw new AgentError('TECHNICIAN_SESSION_REQUIRED', 'Phiên kỹ thuật đã hết thời hạn tối đa. Nhập lại mã PIN để tiếp tục.');
    }
    if (!session) throw new AgentError('TECHNICIAN_SESSION_REQUIRED', 'Cần mở chế độ kỹ thuật bằng mã PIN (POST /api/diagnostics/session).');
    session.lastSeenMs = now;
  }

  close(token: string | undefined): void {
    if (token && this.sessions.delete(token)) this.auditLater(this.options.clock.now(), 'session.close');
  }
}
