/**
 * Parking a ticket at the counter over real HTTP, on each store (a lone kiosk's SQLite, a centre's PostgreSQL): what
 * the officer, the citizen's /track page and the lobby display see when a citizen steps away to fetch a paper.
 */
import { describe, expect } from 'vitest';
import type { ErrorBody, IssuedTicket, TicketView } from '../../shared/api-schemas';
import type { CounterActionResponse, CounterState, DisplaySnapshot, ParkedTicket } from '../../shared/counter-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { freshDatabase } from '../support/postgres-cluster';

const STORES = {
  sqlite: agentTest(),
  postgres: agentTest({ config: async () => ({ store: { driver: 'postgres', url: await freshDatabase() } }) }),
};

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('parking a ticket at the counter (%s)', (kind) => {
  const it = STORES[kind];

  it('parked: out of the queue and the display, on the counter’s list; called back by that counter only', async ({ agent, heard }) => {
    const url = agent.url;
    const act = (counter: string, action: string, body: object = {}) => postJson<CounterActionResponse & ErrorBody>(`${url}/api/counters/${counter}/${action}`, body, STAFF);
    const parkedList = async (counter: string) => (await getJson<ParkedTicket[]>(`${url}/api/counters/${counter}/parked`, STAFF)).body;
    const waitingAt1 = async () => (await getJson<CounterState>(`${url}/api/counters/1`, STAFF)).body.queues[0]!.waiting;

    const a = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    const b = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    expect((await act('1', 'call-next')).body.ticket.number).toBe(a.number);
    await act('1', 'recall');
    await act('1', 'start');
    expect(await waitingAt1()).toBe(1);

    // Park without a staff token: refused like every counter route.
    expect((await postJson<ErrorBody>(`${url}/api/counters/1/park`, {})).status).toBe(401);
    expect((await getJson<ErrorBody>(`${url}/api/counters/1/parked`)).status).toBe(401);

    const parked = await act('1', 'park');
    expect([parked.status, parked.body.ticket.status, parked.body.ticket.counterId]).toEqual([200, 'parked', '1']);
    const told = await heard.next('ticket.updated', (e) => e.data.action === 'park');
    expect([told.data.ticket.number, told.data.counterId]).toEqual([a.number, '1']);
    const list = await parkedList('1');
    expect(list.map((p) => [p.id, p.number, p.serviceId])).toEqual([[a.id, a.number, 'tu-phap']]);
    expect(Date.parse(list[0]!.parkedAt)).not.toBeNaN();
    expect(await parkedList('2')).toEqual([]);

    // The counter is free; its console lists the ticket; it is not waiting; the citizen's page says to come back.
    const state = (await getJson<CounterState>(`${url}/api/counters/1`, STAFF)).body;
    expect([state.current, state.parked.map((p) => p.number)]).toEqual([null, [a.number]]);
    expect(await waitingAt1()).toBe(1);
    const tracked = (await getJson<TicketView>(`${url}/api/tickets/${a.id}`)).body;
    expect([tracked.status, tracked.counterId, tracked.ahead]).toEqual(['parked', '1', 0]);
    // The lobby display: counter 1's tile is empty, nothing announced for the park.
    const display = (await getJson<DisplaySnapshot>(`${url}/api/display`)).body;
    expect(display.calls.filter((c) => c.counterId === '1')).toEqual([]);
    expect(heard.events.filter((e) => e.type === 'ticket.called' && e.data.ticket.id === a.id).length).toBe(2); // call, recall

    // call-next never picks it: the next waiting ticket, then nobody.
    expect((await act('1', 'call-next')).body.ticket.number).toBe(b.number);
    expect((await act('1', 'call-next')).body.error.code).toBe('QUEUE_EMPTY');

    // Refusals, with codes: another counter cannot call it back or park counter 1's ticket; a done ticket is not parked.
    const other = await act('2', 'call', { ticketId: a.id });
    expect([other.status, other.body.error.code]).toEqual([409, 'TICKET_OTHER_COUNTER']);
    const notHere = await act('2', 'park', { ticketId: b.id });
    expect([notHere.status, notHere.body.error.code]).toEqual([409, 'TICKET_OTHER_COUNTER']);
    await act('1', 'finish');
    const done = await act('1', 'park', { ticketId: b.id });
    expect([done.status, done.body.error.code]).toEqual([409, 'TICKET_WRONG_STATE']);
    expect(done.body.error.message).toMatch(/^Không tạm dừng được số .*: số này đã phục vụ xong\. Chỉ tạm dừng được/);
    const idle = await act('1', 'park');
    expect([idle.status, idle.body.error.code]).toEqual([409, 'COUNTER_IDLE']);

    // Called back by its counter: called again, recalls from zero, announced, off the list.
    const back = await act('1', 'call', { ticketId: a.id });
    expect([back.status, back.body.ticket.status, back.body.ticket.counterId]).toEqual([200, 'called', '1']);
    await heard.next('ticket.called', (e) => e.data.ticket.id === a.id && e.data.recall === false && e.data.ticket.status === 'called' && heard.events.indexOf(e) > heard.events.indexOf(told));
    expect(await parkedList('1')).toEqual([]);
    const tiles = (await getJson<DisplaySnapshot>(`${url}/api/display`)).body.calls.filter((c) => c.counterId === '1');
    expect(tiles[0]).toMatchObject({ ticketId: a.id, number: a.number, recall: false });
    expect((await act('1', 'recall')).body.ticket.status).toBe('called');
    expect((await act('1', 'finish')).body.ticket.status).toBe('done');
  });
});
