/**
 * The agent's Prometheus metrics (README "Monitoring"), in a registry of its own rather than prom-client's global
 * one: tests and the centre demo run several agents in one process, and each must answer with its own figures.
 *
 * Counters are moved by the domain's events (metrics-from-events.ts) and by the device and API hooks that have no
 * event (counting-devices.ts, `refused`); gauges are read when Prometheus scrapes, from what the agent already knows
 * (device states, socket counts) and two cheap store queries (waiting tickets per service, the outbox's backlog).
 * Labels are services, counters, devices, states and error codes: never a phone, a dossier code or a ticket.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DEVICE_STATES, type DeviceStatus } from '../../../shared/api-schemas';
import type { EventAudience } from '../../../shared/ws-events';

export type DeviceName = 'printer' | 'scanner' | 'locker';

/** What the gauges read at scrape time; set once the agent is assembled (`readFrom`). */
export interface ScrapeSources {
  /** Every configured service (a service nobody waits for is a 0, not a missing series). */
  serviceIds: readonly string[];
  /** Today's waiting tickets per service queue (queue/ticket-repository.ts `waitingCounts`: one GROUP BY). */
  waitingByService(): Promise<ReadonlyMap<string, { total: number }>>;
  devices(): Record<DeviceName, DeviceStatus>;
  /** Undelivered outbox items and the oldest one's creation (notify/outbox-queue.ts `backlog`). */
  outboxBacklog(): Promise<{ pending: number; oldestCreatedMs: number | null }>;
  /** Event sockets connected now, per audience; undefined before the server listens. */
  sockets(): Readonly<Record<EventAudience, number>> | undefined;
  now(): number;
}

/** Seconds from issue to first call: a quiet commune morning to a city centre's worst afternoon. */
const TIME_TO_CALL_BUCKETS = [60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10_800];

/** The API routes whose refusals are pickup failures, and the step each is (`refused`). */
const PICKUP_STEPS: Record<string, string> = { '/api/pickup/lookup': 'lookup', '/api/pickup/open': 'open' };

export class AgentMetrics {
  readonly registry = new Registry();
  readonly ticketsIssued: Counter<'service' | 'priority'>;
  readonly timeToCall: Histogram<'service'>;
  readonly calls: Counter<'counter' | 'recall'>;
  readonly prints: Counter<'result'>;
  readonly lockerOpens: Counter<'result'>;
  readonly pickupFailures: Counter<'step' | 'code'>;
  readonly pickupsCompleted: Counter<'receipt'>;
  private readonly sourceErrors: Counter<'source'>;
  private sources: ScrapeSources | undefined;

  constructor(options: { kioskId: string }) {
    const registers = [this.registry];
    // Every series names its kiosk, so a centre's agents can be told apart and summed.
    this.registry.setDefaultLabels({ kiosk: options.kioskId });
    collectDefaultMetrics({ register: this.registry });
    this.ticketsIssued = new Counter({ name: 'kiosk_tickets_issued_total', help: 'Tickets issued here, per service and priority category ("none" for a normal ticket)', labelNames: ['service', 'priority'], registers });
    this.timeToCall = new Histogram({ name: 'kiosk_ticket_time_to_call_seconds', help: 'From issue to the first call of a ticket, per service (calls made through this agent)', labelNames: ['service'], buckets: TIME_TO_CALL_BUCKETS, registers });
    this.calls = new Counter({ name: 'kiosk_ticket_calls_total', help: 'Calls made through this agent, per counter; recall="true" for a recall', labelNames: ['counter', 'recall'], registers });
    this.prints = new Counter({ name: 'kiosk_print_jobs_total', help: 'Slips sent to the printer (tickets, receipts, test prints) by result: ok or the error code', labelNames: ['result'], registers });
    this.lockerOpens = new Counter({ name: 'kiosk_locker_opens_total', help: 'Compartment unlocks (pickups, deposits, technicians) by result: ok or the error code', labelNames: ['result'], registers });
    this.pickupFailures = new Counter({ name: 'kiosk_pickup_failures_total', help: 'Pickup requests refused, by step (lookup, open) and error code', labelNames: ['step', 'code'], registers });
    this.pickupsCompleted = new Counter({ name: 'kiosk_pickups_completed_total', help: 'Pickups finished (door shut, handover recorded), by whether the receipt printed', labelNames: ['receipt'], registers });
    this.sourceErrors = new Counter({ name: 'kiosk_metrics_source_errors_total', help: 'Scrapes where a gauge could not be read (the store down): its series is missing from that scrape', labelNames: ['source'], registers });
    this.scrapeGauges(registers);
  }

  /** Where the gauges read from, once the agent's parts exist (before that they have no series). */
  readFrom(sources: ScrapeSources): void {
    this.sources = sources;
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The API answered a coded refusal (api/error-mapper.ts): pickups have no event for a failure, so it is counted here. */
  refused(path: string, code: string): void {
    const step = PICKUP_STEPS[path];
    if (step) this.pickupFailures.inc({ step, code });
  }

  private scrapeGauges(registers: Registry[]): void {
    // A gauge whose source fails (the store) is left without series for that scrape rather than failing the scrape:
    // the device states are most wanted exactly when something is down. prom-client calls `collect` on the gauge.
    const sourcesNow = (): ScrapeSources | undefined => this.sources;
    const errors = this.sourceErrors;
    const guarded = (source: string, read: (gauge: Gauge<string>, s: ScrapeSources) => Promise<void> | void) =>
      async function collect(this: Gauge<string>): Promise<void> {
        this.reset();
        const sources = sourcesNow();
        if (!sources) return;
        try {
          await read(this, sources);
        } catch {
          this.reset();
          errors.inc({ source });
        }
      };
    new Gauge({
      name: 'kiosk_tickets_waiting',
      help: "Tickets waiting now in each service's queue (today; the whole centre on a shared store)",
      labelNames: ['service'],
      registers,
      collect: guarded('waiting', async (gauge, s) => {
        const counts = await s.waitingByService();
        for (const id of new Set([...s.serviceIds, ...counts.keys()])) gauge.set({ service: id }, counts.get(id)?.total ?? 0);
      }),
    });
    new Gauge({
      name: 'kiosk_device_state',
      help: 'Each device state: 1 for the state the device is in now, 0 for the others',
      labelNames: ['device', 'state'],
      registers,
      collect: guarded('devices', (gauge, s) => {
        for (const [device, status] of Object.entries(s.devices())) {
          for (const state of DEVICE_STATES) gauge.set({ device, state }, status.state === state ? 1 : 0);
        }
      }),
    });
    // Two gauges, one query each: the registry collects them concurrently, so they cannot share one reliably.
    new Gauge({
      name: 'kiosk_outbox_pending',
      help: 'Messages and report-backs the outbox has not delivered yet (the whole centre on a shared store)',
      registers,
      collect: guarded('outbox', async (gauge, s) => gauge.set((await s.outboxBacklog()).pending)),
    });
    new Gauge({
      name: 'kiosk_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest undelivered outbox item; 0 when nothing waits',
      registers,
      collect: guarded('outbox', async (gauge, s) => {
        const { oldestCreatedMs } = await s.outboxBacklog();
        gauge.set(oldestCreatedMs === null ? 0 : Math.max(0, (s.now() - oldestCreatedMs) / 1000));
      }),
    });
    new Gauge({
      name: 'kiosk_websocket_clients',
      help: 'Event sockets connected now, per audience (a kiosk or staff socket is also counted as public)',
      labelNames: ['audience'],
      registers,
      collect: guarded('sockets', (gauge, s) => {
        for (const [audience, n] of Object.entries(s.sockets() ?? {})) gauge.set({ audience }, n);
      }),
    });
  }
}
