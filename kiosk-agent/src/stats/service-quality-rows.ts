/**
 * The service-quality report's reads: one SQL for both stores (docs/ARCHITECTURE.md "The store port"), each row
 * already tallied per officer (and service where there is one). The figures' meaning comes from ticket-measures.ts,
 * shared with /api/stats. Numbers are passed through Number(): PostgreSQL's COUNT is a BIGINT, which a driver may
 * hand out as text.
 */
import { localDayKey } from '../core/local-time';
import type { SqlStore } from '../store/store-port';
import { COUNTER_RATINGS_IN_DAYS, NO_SHOWS, SERVED, SERVICE_MS, total, WAIT_MS } from './ticket-measures';

/** Tickets of one officer at one service: sums and counts, so groups can be added before averaging. */
export interface TicketTally {
  officerId: number | null;
  serviceId: string;
  served: number;
  noShows: number;
  waitMs: number;
  waitN: number;
  serviceMs: number;
  serviceN: number;
}

/** Ratings of one level on one scale; serviceId null for a pickup at the lockers. */
export interface RatingTally {
  officerId: number | null;
  serviceId: string | null;
  scale: number;
  level: number;
  n: number;
}

/** One result collected from a locker, with who deposited it and whether it was there by the promised date. */
export interface HandoverTally {
  officerId: number | null;
  onTime: boolean;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const officer = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * A ticket's officer is the account on its last `finish` or `no-show` event (a no-show called back and finished
 * belongs to whoever finished it); a ticket with no such event, or an event with no account, has none. Events
 * carry the ticket's day, so the day index narrows them.
 */
const TICKETS_BY_OFFICER = `
  SELECT officer_id AS "officerId", service_id AS "serviceId", ${SERVED} AS served, ${NO_SHOWS} AS "noShows",
         ${total(WAIT_MS)} AS "waitMs", COUNT(${WAIT_MS}) AS "waitN", ${total(SERVICE_MS)} AS "serviceMs", COUNT(${SERVICE_MS}) AS "serviceN"
  FROM (SELECT t.*, e.account_id AS officer_id FROM tickets t
        LEFT JOIN (SELECT ticket_id, MAX(id) AS id FROM ticket_events WHERE day BETWEEN ? AND ? AND action IN ('finish', 'no-show') GROUP BY ticket_id) last
          ON last.ticket_id = t.id
        LEFT JOIN ticket_events e ON e.id = last.id
        WHERE t.day BETWEEN ? AND ? AND t.status IN ('done', 'no-show')) x
  GROUP BY officer_id, service_id`;

/**
 * A handover counts when the door was opened for the citizen (opened, then door-closed); its result's last
 * completed deposit says who put it in and when. A handover without a completed deposit (never, but a store copied
 * from elsewhere might have one) cannot be judged and is left out.
 */
const HANDOVERS = `
  SELECT h.created_at_ms AS "handedAtMs", d.account_id AS "officerId", d.updated_at_ms AS "depositedAtMs", o.due_date AS "dueDate"
  FROM handovers h
  JOIN dossiers o ON o.code = h.dossier_code
  JOIN deposits d ON d.id = (SELECT MAX(id) FROM deposits WHERE dossier_code = h.dossier_code AND state = 'done')
  WHERE h.state IN ('door-closed', 'opened') AND h.created_at_ms BETWEEN ? AND ?`;

export class ServiceQualityRows {
  constructor(
    private readonly store: SqlStore,
    private readonly timeZone: string,
  ) {}

  async tickets(from: string, to: string): Promise<TicketTally[]> {
    const rows = await this.store.all<Record<string, unknown>>(TICKETS_BY_OFFICER, [from, to, from, to]);
    return rows.map((r) => ({
      officerId: officer(r.officerId),
      serviceId: String(r.serviceId),
      served: num(r.served),
      noShows: num(r.noShows),
      waitMs: num(r.waitMs),
      waitN: num(r.waitN),
      serviceMs: num(r.serviceMs),
      serviceN: num(r.serviceN),
    }));
  }

  /** Counter visits by the ticket's day and service; pickups by the local day they were rated on. */
  async ratings(from: string, to: string): Promise<RatingTally[]> {
    const counter = await this.store.all<Record<string, unknown>>(
      `SELECT r.account_id AS "officerId", t.service_id AS "serviceId", r.scale AS scale, r.level AS level, COUNT(*) AS n
       FROM ${COUNTER_RATINGS_IN_DAYS} GROUP BY r.account_id, t.service_id, r.scale, r.level`,
      [from, to],
    );
    const pickup = await this.store.all<Record<string, unknown>>(
      `SELECT account_id AS "officerId", at_ms AS "atMs", scale, level FROM ratings WHERE subject = 'pickup' AND at_ms BETWEEN ? AND ?`,
      this.window(from, to),
    );
    return [
      ...counter.map((r) => ({ officerId: officer(r.officerId), serviceId: String(r.serviceId), scale: num(r.scale), level: num(r.level), n: num(r.n) })),
      ...pickup
        .filter((r) => this.inDays(num(r.atMs), from, to))
        .map((r) => ({ officerId: officer(r.officerId), serviceId: null, scale: num(r.scale), level: num(r.level), n: 1 })),
    ];
  }

  /**
   * On time: deposited on or before the promised date, that is by the end of the due day in the centre's zone
   * (compared as local days, so a deposit at 06:00 the next morning is late even where UTC still says the due day).
   */
  async handovers(from: string, to: string): Promise<HandoverTally[]> {
    const rows = await this.store.all<Record<string, unknown>>(HANDOVERS, this.window(from, to));
    return rows
      .filter((r) => this.inDays(num(r.handedAtMs), from, to))
      .map((r) => ({ officerId: officer(r.officerId), onTime: localDayKey(num(r.depositedAtMs), this.timeZone) <= String(r.dueDate) }));
  }

  /** Officers' names for the report (a supervisor's page: names are fine there). */
  async officers(): Promise<Map<number, { name: string; username: string }>> {
    const rows = await this.store.all<{ id: unknown; name: string; username: string }>('SELECT id, name, username FROM staff_accounts');
    return new Map(rows.map((r) => [Number(r.id), { name: r.name, username: r.username }]));
  }

  /**
   * Rows kept by time rather than day (pickup ratings, handovers) are read over a window a little wider than the
   * days in every zone (UTC−14 to UTC+14) and kept when their local day is in the period.
   */
  private window(from: string, to: string): [number, number] {
    const hour = 3_600_000;
    return [Date.parse(`${from}T00:00:00Z`) - 14 * hour, Date.parse(`${to}T00:00:00Z`) + 38 * hour];
  }

  private inDays(ms: number, from: string, to: string): boolean {
    const day = localDayKey(ms, this.timeZone);
    return day >= from && day <= to;
  }
}
