/**
 * What a counter's rating tablet shows (`/rate/:counterId`): the counter, the officer working there, the ticket
 * being served, and — for `feedback.askSeconds` after a visit ends — the question about that visit. The tablet
 * polls this and re-reads it on every public call/update event for its counter.
 *
 * The officer shown is the one who called the counter's current ticket (the person the citizen is facing); between
 * tickets, the officer most recently active in a session signed in at that counter.
 */
import type { CounterRatingScreen, RatingReason } from '../../../shared/rating-schemas';
import type { LocalizedText } from '../../../shared/api-schemas';
import type { Clock } from '../core/clock';
import type { SqlStore } from '../store/store-port';

export interface CounterRatingScreenDeps {
  store: SqlStore;
  clock: Clock;
  feedback: { scale: 3 | 5; askSeconds: number; reasons: readonly { id: string; vi: string; en: string }[] };
  /** The officer signed in at each counter now (staff/staff-sessions.ts, the same rule as the lobby display's names). */
  officersAtCounters: () => Promise<Map<string, string>>;
  counterName: (counterId: string) => LocalizedText;
  serviceName: (serviceId: string) => LocalizedText;
  today: () => string;
}

export class CounterRatingScreens {
  private readonly reasons: RatingReason[];

  constructor(private readonly deps: CounterRatingScreenDeps) {
    this.reasons = deps.feedback.reasons.map((r) => ({ id: r.id, label: { vi: r.vi, en: r.en } }));
  }

  async screen(counterId: string): Promise<CounterRatingScreen> {
    const { store, clock, feedback } = this.deps;
    const now = clock.now();
    const day = this.deps.today();
    const current = await store.get<{ id: string; number: string; serviceId: string }>(
      `SELECT id, number, service_id AS "serviceId" FROM tickets WHERE day = ? AND counter_id = ? AND status IN ('called', 'serving')
       ORDER BY called_at_ms DESC LIMIT 1`,
      [day, counterId],
    );
    const asked = await store.get<{ id: string; number: string; doneAtMs: number | string }>(
      `SELECT t.id, t.number, t.done_at_ms AS "doneAtMs" FROM tickets t
       WHERE t.day = ? AND t.counter_id = ? AND t.status = 'done' AND t.done_at_ms >= ?
         AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.subject = 'counter' AND r.reference = t.id)
       ORDER BY t.done_at_ms DESC LIMIT 1`,
      [day, counterId, now - feedback.askSeconds * 1000],
    );
    const doneAt = asked ? Number(asked.doneAtMs) : 0;
    return {
      counter: { id: counterId, name: this.deps.counterName(counterId) },
      officer: await this.officerAt(counterId, current?.id),
      current: current ? { number: current.number, serviceName: this.deps.serviceName(current.serviceId) } : null,
      ask: asked
        ? { ticketId: asked.id, number: asked.number, finishedAt: new Date(doneAt).toISOString(), until: new Date(doneAt + feedback.askSeconds * 1000).toISOString() }
        : null,
      scale: feedback.scale,
      reasons: this.reasons,
    };
  }

  private async officerAt(counterId: string, ticketId: string | undefined): Promise<{ name: string } | null> {
    const { store } = this.deps;
    const caller = ticketId
      ? await store.get<{ name: string }>(
          `SELECT a.name FROM ticket_events e JOIN staff_accounts a ON a.id = e.account_id
           WHERE e.ticket_id = ? AND e.action IN ('call', 'recall') ORDER BY e.id DESC LIMIT 1`,
          [ticketId],
        )
      : undefined;
    if (caller) return { name: caller.name };
    const signedIn = (await this.deps.officersAtCounters()).get(counterId);
    return signedIn ? { name: signedIn } : null;
  }
}
