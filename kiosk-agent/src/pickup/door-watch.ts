/**
 * While a door a pickup opened stays open: first a reminder for the citizen on the kiosk ("please shut the door"),
 * later an alert for staff. A shut door (or a stop) clears both timers. Timers are unref'd: they never keep the
 * agent alive on shutdown.
 */
import type { Compartment } from './locker-store';

export interface DoorWatchNotify {
  staffAlert(alert: { kind: 'door-left-open'; dossierCode: string; board: number; lock: number; message: string }): void;
  doorReminder(reminder: { dossierCode: string; board: number; lock: number }): void;
}

export class DoorWatch {
  private readonly timers = new Map<string, NodeJS.Timeout[]>();

  constructor(
    private readonly notify: DoorWatchNotify,
    private readonly reminderMs: number,
    private readonly alertMs: number,
  ) {}

  watch(dossierCode: string, c: Compartment): void {
    this.clear(c);
    const reminder = setTimeout(() => this.notify.doorReminder({ dossierCode, ...c }), this.reminderMs);
    const alert = setTimeout(
      () =>
        this.notify.staffAlert({
          kind: 'door-left-open',
          dossierCode,
          ...c,
          message: `Cửa ngăn ${c.lock} (bo ${c.board}) vẫn mở sau khi trao hồ sơ ${dossierCode}. Vui lòng kiểm tra và đóng cửa.`,
        }),
      this.alertMs,
    );
    reminder.unref();
    alert.unref();
    this.timers.set(`${c.board}/${c.lock}`, [reminder, alert]);
  }

  clear(c: Compartment): void {
    const key = `${c.board}/${c.lock}`;
    for (const t of this.timers.get(key) ?? []) clearTimeout(t);
    this.timers.delete(key);
  }

  stopAll(): void {
    for (const ts of this.timers.values()) for (const t of ts) clearTimeout(t);
    this.timers.clear();
  }
}
