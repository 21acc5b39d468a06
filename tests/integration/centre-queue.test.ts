/**
 * A centre with three kiosk agents (real CLI processes) on one PostgreSQL: one queue, seen the same from every
 * kiosk, counter and display, also when one of the agents dies. Tests a–d share the worker's cluster (one database,
 * in order: the tickets of (a) are the queue (b) empties, and (d) kills agent A, so it comes last on that database).
 * PostgreSQL stopped mid-burst, on a cluster of its own: centre-store-outage.test.ts. Helpers: centre-tickets.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, IssuedTicket, PrintedJob, ServiceSummary } from '../../shared/api-schemas';
import type { CounterActionResponse } from '../../shared/counter-schemas';
import { CENTRE_COUNTERS, CENTRE_STAFF, startCentreAgents, type Centre, type CentreAgent } from '../support/centre-agents';
import { callNext, codeOf, issue, oneToN, repeated, seqOf, storedTickets, unreadable, type Answer } from '../support/centre-tickets';
import { collectEvents, type EventCollector } from '../support/event-collector';
import { getJson, postJson } from '../support/http';
import { freshDatabase } from '../support/postgres-cluster';
import { waitUntil } from '../support/socat';

describe('three agents of one centre on one PostgreSQL', () => {
  let centre: Centre;
  let storeUrl: string;
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
    await centre?.stop();
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
});
