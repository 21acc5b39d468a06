/**
 * Results left in a compartment longer than `pickup.overdueDays`: the applicant is reminded once, automatically
 * (checked at start-up and every hour), and again whenever staff ask. The message goes through the outbox like the
 * first one, so a gateway that is down delays it but never loses it.
 */
import { AgentError } from '../errors/agent-error';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import type { Clock } from '../core/clock';
import type { DossierRepository } from './dossier-repository';
import type { DossierService } from './dossier-service';
import type { LockerStore } from './locker-store';
import { maskPhone } from './masking';

const DAY_MS = 24 * 3_600_000;

export interface OverdueRemindersDeps {
  store: LockerStore;
  dossiers: DossierService;
  audit: DossierRepository;
  outbox: { add(kind: string, payload: unknown, options?: { expiresWith?: string }): void };
  clock: Clock;
  overdueDays: number;
  centerName: string;
  timeZone: string;
}

export class OverdueReminders {
  constructor(private readonly deps: OverdueRemindersDeps) {}

  private since(depositedAtMs: number): string {
    return new Intl.DateTimeFormat('vi-VN', { timeZone: this.deps.timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(depositedAtMs));
  }

  private queue(d: { code: string; procedure: string; phone: string; depositedAtMs: number }, why: 'auto' | 'staff'): void {
    const now = this.deps.clock.now();
    const text = NOTIFICATION_TEXT.resultStillWaiting({ centerName: this.deps.centerName, procedure: d.procedure, dossierCode: d.code, since: this.since(d.depositedAtMs) });
    // A reminder about a result that has left the locker (collected, recalled) is not sent late either.
    this.deps.outbox.add('notify', { to: d.phone, text, dossierCode: d.code }, { expiresWith: d.code });
    this.deps.store.markReminded(d.code, now);
    this.deps.audit.audit(now, d.code, 'reminder', why);
  }

  /** Queues the one automatic reminder for every overdue result not reminded yet; returns how many. */
  remindOverdue(): number {
    const cutoff = this.deps.clock.now() - this.deps.overdueDays * DAY_MS;
    return this.deps.store.tx(() => {
      let queued = 0;
      for (const d of this.deps.store.waitingSince(cutoff)) {
        if (d.remindedAtMs !== null || !d.phone) continue;
        this.queue({ ...d, phone: d.phone }, 'auto');
        queued += 1;
      }
      return queued;
    });
  }

  /** Staff: remind this applicant now, whatever was sent before. */
  remind(dossierCode: string): { to: string } {
    const dossier = this.deps.dossiers.find(dossierCode, 'reminder-lookup');
    const waiting = this.deps.store.waitingSince(Number.MAX_SAFE_INTEGER).find((d) => d.code === dossier.code);
    if (!waiting) throw new AgentError('DOSSIER_NOT_IN_LOCKER', `Hồ sơ ${dossier.code} không ở trong tủ.`, { facts: { status: dossier.status } });
    if (!waiting.phone) throw new AgentError('DOSSIER_NO_PHONE', `Hồ sơ ${dossier.code} không có số điện thoại để nhắc. Vui lòng liên hệ người nộp bằng cách khác.`);
    this.deps.store.tx(() => this.queue({ ...waiting, phone: waiting.phone! }, 'staff'));
    return { to: maskPhone(waiting.phone) };
  }

  /**
   * Checks now and then every `everyMs`; returns the stopper. A check that fails (the store cannot be written) is
   * reported and simply runs again at the next tick: the reminders are still owed and nothing was marked sent.
   */
  start(everyMs: number, onError: (err: unknown) => void): () => void {
    const check = (): void => {
      try {
        this.remindOverdue();
      } catch (err) {
        onError(err);
      }
    };
    check();
    const timer = setInterval(check, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
