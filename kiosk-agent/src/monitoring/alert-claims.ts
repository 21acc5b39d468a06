/**
 * Who sends an alert about something a centre's agents share (table `alert_claims`, migration 19). Every agent with
 * `alerts.to` watches the outbox, and in a centre the outbox is one table in the one PostgreSQL store: each agent
 * would see the same stuck message and text the technicians about it. So the alert of a spell is claimed in the
 * store first, and only the agent that holds the claim sends it; on a lone kiosk's SQLite that is always itself.
 *
 * A claim is one statement (an upsert whose WHERE decides), atomic in both stores without a transaction: of agents
 * claiming at once, PostgreSQL lets the first insert and makes the others wait for it, then evaluates their WHERE on
 * its row; SQLite runs writes one at a time. The holder renews its claim at each check while it is still sending
 * (the gateway refused, a number is left); a claim not renewed for `leaseMs` is taken over, so an agent stopped
 * half-way does not leave the technicians unwarned. The one that takes over does not know which numbers the first
 * had reached and sends to all: a technician would rather hear twice than never. Once every number accepted it,
 * `sent` closes the spell for all agents, across restarts too.
 */
import type { SqlExecutor } from '../store/store-port';

/** What a claim found: this agent sends it, another agent is sending it, or it was sent already (by `by`). */
export type ClaimOutcome = { held: true } | { held: false; sent: boolean; by: string };

export interface AlertClaims {
  /** Claims (or renews this agent's claim on) the alert of the spell `spellKey` at `nowMs`. */
  claim(alert: string, spellKey: number, nowMs: number): Promise<ClaimOutcome>;
  /** Every number accepted this agent's alert of the spell: nobody sends it again (whoever holds the claim now). */
  sent(alert: string, spellKey: number, nowMs: number): Promise<void>;
}

export class StoreAlertClaims implements AlertClaims {
  constructor(
    private readonly q: SqlExecutor,
    /** This agent in the centre (config `kiosk.id`, unique there): a restarted agent takes its own claim back at once. */
    private readonly kioskId: string,
    private readonly leaseMs: number,
  ) {}

  async claim(alert: string, spellKey: number, nowMs: number): Promise<ClaimOutcome> {
    const won = await this.q.get<{ kioskId: string }>(
      `INSERT INTO alert_claims (alert, spell_key, kiosk_id, claimed_at_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (alert, spell_key) DO UPDATE SET kiosk_id = excluded.kiosk_id, claimed_at_ms = excluded.claimed_at_ms
         WHERE alert_claims.sent_at_ms IS NULL AND (alert_claims.kiosk_id = excluded.kiosk_id OR alert_claims.claimed_at_ms <= ?)
       RETURNING kiosk_id AS "kioskId"`,
      [alert, spellKey, this.kioskId, nowMs, nowMs - this.leaseMs],
    );
    if (won) return { held: true };
    const row = await this.q.get<{ kioskId: string; sentAtMs: number | null }>(
      'SELECT kiosk_id AS "kioskId", sent_at_ms AS "sentAtMs" FROM alert_claims WHERE alert = ? AND spell_key = ?',
      [alert, spellKey],
    );
    // No row would mean it was deleted between the two statements (nothing deletes claims): let the next check claim.
    return { held: false, sent: row?.sentAtMs !== null && row?.sentAtMs !== undefined, by: row?.kioskId ?? '' };
  }

  async sent(alert: string, spellKey: number, nowMs: number): Promise<void> {
    // Recorded as this agent's even if another took the claim over meanwhile: the technicians have it, and the
    // other agent's next claim sees that and stops.
    await this.q.run('UPDATE alert_claims SET sent_at_ms = ?, kiosk_id = ? WHERE alert = ? AND spell_key = ? AND sent_at_ms IS NULL', [
      nowMs,
      this.kioskId,
      alert,
      spellKey,
    ]);
  }
}
