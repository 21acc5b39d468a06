/**
 * The counter rating tablet over real HTTP, on each store: what `/rate/:counterId` reads while an officer signed in
 * at counter 1 calls and finishes a visit, the question that follows for `feedback.askSeconds`, one rating per
 * ticket, and the refusals (a visit never served, one finished at another counter, a reason the centre did not
 * list). Run from the agent's own machine, which may stand in for any counter's tablet; the tablet token itself is
 * proved from a second host in lan-second-host.test.ts.
 */
import { describe, expect } from 'vitest';
import type { ErrorBody, IssuedTicket } from '../../shared/api-schemas';
import type { CounterRatingScreen } from '../../shared/rating-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';

const ASK_SECONDS = 60;
const feedback = { scale: 3 as const, askSeconds: ASK_SECONDS, reasons: [{ id: 'thai-do', vi: 'Thái độ phục vụ', en: 'Attitude' }, { id: 'thoi-gian-cho', vi: 'Thời gian chờ lâu', en: 'Long wait' }] };
const clocks = { sqlite: new FakeClock(Date.parse('2026-12-02T09:00:00+07:00')), postgres: new FakeClock(Date.parse('2026-12-02T09:00:00+07:00')) };
const STORES = {
  sqlite: agentTest({ clock: clocks.sqlite, config: () => ({ feedback }) }),
  postgres: agentTest({ clock: clocks.postgres, config: async () => ({ feedback, store: { driver: 'postgres', url: await freshDatabase() } }) }),
};

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('the rating tablet at a counter (%s)', (kind) => {
  const it = STORES[kind];
  const clock = clocks[kind];

  it('shows the officer and the visit, asks once it is finished, takes one rating, then clears', async ({ agent }) => {
    const url = agent.url;
    const lan = await signedIn(agent, 'lan', 'officer', '1');
    const screen = async () => (await getJson<CounterRatingScreen>(`${url}/api/counters/1/rating`)).body;

    // Before any call: the officer signed in at counter 1, no ticket, no question.
    expect(await screen()).toMatchObject({ counter: { id: '1', name: { vi: 'Quầy số 1' } }, officer: { name: 'Cán bộ lan' }, current: null, ask: null, scale: 3 });
    expect((await screen()).reasons.map((r) => r.label.vi)).toEqual(['Thái độ phục vụ', 'Thời gian chờ lâu']);

    const ticket = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    expect((await postJson(`${url}/api/counters/1/call-next`, {}, lan)).status).toBe(200);
    expect(await screen()).toMatchObject({ officer: { name: 'Cán bộ lan' }, current: { number: ticket.number, serviceName: { vi: expect.any(String) } }, ask: null });

    // Not finished yet: no rating.
    const early = await postJson<ErrorBody>(`${url}/api/counters/1/rating`, { ticketId: ticket.id, level: 3 });
    expect([early.status, early.body.error.code]).toEqual([409, 'RATING_NOT_ALLOWED']);

    clock.advance(4 * 60_000);
    const finished = await postJson(`${url}/api/counters/1/finish`, { dossierCode: '000.00.10.H38-261202-0007' }, lan);
    expect(finished.status).toBe(200);
    const asking = await screen();
    expect(asking).toMatchObject({ current: null, ask: { ticketId: ticket.id, number: ticket.number } });
    expect(Date.parse(asking.ask!.until) - Date.parse(asking.ask!.finishedAt)).toBe(ASK_SECONDS * 1000);

    // Counter 2's tablet cannot rate counter 1's visit; a reason the centre did not list is refused by name.
    const elsewhere = await postJson<ErrorBody>(`${url}/api/counters/2/rating`, { ticketId: ticket.id, level: 1 });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, 'RATING_NOT_ALLOWED']);
    const badReason = await postJson<ErrorBody>(`${url}/api/counters/1/rating`, { ticketId: ticket.id, level: 2, reasons: ['tien-boi-duong'] });
    expect([badReason.status, badReason.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const tooHigh = await postJson<ErrorBody>(`${url}/api/counters/1/rating`, { ticketId: ticket.id, level: 5 });
    expect([tooHigh.status, tooHigh.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const rated = await postJson<{ level: number; scale: number }>(`${url}/api/counters/1/rating`, { ticketId: ticket.id, level: 2, reasons: ['thoi-gian-cho'] });
    expect([rated.status, rated.body]).toEqual([201, expect.objectContaining({ level: 2, scale: 3 })]);
    expect((await screen()).ask).toBeNull();
    const twice = await postJson<ErrorBody>(`${url}/api/counters/1/rating`, { ticketId: ticket.id, level: 3 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'RATING_NOT_ALLOWED']);
    expect(twice.body.error.message).toMatch(/đã được đánh giá/);
  });

  it('the question lasts feedback.askSeconds; a visit never served is never asked about', async ({ agent }) => {
    const url = agent.url;
    const lan = await signedIn(agent, 'lan', 'officer', '1');
    const screen = async () => (await getJson<CounterRatingScreen>(`${url}/api/counters/1/rating`)).body;
    const ticket = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    await postJson(`${url}/api/counters/1/call-next`, {}, lan);
    await postJson(`${url}/api/counters/1/finish`, {}, lan);
    expect((await screen()).ask?.ticketId).toBe(ticket.id);
    clock.advance((ASK_SECONDS - 1) * 1000);
    expect((await screen()).ask?.ticketId).toBe(ticket.id);
    clock.advance(2000);
    expect((await screen()).ask).toBeNull();

    const waiting = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    const refused = await postJson<ErrorBody>(`${url}/api/counters/1/rating`, { ticketId: waiting.id, level: 3 });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'RATING_NOT_ALLOWED']);
    const unknownCounter = await getJson<ErrorBody>(`${url}/api/counters/9/rating`);
    expect([unknownCounter.status, unknownCounter.body.error.code]).toEqual([404, 'COUNTER_NOT_FOUND']);
    // A malformed dossier code at finish is a clear 400, and the visit stays open.
    await postJson(`${url}/api/counters/1/call-next`, {}, lan);
    const bad = await postJson<ErrorBody>(`${url}/api/counters/1/finish`, { dossierCode: 'x y' }, lan);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await screen()).current?.number).toBe(waiting.number);
  });
});
