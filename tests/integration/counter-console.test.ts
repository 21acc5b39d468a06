/**
 * The counter console's API over real HTTP, with the events a lobby display and /track pages receive over WS.
 */
import { describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody, IssuedTicket, TicketView } from '../../shared/api-schemas';
import type { CounterActionResponse, CounterState, DisplaySnapshot, Stats } from '../../shared/counter-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF_TOKEN } from '../support/test-config';

const auth = { authorization: `Bearer ${STAFF_TOKEN}` };

const it = agentTest({ config: () => ({ queue: { priorityStreakLimit: 2 } }) });

describe('counter console API', () => {
  // The file's agent, kept here for the helpers below (every test and the beforeEach use them).
  let agent: RunningAgent;

  const issue = async (serviceId: string, priority?: string) =>
    (await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId, ...(priority ? { priority } : {}) })).body;
  const act = (counter: string, action: string, body: object = {}) =>
    postJson<CounterActionResponse & ErrorBody>(`${agent.url}/api/counters/${counter}/${action}`, body, auth);
  /** Calls until the queue is empty, returning the numbers called. */
  const drain = async (counter: string) => {
    const numbers: string[] = [];
    for (;;) {
      const res = await act(counter, 'call-next');
      if (res.status === 404) return numbers;
      numbers.push(res.body.ticket.number);
    }
  };

  it.beforeAll(({ agent: started }) => {
    agent = started;
  });
  it.beforeEach(async ({ heard }) => {
    // Each test starts with empty queues at both counters.
    await drain('2');
    await act('2', 'finish');
    await act('1', 'finish');
    heard.events.splice(0);
  });

  it('every counter route needs a staff token; unknown counters are 404', async () => {
    for (const action of ['call-next', 'call', 'recall', 'start', 'finish', 'no-show', 'transfer']) {
      const res = await postJson<ErrorBody>(`${agent.url}/api/counters/1/${action}`, {});
      expect(res.status, action).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
    expect((await getJson(`${agent.url}/api/counters/1`)).status).toBe(401);
    expect((await getJson(`${agent.url}/api/stats`)).status).toBe(401);
    const unknown = await act('99', 'call-next');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'COUNTER_NOT_FOUND']);
    expect((await getJson<ErrorBody>(`${agent.url}/api/counters/99`, auth)).body.error.code).toBe('COUNTER_NOT_FOUND');
  });

  it('call-next on an empty queue → 404 QUEUE_EMPTY; actions without a called ticket → 409', async () => {
    const empty = await act('1', 'call-next');
    expect([empty.status, empty.body.error.code]).toEqual([404, 'QUEUE_EMPTY']);
    const idle = await act('1', 'recall');
    expect([idle.status, idle.body.error.code]).toEqual([409, 'COUNTER_IDLE']);
    const t = await issue('tu-phap');
    const finish = await act('1', 'finish', { ticketId: t.id });
    expect([finish.status, finish.body.error.code]).toEqual([409, 'TICKET_WRONG_STATE']);
    expect(finish.body.error.message).toMatch(/chưa được gọi/);
    const bad = await act('1', 'transfer', { toServiceId: 'dat-dai', position: 'sideways' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('call → recall → start → finish, with ticket.called (recall flagged) and ticket.updated on the socket', async ({ heard }) => {
    const t = await issue('tu-phap');
    const called = await act('1', 'call-next');
    expect(called.body.ticket).toMatchObject({ id: t.id, status: 'called', counterId: '1' });
    expect((await act('1', 'recall')).status).toBe(200);
    expect((await act('2', 'start', { ticketId: t.id })).body.error.code).toBe('TICKET_OTHER_COUNTER');
    expect((await act('1', 'start')).body.ticket.status).toBe('serving');
    expect((await act('1', 'finish')).body.ticket.status).toBe('done');
    await expect.poll(() => heard.events.length).toBeGreaterThanOrEqual(4);
    const mine = heard.events.filter((e) => (e.type === 'ticket.called' || e.type === 'ticket.updated') && e.data.ticket.id === t.id);
    expect(mine.map((e) => (e.type === 'ticket.called' ? (e.data.recall ? 'recall' : 'call') : e.type === 'ticket.updated' ? e.data.action : ''))).toEqual([
      'call',
      'recall',
      'serve',
      'finish',
    ]);
    expect(mine[0]).toMatchObject({ data: { counterId: '1', counterName: { vi: 'Quầy số 1' } } });
    // The display keys announcements on the call's time: the event and the display snapshot give the same one.
    const display = await getJson<DisplaySnapshot>(`${agent.url}/api/display`);
    const callTimes = mine.flatMap((e) => (e.type === 'ticket.called' ? [e.data.calledAt] : []));
    expect(display.body.calls.filter((c) => c.ticketId === t.id).map((c) => c.at).sort()).toEqual(callTimes.sort());
    const view = await getJson<TicketView>(`${agent.url}/api/tickets/${t.id}`);
    expect(view.body).toMatchObject({ status: 'done', counterId: '1', counterName: { vi: 'Quầy số 1', en: 'Counter 1' } });
  });

  it('no-show, then the citizen comes back and is called by number', async () => {
    const t = await issue('tu-phap');
    await act('1', 'call-next');
    expect((await act('1', 'no-show')).body.ticket.status).toBe('no-show');
    expect((await act('1', 'call-next')).status).toBe(404);
    const again = await act('1', 'call', { number: t.number });
    expect(again.body.ticket).toMatchObject({ id: t.id, status: 'called' });
  });

  it('fairness: with N = 2, a normal ticket is called after two priority calls in a row', async () => {
    const kinds = ['N', 'P', 'P', 'P', 'N', 'P'];
    const tickets = [];
    for (const k of kinds) tickets.push(await issue('tu-phap', k === 'P' ? 'elderly' : undefined));
    const byNumber = new Map(tickets.map((t, i) => [t.number, kinds[i]]));
    const called = await drain('1');
    expect(called.map((n) => byNumber.get(n)).join('')).toBe('PPNPPN');
  });

  it('transfer to another service (front and end) and to one counter; positions and the display follow', async () => {
    const d1 = await issue('dat-dai');
    const a1 = await issue('tu-phap');
    const a2 = await issue('tu-phap');
    await act('1', 'call-next'); // a1
    const moved = await act('1', 'transfer', { toServiceId: 'dat-dai', position: 'front' });
    expect(moved.body.ticket).toMatchObject({ id: a1.id, status: 'waiting', queueServiceId: 'dat-dai', ahead: 0 });
    expect((await getJson<TicketView>(`${agent.url}/api/tickets/${d1.id}`)).body.ahead).toBe(1);
    await act('1', 'call-next'); // a2
    const toCounter = await act('1', 'transfer', { toCounterId: '2', position: 'end' });
    expect(toCounter.body.ticket).toMatchObject({ id: a2.id, targetCounterId: '2', status: 'waiting' });
    expect((await act('1', 'call-next')).status).toBe(404);
    const state = await getJson<CounterState>(`${agent.url}/api/counters/2`, auth);
    expect(state.body.directWaiting).toBe(1);
    expect(state.body.queues.find((q) => q.serviceId === 'dat-dai')?.waiting).toBe(2);
    expect(await drain('2')).toEqual([a1.number, d1.number, a2.number]);
    const display = await getJson<DisplaySnapshot>(`${agent.url}/api/display`);
    expect(display.body.calls[0]).toMatchObject({ number: a2.number, counterId: '2', counterName: { vi: 'Quầy số 2' }, recall: false });
  });

  it('statistics as JSON and CSV; a counter visit can be rated once after it is finished', async () => {
    const t = await issue('dat-dai');
    await act('2', 'call-next');
    const early = await postJson<ErrorBody>(`${agent.url}/api/ratings`, { subject: 'counter', reference: t.id, level: 3 });
    expect(early.body.error.code).toBe('RATING_NOT_ALLOWED');
    await act('2', 'finish');
    expect((await postJson(`${agent.url}/api/ratings`, { subject: 'counter', reference: t.id, level: 3 })).status).toBe(201);
    expect((await postJson<ErrorBody>(`${agent.url}/api/ratings`, { subject: 'counter', reference: t.id, level: 1 })).status).toBe(409);
    const stats = await getJson<Stats>(`${agent.url}/api/stats`, auth);
    expect(stats.status).toBe(200);
    const counter2 = stats.body.counters.find((c) => c.counterId === '2')!;
    expect(counter2.ratings['3']).toBeGreaterThanOrEqual(1);
    expect(stats.body.services.find((s) => s.serviceId === 'dat-dai')!.issued).toBeGreaterThanOrEqual(1);
    const csv = await fetch(`${agent.url}/api/stats.csv`, { headers: auth });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A BOM, so Excel reads the accents as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Phạm vi,Ngày,Mã,Tên');
    expect(text).toMatch(/Quầy,\d{4}-\d{2}-\d{2},2,Quầy số 2,/);
    const bad = await getJson<ErrorBody>(`${agent.url}/api/stats?from=yesterday`, auth);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
