/**
 * Results left in a compartment longer than `pickup.overdueDays`: the applicant is reminded once, automatically
 * (checked at start-up and every hour), and again whenever staff ask. The message goes through the outbox like the
 * first one, so a gateway that is down delays it but never loses it.
 */
import { AgentError } from '../errors/agent-error';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import type { Clock } from '../core/clock';
import { zonedFormatter } from '../core/local-time';
import type { DossierService } from './dossier-service';
import { maskPhone } from './masking';
import type { PickupRepos, PickupStore } from './pickup-repos';

const DAY_MS = 24 * 3_600_000;

export interface OverdueRemindersDeps {
  store: PickupStore;
  dossiers: DossierService;
  clock: Clock;
  overdueDays: number;
  centerName: string;
  timeZone: string;
}

export class OverdueReminders {
  constructor(private readonly deps: OverdueRemindersDeps) {}

  private since(depositedAtMs: number): string {
    return zonedFormatter('vi-VN', this.deps.timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(depositedAtMs));
  }

  private async queue(tx: PickupRepos, d: { code: string; procedure: string; phone: string; depositedAtMs: number }, why: 'auto' | 'staff'): Promise<void> {
    const now = this.deps.clock.now();
    const text = NOTIFICATION_TEXT.resultStillWaiting({ centerName: this.deps.centerName, procedure: d.procedure, dossierCode: d.code, since: this.since(d.depositedAtMs) });
    // A reminder about a result that has left the locker (collected, recalled) is not sent late either.
    await tx.outbox.add('notify', { to: d.phone, text, dossierCode: d.code }, { expiresWith: d.code });
    await tx.lockers.markReminded(d.code, now);
    await tx.records.audit(now, d.code, 'reminder', why);
  }

  /** Queues the one automatic reminder for every overdue result not reminded yet; returns how many. */
  remindOverdue(): Promise<number> {
    const cutoff = this.deps.clock.now() - this.deps.overdueDays * DAY_MS;
    // Under the lockers' lock: agents of one centre checking at the same time remind each applicant once.
    return this.deps.store.transaction(async (tx) => {
      let queued = 0;
      for (const d of await tx.lockers.waitingSince(cutoff)) {
        if (d.remindedAtMs !== null || !d.phone) continue;
        await this.queue(tx, { ...d, phone: d.phone }, 'auto');
        queued += 1;
      }
      return queued;
    }, { lock: 'lockers' });
  }

  /** Staff: remind this applicant now, whatever was sent before. */
  async remind(dossierCode: string): Promise<{ to: string }> {
    const dossier = await this.deps.dossiers.find(dossierCode, 'reminder-lookup');
    const waiting = (await this.deps.store.read.lockers.waitingSince(Number.MAX_SAFE_INTEGER)).find((d) => d.code === dossier.code);
    if (!waiting) throw new AgentError('DOSSIER_NOT_IN_LOCKER', `Hồ sơ ${dossier.code} không ở trong tủ.`, { facts: { status: dossier.status } });
    if (!waiting.phone) throw new AgentError('DOSSIER_NO_PHONE', `Hồ sơ ${dossier.code} không có số điện thoại để nhắc. Vui lòng liên hệ người nộp bằng cách khác.`);
    const phone = waiting.phone;
    await this.deps.store.transaction((tx) => this.queue(tx, { ...waiting, phone }, 'staff'));
    return { to: maskPhone(waiting.phone) };
  }

  /**
   * Checks now and then every `everyMs`; returns the stopper. A check that fails (the store cannot be written) is
   * reported and simply runs again at the next tick: the reminders are still owed and nothing was marked sent.
   */
  start(everyMs: number, onError: (err: unknown) => void): () => void {
    const check = (): void => {
      this.remindOverdue().catch(onError);
    };
    check();
    const timer = setInterval(check, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
