/**
 * The stuck-outbox alert (README "Monitoring", config `alerts.outboxStuckMinutes`): the oldest undelivered message
 * has waited that long → one SMS to each technician, once per spell, then not again until the outbox moved and
 * stuck again.
 *
 * Once per centre, not per agent: a centre's agents share one outbox (one PostgreSQL store), so each of them sees
 * the same stuck message. The spell is named by what they all see alike — the creation time of the message that was
 * oldest when it stuck — and claimed in the store (alert-claims.ts): only the holder sends. A spell that ends (that
 * message went) and sticks again has another key, so it is claimed and sent anew.
 *
 * Sent straight to the notifier, past the outbox: queued, it would sit in the very queue that is not moving (the
 * worker failing on the store, or a backlog of retries ahead of it); sent directly it reaches the technician
 * whenever the gateway answers — the usual case, when what is stuck is the one-stop system's report-backs or
 * messages one number refuses. When the gateway itself is down no SMS can go: each check tries again, directly, the
 * numbers that have not accepted it yet (renewing the claim), until the outbox moves again; the metric
 * `kiosk_outbox_oldest_pending_age_seconds` is there for a monitoring system to see that case.
 */
import { MONITORING_TEXT } from '../i18n/monitoring-text';
import type { OutgoingMessage } from '../notify/notifier';
import type { AlertClaims, ClaimOutcome } from './alert-claims';

export const OUTBOX_STUCK_ALERT = 'outbox.stuck';

export interface StuckOutboxDeps {
  /** The technicians' numbers, each once. */
  to: readonly string[];
  outboxStuckMs: number;
  kiosk: string;
  outboxBacklog: () => Promise<{ pending: number; oldestCreatedMs: number | null }>;
  /** Hands one message to the gateway now; throws when it is not accepted. */
  sendNow: (message: OutgoingMessage) => Promise<void>;
  claims: AlertClaims;
  now: () => number;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const errorFields = (err: unknown): { err: string; code?: string } => {
  const code = (err as { code?: unknown } | null)?.code;
  return { err: (err as Error).message, ...(typeof code === 'string' ? { code } : {}) };
};

export class StuckOutboxAlert {
  /** The current spell's key: when its stuck message was created (null: not stuck). */
  private spellKey: number | null = null;
  /** The spell's alert reached every number (from this agent or another): nothing more until it ends. */
  private done = false;
  /** The numbers that accepted this agent's alert of the spell (it goes number by number). */
  private readonly told = new Set<string>();

  constructor(private readonly deps: StuckOutboxDeps) {}

  async check(): Promise<void> {
    const { pending, oldestCreatedMs } = await this.deps.outboxBacklog();
    const now = this.deps.now();
    const stuck = oldestCreatedMs !== null && now - oldestCreatedMs >= this.deps.outboxStuckMs;
    // The outbox moved if the message that was stuck is gone: its oldest pending one is younger now. That ends the
    // spell even when no check happened to see it unstuck (it may drain and stick again between two checks).
    const moved = this.spellKey !== null && (oldestCreatedMs === null || oldestCreatedMs > this.spellKey);
    if (!stuck || moved) this.endSpell();
    if (!stuck) return;
    const key = (this.spellKey ??= oldestCreatedMs);
    if (this.done) return;

    const claim = await this.claim(key, now);
    if (!claim.held) {
      if (claim.sent) {
        this.done = true;
        this.deps.log.info({ by: claim.by }, 'stuck-outbox alert already sent by another agent of the centre');
      }
      return;
    }
    const text = MONITORING_TEXT.outboxStuck({ kiosk: this.deps.kiosk, pending, minutes: Math.floor((now - oldestCreatedMs) / 60_000) });
    for (const to of this.deps.to) {
      if (this.told.has(to)) continue;
      try {
        await this.deps.sendNow({ to, text, alert: OUTBOX_STUCK_ALERT });
        this.told.add(to);
      } catch (err) {
        this.deps.log.warn(errorFields(err), 'stuck-outbox alert not accepted by the gateway; tried again at the next check');
      }
    }
    if (!this.deps.to.every((to) => this.told.has(to))) return;
    this.done = true;
    this.deps.log.info({ pending, recipients: this.deps.to.length }, 'stuck-outbox alert sent');
    try {
      await this.deps.claims.sent(OUTBOX_STUCK_ALERT, key, this.deps.now());
    } catch (err) {
      // Not recorded: after the lease another agent may send it again. Told twice rather than never.
      this.deps.log.warn(errorFields(err), 'stuck-outbox alert sent but not recorded in the store');
    }
  }

  private endSpell(): void {
    this.spellKey = null;
    this.done = false;
    this.told.clear();
  }

  /**
   * The store's claim; when the store will not take it (a full disk, a read-only file, a write refused), this agent
   * sends anyway: a store that takes no writes is likely why the outbox is stuck, and then the technicians must hear
   * of it all the more. Unclaimed, another agent of a centre may send it too.
   */
  private async claim(spellKey: number, now: number): Promise<ClaimOutcome> {
    try {
      return await this.deps.claims.claim(OUTBOX_STUCK_ALERT, spellKey, now);
    } catch (err) {
      this.deps.log.warn(errorFields(err), 'stuck-outbox alert could not be claimed in the store; sent from this agent');
      return { held: true };
    }
  }
}
