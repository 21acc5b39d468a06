/**
 * Personal data does not live forever (`privacy.retentionDays`, default 90). A sweep at start-up and then every
 * `privacy.sweepMs`:
 * - a dossier that is finished (returned, withdrawn, rejected, stopped) and unchanged for the retention period loses its
 *   applicant's name and phone (and any pickup-code hash); its code, status and dates stay for the statistics and
 *   the audit trail;
 * - delivered and expired outbox messages older than that are deleted, and so are notifications no gateway took
 *   in all that time (reports to the one-stop system wait until delivered).
 * Tickets hold no name or phone (a number, a service, a priority category, times), so they are kept whole for the
 * statistics. A sweep that fails (the store cannot be written) is reported and tried again at the next tick.
 */
import type { Clock } from '../core/clock';
import type { Db } from '../store/sqlite';

const DAY_MS = 24 * 3_600_000;
const FINISHED = ['returned', 'withdrawn', 'rejected', 'stopped'] as const;

export interface RetentionReport {
  dossiersAnonymised: number;
  messagesDeleted: number;
}

export class Retention {
  private readonly s;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly retentionDays: number,
  ) {
    this.s = {
      anonymise: db.prepare(
        `UPDATE dossiers SET applicant_name = '', phone = NULL, pickup_code_hash = NULL, anonymised_at_ms = ?
         WHERE anonymised_at_ms IS NULL AND status IN (${FINISHED.map(() => '?').join(', ')}) AND updated_at_ms < ?`,
      ),
      deleteMessages: db.prepare('DELETE FROM outbox WHERE done_at_ms IS NOT NULL AND done_at_ms < ?'),
      // A message to a person that no gateway took in all that time is given up (its text names them); reports to
      // the one-stop system are kept until delivered: the province's record needs them.
      abandonMessages: db.prepare(`DELETE FROM outbox WHERE done_at_ms IS NULL AND kind = 'notify' AND created_at_ms < ?`),
      tx: (fn: () => RetentionReport) => db.transaction(fn).immediate(),
    };
  }

  sweep(): RetentionReport {
    const now = this.clock.now();
    const cutoff = now - this.retentionDays * DAY_MS;
    return this.s.tx(() => ({
      dossiersAnonymised: this.s.anonymise.run(now, ...FINISHED, cutoff).changes,
      messagesDeleted: this.s.deleteMessages.run(cutoff).changes + this.s.abandonMessages.run(cutoff).changes,
    }));
  }

  start(everyMs: number, report: { done(r: RetentionReport): void; failed(err: unknown): void }): () => void {
    const run = (): void => {
      try {
        const r = this.sweep();
        if (r.dossiersAnonymised || r.messagesDeleted) report.done(r);
      } catch (err) {
        report.failed(err);
      }
    };
    run();
    const timer = setInterval(run, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
