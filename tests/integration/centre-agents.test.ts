/**
 * A centre with three kiosk agents (real CLI processes) on one PostgreSQL: one queue, seen the same from every
 * kiosk, counter and display. Tests a–d share the worker's cluster (one database, in order: the tickets of (a) are
 * the queue (b) empties, and (d) kills agent A, so it comes last on that database); (e) stops PostgreSQL, so it
 * takes a cluster and three agents of its own.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThrowawayPostgres } from '../../scripts/throwaway-postgres';
import type { ErrorBody, Health, IssuedTicket, PrintedJob, ServiceSummary, TicketView } from '../../shared/api-schemas';
import type { CounterActionResponse } from '../../shared/counter-schemas';
import { CENTRE_COUNTERS, CENTRE_STAFF, startCentreAgents, type Centre, type CentreAgent } from '../support/centre-agents';
import { collectEvents, type EventCollector } from '../support/event-collector';
import { getJson, postJson } from '../support/http';
import { freshDatabase, postgresPool, separatePostgres } from '../support/postgres-cluster';
import { waitUntil } from '../support/socat';

type Answer<T> = { status: number; body: T & Partial<ErrorBody> };
const issue = (agent: CentreAgent, serviceId: string): Promise<Answer<IssuedTicket>> => postJson(`${agent.url}/api/tickets`, { serviceId });
const callNext = (agent: CentreAgent, counterId: string): Promise<Answer<CounterActionResponse>> =>
  postJson(`${agent.url}/api/counters/${counterId}/call-next`, {}, CENTRE_STAFF);
const seqOf = (number: string): number => Number(number.replace(/^[A-Z]+/, ''));
const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
const codeOf = (a: { status: number; body?: unknown }): string => `${a.status} ${(a.body as Partial<ErrorBody> | undefined)?.error?.code ?? ''}`.trim();

/** Tickets as stored, and the (day, service) sequences that are not exactly 1..n. */
async function storedTickets(url: string): Promise<{ rows: { id: string; number: string; service_id: string; seq: number }[]; gaps: string[] }> {
  const pool = postgresPool(url, 1);
  try {
    const { rows } = await pool.query<{ id: string; number: string; service_id: string; seq: number; day: string }>(
      'SELECT id, number, service_id, seq, day FROM tickets ORDER BY day, service_id, seq',
    );
    const groups = new Map<string, number[]>();
    for (const r of rows) groups.set(`${r.day} ${r.service_id}`, [...(groups.get(`${r.day} ${r.service_id}`) ?? []), r.seq]);
    const gaps = [...groups].filter(([, seqs]) => seqs.join() !== oneToN(seqs.length).join()).map(([k, seqs]) => `${k}: ${seqs.join(',')}`);
    return { rows, gaps };
  } finally {
    await pool.end();
  }
}

/** Numbers used twice within a service among these tickets. */
function repeated(tickets: Iterable<Pick<IssuedTicket, 'serviceId' | 'number'>>): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const t of tickets) {
    const key = `${t.serviceId}/${t.number}`;
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}

/** Reads each ticket back through an agent: the ones whose answer is not 200 with the same number. */
async function unreadable(agent: CentreAgent, tickets: IssuedTicket[]): Promise<string[]> {
  const lost: string[] = [];
  for (let i = 0; i < tickets.length; i += 25) {
    await Promise.all(
      tickets.slice(i, i + 25).map(async (t) => {
        const view = await getJson<TicketView & Partial<ErrorBody>>(`${agent.url}/api/tickets/${t.id}`);
        if (view.status !== 200 || view.body.number !== t.number) lost.push(`${t.id} ${t.number}: ${view.status} ${JSON.stringify(view.body)}`);
      }),
    );
  }
  return lost;
}

describe('three agents of one centre on one PostgreSQL', () => {
  let centre: Centre;
  let storeUrl: string;
  let ownCluster: ThrowawayPostgres | undefined;
  let ownCentre: Centre | undefined;
  const sockets: EventCollector[] = [];
  /** Every ticket answered 201 on the shared database, by id. */
  const acknowledged = new Map<string, IssuedTicket>();
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    storeUrl = await freshDatabase();
    centre = await startCentreAgents({
      storeUrl,
      count: 3,
      // Lockers, and a low ceiling of wrong pickup codes, for a staff alert in (c).
      config: {
        locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }], pollMs: 100 },
        pickup: { guessing: { lookupsPerMinute: 10_000, wrongCodesPerKiosk: 3 } },
      },
    });
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    console.info(`centre-agents figures: ${JSON.stringify(figures)}`);
    await Promise.allSettled([centre?.stop(), ownCentre?.stop()]);
    await ownCluster?.stop();
  }, 60_000);

  it('(a) 24 clients issue at once through three agents: per service the numbers are 1..N, each slip printed by the kiosk that issued it', async () => {
    const { agents } = centre;
    // The kiosk's own screen hears its printer's jobs (kiosk audience): they never cross to other agents.
    const screens = await Promise.all(agents.map((a) => collectEvents(a.url)));
    sockets.push(...screens);
    const answers: { agent: number; serviceId: string; res: Answer<IssuedTicket> }[] = [];
    const started = Date.now();
    await Promise.all(
      agents.flatMap((agent, ai) =>
        oneToN(8).map(async (client) => {
          for (let k = 0; k < 10; k++) {
            const serviceId = (client + k) % 2 === 0 ? 'tu-phap' : 'dat-dai';
            answers.push({ agent: ai, serviceId, res: await issue(agent, serviceId) });
          }
        }),
      ),
    );
    figures.burst240Ms = Date.now() - started;

    expect(answers.filter((a) => a.res.status !== 201).map((a) => `${agents[a.agent]!.kioskId}: ${codeOf(a.res)} ${JSON.stringify(a.res.body)}`)).toEqual([]);
    const tickets = answers.map((a) => a.res.body);
    for (const t of tickets) acknowledged.set(t.id, t);
    expect(tickets.filter((t) => !t.printed).map((t) => `${t.number}: ${JSON.stringify(t.printError)}`)).toEqual([]);
    expect(repeated(tickets)).toEqual([]);
    for (const serviceId of ['tu-phap', 'dat-dai']) {
      const mine = answers.filter((a) => a.serviceId === serviceId).map((a) => a.res.body);
      expect(mine.every((t) => t.serviceId === serviceId)).toBe(true);
      expect(mine.map((t) => seqOf(t.number)).sort((x, y) => x - y)).toEqual(oneToN(120));
    }

    // Each kiosk's printer printed exactly its own tickets: as many jobs as its 201s, the recent ones (the demo
    // route keeps ten) carry the QR of its own tickets only, and its screen heard one printer.job per ticket.
    const idsOf = (ai: number) => new Set(answers.filter((a) => a.agent === ai).map((a) => a.res.body.id));
    for (const [ai, agent] of agents.entries()) {
      const own = idsOf(ai);
      const others = new Set(answers.filter((a) => a.agent !== ai).map((a) => a.res.body.id));
      const jobs = (await getJson<PrintedJob[]>(`${agent.url}/api/demo/printer/jobs`)).body;
      expect(jobs[0]?.id, `${agent.kioskId}: jobs printed`).toBe(own.size);
      const printedIds = jobs.flatMap((j) => j.qrCodes.map((q) => /\/track\/([\w-]+)$/.exec(q)?.[1] ?? q));
      expect(printedIds).toHaveLength(10);
      expect(printedIds.filter((id) => !own.has(id) || others.has(id)), `${agent.kioskId}: slips of other kiosks' tickets`).toEqual([]);
      await waitUntil(() => screens[ai]!.events.filter((e) => e.type === 'printer.job').length >= own.size, 3000, `${agent.kioskId} printer.job events`);
      const jobIds = screens[ai]!.events.flatMap((e) => (e.type === 'printer.job' ? [e.data.jobId] : []));
      expect(jobIds.sort((x, y) => x - y)).toEqual(oneToN(own.size));
    }
  }, 60_000);

  it('(b) 30 counters (10 through each agent) call-next at once until the queue is empty: every ticket called exactly once', async () => {
    const { agents } = centre;
    // Some tickets for the two services (a) did not use, so every counter has work.
    const more = await Promise.all(
      agents.flatMap((agent) => ['xay-dung', 'chung-thuc'].flatMap((serviceId) => oneToN(5).map(() => issue(agent, serviceId)))),
    );
    expect(more.filter((r) => r.status !== 201).map(codeOf)).toEqual([]);
    for (const r of more) acknowledged.set(r.body.id, r.body);
    const expected = new Map(acknowledged);

    const calls: { counter: (typeof CENTRE_COUNTERS)[number]; sentAt: number; gotAt: number; res: Answer<CounterActionResponse> }[] = [];
    const started = Date.now();
    await Promise.all(
      CENTRE_COUNTERS.map(async (counter, i) => {
        const agent = agents[Math.floor(i / 10)]!;
        // Bounded: a counter handed the same ticket again and again must not loop for ever.
        for (let n = 0; n <= expected.size; n++) {
          const sentAt = Date.now();
          const res = await callNext(agent, counter.id);
          calls.push({ counter, sentAt, gotAt: Date.now(), res });
          if (res.status !== 200) return;
        }
      }),
    );
    figures.drain = { calls: calls.length, ms: Date.now() - started };

    const refusals = calls.filter((c) => c.res.status !== 200);
    expect(refusals.filter((c) => codeOf(c.res) !== '404 QUEUE_EMPTY').map((c) => `counter ${c.counter.id}: ${codeOf(c.res)} ${JSON.stringify(c.res.body)}`)).toEqual([]);
    expect(refusals).toHaveLength(CENTRE_COUNTERS.length); // each counter stopped on its empty queue
    const called = calls.filter((c) => c.res.status === 200);
    const ids = called.map((c) => c.res.body.ticket.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'tickets called twice').toEqual([]);
    expect([...ids].sort()).toEqual([...expected.keys()].sort());
    for (const c of called) {
      const t = c.res.body.ticket;
      expect({ status: t.status, counterId: t.counterId, number: t.number, serves: c.counter.services.includes(t.queueServiceId ?? t.serviceId) }).toEqual({
        status: 'called',
        counterId: c.counter.id,
        number: expected.get(t.id)!.number,
        serves: true,
      });
    }
    // QUEUE_EMPTY only when nothing was left: no ticket of that counter's services was called by a request sent
    // after the empty answer arrived (it was waiting, then, when the counter was told there was nobody).
    const falseEmpty = refusals.flatMap((e) =>
      called
        .filter((c) => e.counter.services.includes(c.res.body.ticket.serviceId) && c.sentAt > e.gotAt)
        .map((c) => `counter ${e.counter.id} told QUEUE_EMPTY at ${e.gotAt}, then ${c.res.body.ticket.number} called at ${c.counter.id} (sent ${c.sentAt})`),
    );
    expect(falseEmpty).toEqual([]);
    // Every kiosk and display shows nobody waiting.
    for (const agent of agents) {
      const services = (await getJson<ServiceSummary[]>(`${agent.url}/api/services`)).body;
      expect(services.map((s) => [s.id, s.waiting])).toEqual(services.map((s) => [s.id, 0]));
    }
  }, 60_000);

  it('(c) a call through agent B reaches a display on agent A within 1 s, once; a staff alert only reaches staff', async () => {
    const [a, b, c] = centre.agents as [CentreAgent, CentreAgent, CentreAgent];
    const plainA = await collectEvents(a.url); // no token: public (and, on the kiosk's own machine, kiosk) events
    const staffA = await collectEvents(a.url, CENTRE_STAFF);
    const onB = await collectEvents(b.url);
    sockets.push(plainA, staffA, onB);

    const ticket = (await issue(c, 'dat-dai')).body;
    acknowledged.set(ticket.id, ticket);
    const counter = CENTRE_COUNTERS.slice(10, 20).find((k) => k.services.includes('dat-dai'))!;
    const isCall = (e: { data: { counterId: string } }) => e.data.counterId === counter.id;
    const t0 = Date.now();
    const heard = plainA.next('ticket.called', isCall, 1000).then((e) => ({ e, delayMs: Date.now() - t0 }));
    const called = await callNext(b, counter.id);
    const { e, delayMs } = await heard;
    figures.calledEventDelayMs = delayMs;
    expect(called.status).toBe(200);
    expect(called.body.ticket.id).toBe(ticket.id);
    expect(e.data).toMatchObject({ counterId: counter.id, counterName: { vi: `Quầy số ${counter.id}` }, ticket: { id: ticket.id, number: ticket.number, status: 'called' } });
    expect(delayMs).toBeLessThan(1000);
    await sleep(500);
    const count = (s: EventCollector) => s.events.filter((x) => x.type === 'ticket.called' && isCall(x)).length;
    expect([count(plainA), count(staffA), count(onB)]).toEqual([1, 1, 1]);

    // A staff alert at B: a result in B's locker, then wrong pickup codes until B pauses pickups.
    const code = '000.00.15.H29-261202-0042';
    const dossier = { code, procedure: 'Đăng ký khai sinh', applicantName: 'Trần Văn Bình', dueDate: '2026-12-05', status: 'ready' };
    expect((await postJson(`${b.url}/api/dossiers`, dossier, CENTRE_STAFF)).status).toBe(200);
    const deposit = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${b.url}/api/lockers/deposit`, { dossierCode: code }, CENTRE_STAFF);
    expect(deposit.status).toBe(200);
    const { board, lock } = deposit.body.compartment;
    expect((await postJson(`${b.url}/api/demo/locker/close`, { board, lock })).status).toBe(200);
    await waitUntil(async () => (await postJson<{ inLocker?: boolean }>(`${b.url}/api/pickup/lookup`, { code })).body.inLocker === true, 5000, 'the result in B\'s locker');
    const wrong = String((Number(deposit.body.pickupCode) + 1) % 1_000_000).padStart(6, '0');
    const opens = [];
    for (let i = 0; i < 3; i++) opens.push(await postJson<ErrorBody>(`${b.url}/api/pickup/open`, { code, pickupCode: wrong }));
    const alertSent = Date.now();
    expect(opens.map(codeOf)).toEqual(['403 PICKUP_CODE_INVALID', '403 PICKUP_CODE_INVALID', '429 PICKUP_PAUSED']);
    const alert = await staffA.next('staff.alert', (x) => x.data.kind === 'pickup-paused', 2000);
    figures.staffAlertDelayMs = Date.now() - alertSent;
    expect(alert.data.message).toMatch(/tạm dừng/);
    await sleep(500);
    expect(staffA.events.filter((x) => x.type === 'staff.alert')).toHaveLength(1);
    expect(plainA.events.filter((x) => x.type === 'staff.alert')).toEqual([]);
  }, 30_000);

  it('(d) kill -9 of agent A mid-burst: B and C keep answering 201; numbers stay unique and gapless', async () => {
    const [a, b, c] = centre.agents as [CentreAgent, CentreAgent, CentreAgent];
    const answers: { agent: CentreAgent; at: number; res: Answer<IssuedTicket> }[] = [];
    const cut: string[] = [];
    let stop = false;
    const clients = [a, b, c].flatMap((agent) =>
      oneToN(6).map(async (client) => {
        while (!stop) {
          try {
            answers.push({ agent, at: Date.now(), res: await issue(agent, client % 2 ? 'tu-phap' : 'dat-dai') });
          } catch (err) {
            if (agent === a) return; // its connection died with it
            cut.push(`${agent.kioskId}: ${(err as Error).message}`);
          }
        }
      }),
    );
    await sleep(600);
    a.process.child.kill('SIGKILL');
    const killedAt = Date.now();
    await sleep(1500);
    stop = true;
    await Promise.all(clients);
    expect((await a.process.exited).signal).toBe('SIGKILL');

    expect(cut).toEqual([]);
    expect(answers.filter((x) => x.res.status !== 201).map((x) => `${x.agent.kioskId}: ${codeOf(x.res)} ${JSON.stringify(x.res.body)}`)).toEqual([]);
    const fromA = answers.filter((x) => x.agent === a);
    expect(fromA.length, 'tickets A acknowledged before it died').toBeGreaterThan(0);
    for (const agent of [b, c]) expect(answers.filter((x) => x.agent === agent && x.at > killedAt).length, `${agent.kioskId} after the kill`).toBeGreaterThan(5);
    const tickets = answers.map((x) => x.res.body);
    for (const t of tickets) acknowledged.set(t.id, t);
    expect(repeated(acknowledged.values())).toEqual([]);

    // What is stored is 1..N per service; every acknowledged ticket is there with its number; what is stored and
    // was never acknowledged can only be A's last requests (committed, then A died before it answered).
    const stored = await storedTickets(storeUrl);
    expect(stored.gaps).toEqual([]);
    const byId = new Map(stored.rows.map((r) => [r.id, r.number]));
    expect([...acknowledged.values()].filter((t) => byId.get(t.id) !== t.number).map((t) => t.number)).toEqual([]);
    const unanswered = stored.rows.filter((r) => !acknowledged.has(r.id));
    figures.killedAgent = { fromA: fromA.length, fromBC: answers.length - fromA.length, storedNotAcknowledged: unanswered.map((r) => r.number) };
    expect(unanswered.length).toBeLessThanOrEqual(6);
    // A citizen holding a slip from A finds it from another kiosk's tracking page.
    expect(await unreadable(b, fromA.map((x) => x.res.body))).toEqual([]);
  }, 30_000);

  it('(e) PostgreSQL stopped mid-burst: 503 STORE_UNAVAILABLE within 5 s, health degraded; back to 201 by itself, nothing lost', async () => {
    ownCluster = await separatePostgres();
    const ownUrl = await ownCluster.createDatabase();
    ownCentre = await startCentreAgents({ storeUrl: ownUrl, count: 3, idPrefix: 'rieng' });
    const cluster = ownCluster;
    const { agents } = ownCentre;
    const answers: { agent: CentreAgent; sentAt: number; ms: number; status: number; body: Partial<IssuedTicket & ErrorBody> | string }[] = [];
    let stop = false;
    const clients = agents.flatMap((agent) =>
      oneToN(3).map(async (client) => {
        while (!stop) {
          const sentAt = Date.now();
          let res: Answer<IssuedTicket> | { status: 0; body: string };
          try {
            res = await issue(agent, client % 2 ? 'tu-phap' : 'dat-dai');
          } catch (err) {
            res = { status: 0, body: (err as Error).message }; // the agent did not answer at all
          }
          answers.push({ agent, sentAt, ms: Date.now() - sentAt, ...res });
          if (res.status !== 201) await sleep(50);
        }
      }),
    );
    await sleep(700);
    await cluster.kill();
    const downAt = Date.now();
    await sleep(2500);
    stop = true;
    await Promise.all(clients);

    const isUnavailable = (x: (typeof answers)[number]) => x.status === 503 && typeof x.body === 'object' && x.body.error?.code === 'STORE_UNAVAILABLE';
    const before = answers.filter((x) => x.sentAt < downAt);
    const during = answers.filter((x) => x.sentAt >= downAt);
    expect(before.filter((x) => x.status === 201).length).toBeGreaterThan(0);
    // In flight when it stopped: done (201) or told (503), never a 500 or a cut connection.
    expect(before.filter((x) => x.status !== 201 && !isUnavailable(x)).map((x) => `${x.status} ${JSON.stringify(x.body)}`)).toEqual([]);
    expect(during.length).toBeGreaterThan(agents.length);
    expect(during.filter((x) => !isUnavailable(x)).map((x) => `${x.agent.kioskId}: ${x.status} ${JSON.stringify(x.body)}`)).toEqual([]);
    const slowest = Math.max(...answers.filter(isUnavailable).map((x) => x.ms));
    figures.outage = { requestsDuring: during.length, slowest503Ms: slowest, median503Ms: during.map((x) => x.ms).sort((x, y) => x - y)[Math.floor(during.length / 2)] };
    expect(slowest).toBeLessThan(5000);
    for (const agent of agents) {
      const health = await getJson<Health>(`${agent.url}/api/health`);
      expect({ kiosk: agent.kioskId, status: health.body.status, store: health.body.store?.state }).toEqual({ kiosk: agent.kioskId, status: 'degraded', store: 'error' });
      expect(agent.alive()).toBe(true);
    }

    await cluster.start();
    const upAt = Date.now();
    const recoveryMs = await Promise.all(
      agents.map(async (agent) => {
        await waitUntil(
          async () => {
            const res = await issue(agent, 'tu-phap');
            if (res.status === 201) answers.push({ agent, sentAt: Date.now(), ms: 0, ...res });
            return res.status === 201;
          },
          20_000,
          `${agent.kioskId} issuing again`,
        );
        return Date.now() - upAt;
      }),
    );
    const healthyMs = await Promise.all(
      agents.map(async (agent) => {
        await waitUntil(async () => (await getJson<Health>(`${agent.url}/api/health`)).body.status === 'ok', 20_000, `${agent.kioskId} healthy`);
        return Date.now() - upAt;
      }),
    );
    figures.recovery = { first201Ms: recoveryMs, healthOkMs: healthyMs };

    const tickets = answers.flatMap((x) => (x.status === 201 && typeof x.body === 'object' ? [x.body as IssuedTicket] : []));
    expect(repeated(tickets)).toEqual([]);
    expect(await unreadable(agents[0]!, tickets)).toEqual([]);
    const stored = await storedTickets(ownUrl);
    expect(stored.gaps).toEqual([]);
    // Stored but never acknowledged: a request in flight when the server stopped, committed before it answered 503
    // (at most one per client). Noted with whether its slip came out of the printer (the recent jobs show it).
    const acknowledgedIds = new Set(tickets.map((t) => t.id));
    const unanswered = stored.rows.filter((r) => !acknowledgedIds.has(r.id));
    const slips = (await Promise.all(agents.map((a) => getJson<PrintedJob[]>(`${a.url}/api/demo/printer/jobs`)))).flatMap((r) => r.body.flatMap((j) => j.qrCodes));
    figures.outageStoredNotAcknowledged = unanswered.map((r) => `${r.number}${slips.some((q) => q.endsWith(`/track/${r.id}`)) ? ' (slip printed)' : ''}`);
    expect(unanswered.length).toBeLessThanOrEqual(9);
    // A citizen told "no number" never walks away with a slip: a ticket is printed only once its commit was answered.
    expect(unanswered.filter((r) => slips.some((q) => q.endsWith(`/track/${r.id}`))).map((r) => r.number)).toEqual([]);
    // A connection dropping under a checked-out client is answered, never an uncaught exception in the agent.
    expect(ownCentre.output()).not.toContain('uncaught exception');
  }, 75_000);
});
