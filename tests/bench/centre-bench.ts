/**
 * A centre's figures: three kiosk agents (real CLI processes, simulated printers) on one PostgreSQL, as a centre
 * runs them (tests/support/centre-agents.ts), each beside the same measure on one agent with its own SQLite, under
 * the same load on the same machine, so the two stores read side by side.
 *
 * 1. Durable tickets/s: 8 clients per agent post tickets at once until 3,000 are issued. PostgreSQL runs with fsync
 *    on (a real server's durability), SQLite with WAL and synchronous=FULL: on both, a 201 means the ticket is on
 *    disk. Total tickets/s, and each request's latency.
 * 2. A call → the event on another agent: a ticket issued through C, called through B, timed from the call-next
 *    request until a WebSocket client of A hears `ticket.called` for it (NOTIFY from B, LISTEN at A, A's socket).
 *    On SQLite the one agent issues, calls and tells its own socket.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startThrowawayPostgres } from '../../scripts/throwaway-postgres';
import type { IssuedTicket } from '../../shared/api-schemas';
import type { CounterActionResponse } from '../../shared/counter-schemas';
import { CENTRE_COUNTERS, CENTRE_STAFF, startCentreAgents, type Centre } from '../support/centre-agents';
import { postJson } from '../support/http';
import { ms, summarize } from './stats';

const CLIENTS_PER_AGENT = 8;
const TICKETS = 3000;
const CALLS = 500;
const WARM_UP = 20;
/** The ticket load uses three services; the calls the fourth, so its queue holds only the ticket each call is timed on. */
const LOAD_SERVICES = ['tu-phap', 'dat-dai', 'xay-dung'];
const CALL_SERVICE = 'chung-thuc';
/** A counter serving the call service alone: its call-next can only return the ticket just issued. */
const CALL_COUNTER = CENTRE_COUNTERS.find((c) => c.services.length === 1 && c.services[0] === CALL_SERVICE)!.id;
/** How long a call's event may take before the run fails rather than wait for ever. */
const EVENT_TIMEOUT_MS = 5000;

/** Runs `fn`; a failure carries the agents' output (logs, stderr), the only evidence once they are stopped. */
async function withEvidence<T>(centre: Centre, fn: (centre: Centre) => Promise<T>): Promise<T> {
  try {
    return await fn(centre);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${centre.output().slice(-4000)}`, { cause: err });
  }
}

/** Three agents on a fresh PostgreSQL cluster with fsync on; agents and cluster stopped and removed whatever happens. */
async function onPostgresCentre<T>(fn: (centre: Centre) => Promise<T>): Promise<T> {
  const server = await startThrowawayPostgres({ fsync: true });
  try {
    const centre = await startCentreAgents({ storeUrl: await server.createDatabase(), count: 3, idPrefix: 'bench' });
    try {
      return await withEvidence(centre, fn);
    } finally {
      await centre.stop();
    }
  } finally {
    await server.stop();
  }
}

/**
 * One agent with the centre's services and counters on its own SQLite: the config's `store` replaces the
 * PostgreSQL one, so the URL is never used.
 */
async function onSqliteAgent<T>(fn: (centre: Centre) => Promise<T>): Promise<T> {
  const centre = await startCentreAgents({ storeUrl: 'postgres://unused', count: 1, idPrefix: 'lone', config: { store: { driver: 'sqlite' } } });
  try {
    return await withEvidence(centre, fn);
  } finally {
    await centre.stop();
  }
}

/**
 * `total` tickets through `urls`, CLIENTS_PER_AGENT clients on each, every one a 201 with its slip printed (else the
 * run fails: a figure of refusals would be no figure). Every seventh is a priority ticket, as at a real desk.
 */
async function issueTickets(urls: string[], total: number): Promise<{ seconds: number; latencies: number[] }> {
  let claimed = 0;
  let failed = false; // the other clients stop too, so nothing still posts while the agents are being stopped
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    urls.flatMap((url) =>
      Array.from({ length: CLIENTS_PER_AGENT }, async () => {
        while (!failed && claimed < total) {
          const i = claimed++;
          const body = { serviceId: LOAD_SERVICES[i % LOAD_SERVICES.length], ...(i % 7 === 0 ? { priority: 'elderly' } : {}) };
          const sent = performance.now();
          try {
            const res = await postJson<IssuedTicket>(`${url}/api/tickets`, body);
            latencies.push(performance.now() - sent);
            if (res.status !== 201 || !res.body.printed) throw new Error(`ticket ${i} through ${url}: ${res.status} ${JSON.stringify(res.body)}`);
          } catch (err) {
            failed = true;
            // A dead agent shows only as "fetch failed": say which one.
            throw err instanceof Error && err.message.startsWith('ticket ') ? err : new Error(`ticket ${i} through ${url}: ${String(err)}`, { cause: err });
          }
        }
      }),
    ),
  );
  return { seconds: (performance.now() - t0) / 1000, latencies };
}

async function ticketLoad(centre: Centre): Promise<{ perSec: number; median: number; p99: number }> {
  await issueTickets(centre.urls, WARM_UP * centre.urls.length); // compiled paths, pools filled
  const run = await issueTickets(centre.urls, TICKETS);
  const s = summarize(run.latencies);
  return { perSec: TICKETS / run.seconds, median: s.median, p99: s.p99 };
}

export async function benchCentreTickets(): Promise<string[]> {
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  const onPg = await onPostgresCentre(ticketLoad);
  const alone = await onSqliteAgent(ticketLoad);
  const figures = (r: { perSec: number; median: number; p99: number }): string =>
    `${r.perSec.toFixed(0)} tickets/s; per request median ${ms(r.median)}, p99 ${ms(r.p99)}`;
  return [
    `centre (load average before: ${load})`,
    `centre tickets over HTTP, 3 agents on one PostgreSQL (fsync on, pool 10 each), ${CLIENTS_PER_AGENT} clients per agent, ${TICKETS} tickets: ${figures(onPg)}  [target ≥ 1,000/s in total]`,
    `  beside it: 1 agent on its own SQLite (WAL, synchronous=FULL), ${CLIENTS_PER_AGENT} clients, ${TICKETS} tickets: ${figures(alone)}`,
  ];
}

async function openSocket(agentUrl: string): Promise<WebSocket> {
  const ws = new WebSocket(`${agentUrl.replace(/^http/, 'ws')}/api/events`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

/** When `ws` hears `ticket.called` for this ticket (performance.now()); rejects after EVENT_TIMEOUT_MS. */
function heardCalled(ws: WebSocket, ticketId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer): void => {
      const event = JSON.parse(data.toString()) as { type: string; data?: { ticket?: { id?: string } } };
      if (event.type !== 'ticket.called' || event.data?.ticket?.id !== ticketId) return;
      const at = performance.now(); // read before anything else runs
      done();
      resolve(at);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ticket.called for ${ticketId} within ${EVENT_TIMEOUT_MS} ms`));
    }, EVENT_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      ws.off('message', onMessage);
    };
    ws.on('message', onMessage);
  });
}

/**
 * Issue through `issueUrl`, call through `callUrl`, listen on `listenUrl`; WARM_UP calls first, then CALLS timed.
 * A day's traffic is in the store first (300 tickets in the other services), as at the lobby display's busy hour.
 */
async function callToEvent(issueUrl: string, callUrl: string, listenUrl: string): Promise<{ toEvent: number[]; toReply: number[] }> {
  await issueTickets([issueUrl], 300);
  const ws = await openSocket(listenUrl);
  const toEvent: number[] = [];
  const toReply: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + CALLS; i++) {
      const issued = await postJson<IssuedTicket>(`${issueUrl}/api/tickets`, { serviceId: CALL_SERVICE });
      if (issued.status !== 201) throw new Error(`ticket ${i}: ${issued.status} ${JSON.stringify(issued.body)}`);
      const heard = heardCalled(ws, issued.body.id);
      heard.catch(() => undefined); // awaited below; a failed call must not leave it unhandled
      const t0 = performance.now();
      const res = await postJson<CounterActionResponse>(`${callUrl}/api/counters/${CALL_COUNTER}/call-next`, {}, CENTRE_STAFF);
      const replied = performance.now();
      if (res.status !== 200 || res.body.ticket.id !== issued.body.id) {
        throw new Error(`call ${i}: expected ${issued.body.number}, got ${res.status} ${JSON.stringify(res.body)}`);
      }
      const at = await heard;
      if (i < WARM_UP) continue;
      toEvent.push(at - t0);
      toReply.push(replied - t0);
    }
  } finally {
    ws.close();
  }
  return { toEvent, toReply };
}

export async function benchCentreCallToEvent(): Promise<string[]> {
  const onPg = await onPostgresCentre(async ({ urls: [a, b, c] }) => callToEvent(c!, b!, a!));
  const alone = await onSqliteAgent(async ({ urls: [only] }) => callToEvent(only!, only!, only!));
  const figures = (r: { toEvent: number[]; toReply: number[] }): string => {
    const e = summarize(r.toEvent);
    const h = summarize(r.toReply);
    return `${e.n} calls: median ${ms(e.median)}, p99 ${ms(e.p99)}, max ${ms(e.max)} (call-next reply: median ${ms(h.median)}, p99 ${ms(h.p99)})`;
  };
  return [
    `centre call-next through agent B → ticket.called on agent A's WebSocket (PostgreSQL NOTIFY/LISTEN), ${figures(onPg)}  [target p99 ≤ 50 ms]`,
    `  beside it: 1 SQLite agent, call-next → ticket.called on its own WebSocket, ${figures(alone)}`,
  ];
}
