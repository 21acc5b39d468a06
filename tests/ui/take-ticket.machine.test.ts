/**
 * The ticket flow on its own, as the session runs it: service → priority (one touch) → printing → the number →
 * done, and where it sends the kiosk next. The agent is replaced by doubles; time is a simulated clock.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor } from 'xstate';
import type { IssuedTicket } from '../../shared/api-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { DEFAULT_TICKET_TIMING, takeTicketMachine, type TakeTicketInput } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';
import { SERVICES, SLIP, issuedTicket, type IssueInput } from './support/kiosk-session-harness';

function start(issue: (input: IssueInput) => Promise<IssuedTicket> = async (input) => issuedTicket(input), input: Partial<TakeTicketInput> = {}, failedLoads = 0) {
  const clock = new SimulatedClock();
  const issueSpy = vitest.fn(issue);
  let loads = 0;
  const loadServices = vitest.fn(async () => {
    loads += 1;
    if (loads <= failedLoads) throw new AgentRequestError('NETWORK_TIMEOUT', 'slow', 0);
    return SERVICES;
  });
  const machine = takeTicketMachine.provide({
    actors: { loadServices: fromPromise(() => loadServices()), issueTicket: fromPromise(({ input }) => issueSpy(input)) },
  });
  const actor = createActor(machine, {
    clock,
    input: { serviceId: null, priorityPath: false, priorityCategories: ['elderly', 'disabled', 'pregnant', 'merit'], timing: DEFAULT_TICKET_TIMING, ...input },
  }).start();
  return { actor, clock, issueSpy, loadServices };
}
type Actor = ReturnType<typeof start>['actor'];

async function toPriority(actor: Actor, serviceId = 'tu-phap') {
  await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
  actor.send({ type: 'service.selected', serviceId });
  expect(actor.getSnapshot().value).toBe('askingPriority');
}

describe('take-ticket flow', () => {
  it('happy path: service → not priority → printed number → home by itself after 15 s', async () => {
    const { actor, clock, issueSpy } = start();
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches({ showingTicket: 'printed' }));
    expect(issueSpy).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: null });
    expect(actor.getSnapshot().context.ticket?.number).toBe('A012');
    clock.increment(DEFAULT_TICKET_TIMING.ticketShownMs - 1);
    expect(actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('passes the priority category chosen in one touch', async () => {
    const { actor, issueSpy } = start();
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: 'pregnant' });
    await waitFor(actor, (s) => s.matches('showingTicket'));
    expect(issueSpy).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: 'pregnant' });
    expect(actor.getSnapshot().context.ticket?.priority).toBe('pregnant');
  });

  it('"Không" may be sent without a category: the ticket is a normal one', async () => {
    const { actor, issueSpy } = start();
    await toPriority(actor);
    actor.send({ type: 'priority.chosen' });
    await waitFor(actor, (s) => s.matches({ showingTicket: 'printed' }));
    expect(issueSpy).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: null });
  });

  it('printer failure: the number is shown (unprinted) for 45 s, not 15 s, before going home', async () => {
    const { actor, clock } = start(async (input) => issuedTicket(input, { printed: false, printError: { code: 'PRINTER_PAPER_OUT', message: 'hết giấy' } }));
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches({ showingTicket: 'unprinted' }));
    clock.increment(DEFAULT_TICKET_TIMING.ticketShownMs);
    expect(actor.getSnapshot().matches({ showingTicket: 'unprinted' })).toBe(true);
    clock.increment(DEFAULT_TICKET_TIMING.unprintedShownMs - DEFAULT_TICKET_TIMING.ticketShownMs);
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('"Xong" on the ticket ends the flow at once', async () => {
    const { actor } = start();
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await waitFor(actor, (s) => s.matches('showingTicket'));
    actor.send({ type: 'ticket.done' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('a failed issue shows the error code and can be retried with the same choice', async () => {
    let calls = 0;
    const { actor, issueSpy } = start(async (input) => {
      calls += 1;
      if (calls === 1) throw new AgentRequestError('NETWORK_ERROR', 'down', 0);
      return issuedTicket(input);
    });
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: 'merit' });
    await waitFor(actor, (s) => s.matches('issueFailed'));
    expect(actor.getSnapshot().context.errorCode).toBe('NETWORK_ERROR');
    actor.send({ type: 'issue.retry' });
    await waitFor(actor, (s) => s.matches('showingTicket'));
    expect(issueSpy).toHaveBeenCalledTimes(2);
    expect(issueSpy).toHaveBeenLastCalledWith({ serviceId: 'tu-phap', priority: 'merit' });
    expect(actor.getSnapshot().context.errorCode).toBeNull();
  });

  it('an unknown service (stale list) is reported by its code; "Về trang chủ" ends the flow', async () => {
    const { actor } = start(async () => {
      throw new AgentRequestError('SERVICE_NOT_FOUND', 'không có', 404);
    });
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches('issueFailed'));
    expect(actor.getSnapshot().context.errorCode).toBe('SERVICE_NOT_FOUND');
    actor.send({ type: 'nav.home' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it("an error that is not the agent's is still a code the screen can branch on", async () => {
    const { actor } = start(async () => {
      throw new Error('boom');
    });
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches('issueFailed'));
    expect(actor.getSnapshot().context.errorCode).toBe('UNKNOWN');
  });

  it('a service list that fails to load says so by its code and can be retried', async () => {
    const { actor, loadServices } = start(undefined, {}, 1);
    await waitFor(actor, (s) => s.matches({ choosingService: 'failed' }));
    expect(actor.getSnapshot().context.errorCode).toBe('NETWORK_TIMEOUT');
    actor.send({ type: 'services.retry' });
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    expect(actor.getSnapshot().context.services).toHaveLength(2);
    expect(loadServices).toHaveBeenCalledTimes(2);
  });

  it('ignores a service that is not in the list', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    actor.send({ type: 'service.selected', serviceId: 'khong-co' });
    expect(actor.getSnapshot().matches({ choosingService: 'ready' })).toBe(true);
  });

  it('"Quay lại" from the priority question returns to the loaded list without reloading it', async () => {
    const { actor, loadServices } = start();
    await toPriority(actor);
    actor.send({ type: 'nav.back' });
    expect(actor.getSnapshot().matches({ choosingService: 'ready' })).toBe(true);
    expect(actor.getSnapshot().context.services).toHaveLength(2);
    expect(loadServices).toHaveBeenCalledTimes(1);
  });

  it('started with a service (the result counter) asks the priority question at once; "Quay lại" ends the flow', async () => {
    const { actor, loadServices } = start(undefined, { serviceId: 'tra-ket-qua' });
    expect(actor.getSnapshot().value).toBe('askingPriority');
    expect(loadServices).not.toHaveBeenCalled();
    actor.send({ type: 'nav.back' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('a slip scanned while choosing hands the kiosk to the pickup flow with that slip', async () => {
    const { actor } = start();
    await toPriority(actor);
    actor.send({ type: 'scan.received', code: SLIP });
    expect(actor.getSnapshot().output).toEqual({ next: 'collect', code: SLIP });
  });

  it('a scan while the ticket is printing does not abandon the ticket', async () => {
    let finish: (() => void) | null = null;
    const { actor } = start((input) => new Promise((resolve) => (finish = () => resolve(issuedTicket(input)))));
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    expect(actor.getSnapshot().value).toBe('issuing');
    actor.send({ type: 'scan.received', code: SLIP });
    expect(actor.getSnapshot().value).toBe('issuing');
    finish!();
    await waitFor(actor, (s) => s.matches('showingTicket'));
  });
});
