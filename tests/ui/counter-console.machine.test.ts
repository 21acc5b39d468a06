import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { TicketView } from '../../shared/api-schemas';
import type { CounterActionResponse, CounterState, ParkedTicket } from '../../shared/counter-schemas';
import type { AgentEvent } from '../../shared/ws-events';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import { commandAllowed, counterConsoleMachine, type CounterCommand } from '../../kiosk-ui/src/flows/counter-console/counter-console.machine';
import { shortcutEvent } from '../../kiosk-ui/src/flows/counter-console/counter-shortcuts';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  number: 'A001',
  serviceId: 'tu-phap',
  priority: null,
  issuedAt: '2026-11-23T01:00:00.000Z',
  status: 'called',
  counterId: '1',
  ahead: 0,
  estimatedWaitMinutes: 0,
  ...over,
});
const parkedA001: ParkedTicket = { id: 't1', number: 'A001', serviceId: 'tu-phap', parkedAt: '2026-11-23T01:05:00.000Z' };
const stateWith = (current: TicketView | null, waiting = 2, parked: ParkedTicket[] = []): CounterState => ({
  counter: { id: '1', name: { vi: 'Quầy số 1', en: 'Counter 1' }, services: ['tu-phap'] },
  current,
  queues: [{ serviceId: 'tu-phap', name: { vi: 'Tư pháp', en: 'Justice' }, prefix: 'A', waiting, priorityWaiting: 0 }],
  directWaiting: 0,
  parked,
  counters: [],
  services: [{ id: 'tu-phap', name: { vi: 'Tư pháp', en: 'Justice' } }],
});

function start(opts: { initial?: CounterState; token?: string | null; load?: (token: string) => Promise<CounterState>; run?: (c: CounterCommand) => Promise<CounterActionResponse> } = {}) {
  const clock = new SimulatedClock();
  let server = opts.initial ?? stateWith(null);
  const load = vitest.fn(opts.load ?? (async () => server));
  const run = vitest.fn(
    opts.run ??
      (async (c: CounterCommand) => {
        const t = ticket({ status: c.kind === 'start' ? 'serving' : c.kind === 'finish' ? 'done' : 'called' });
        server = stateWith(c.kind === 'finish' ? null : t, 1);
        return { ticket: t };
      }),
  );
  const saveToken = vitest.fn();
  const forgetToken = vitest.fn();
  let push: ((u: AgentUpdate) => void) | undefined;
  const machine = counterConsoleMachine.provide({
    actors: {
      loadCounter: fromPromise(({ input }) => load(input.token)),
      runCommand: fromPromise(({ input }) => run(input.command)),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => (push = undefined);
      }),
    },
    actions: { saveToken, forgetToken },
  });
  const actor = createActor(machine, { clock, input: { counterId: '1', token: opts.token ?? null, retryMs: 3000 } }).start();
  return { actor, clock, load, run, saveToken, forgetToken, push: (u: AgentUpdate) => push?.(u), setServer: (s: CounterState) => (server = s) };
}

const calledEvent = (): AgentEvent => ({ type: 'ticket.called', at: '2026-11-23T01:00:00.000Z', data: { ticket: ticket({ counterId: '2' }), counterId: '2', counterName: { vi: 'Quầy số 2', en: 'Counter 2' }, calledAt: '2026-11-23T01:00:00.000Z' } });

describe('counter console machine', () => {
  it('asks for the token, checks it with the agent and keeps it for the session', async () => {
    const { actor, load, saveToken } = start();
    expect(actor.getSnapshot().value).toBe('signedOut');
    actor.send({ type: 'token.submitted', token: '  secret-token ' });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(load).toHaveBeenCalledWith('secret-token');
    expect(saveToken).toHaveBeenCalledOnce();
  });

  it('a wrong token returns to sign-in with UNAUTHORIZED, and the kept token is forgotten', async () => {
    const { actor, forgetToken } = start({ token: 'old', load: async () => Promise.reject(new AgentRequestError('UNAUTHORIZED', 'no', 401)) });
    await waitFor(actor, (s) => s.matches('signedOut'));
    expect(actor.getSnapshot().context.errorCode).toBe('UNAUTHORIZED');
    expect(actor.getSnapshot().context.token).toBeNull();
    expect(forgetToken).toHaveBeenCalled();
  });

  it('an unknown counter says so and stays there; an unreachable agent is retried by itself', async () => {
    const unknown = start({ token: 'x', load: async () => Promise.reject(new AgentRequestError('COUNTER_NOT_FOUND', 'no', 404)) });
    await waitFor(unknown.actor, (s) => s.matches('unknownCounter'));

    let fail = true;
    const down = start({ token: 'x', load: async () => (fail ? Promise.reject(new AgentRequestError('NETWORK_ERROR', 'down', 0)) : stateWith(null)) });
    await waitFor(down.actor, (s) => s.matches('unreachable'));
    fail = false;
    down.clock.increment(3000);
    await waitFor(down.actor, (s) => s.matches('ready'));
  });

  it('call next → start → finish, refetching the picture after each and confirming what was done', async () => {
    const { actor, run, load } = start({ token: 'x' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'command', command: { kind: 'call-next' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.current?.status === 'called');
    expect(actor.getSnapshot().context.notice).toEqual({ kind: 'call-next', number: 'A001' });
    actor.send({ type: 'command', command: { kind: 'start' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.current?.status === 'serving');
    actor.send({ type: 'command', command: { kind: 'finish' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.current === null);
    expect(run.mock.calls.map(([c]) => c.kind)).toEqual(['call-next', 'start', 'finish']);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('refuses actions the current ticket does not allow, without asking the agent', async () => {
    const { actor, run } = start({ token: 'x' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    for (const kind of ['recall', 'start', 'finish', 'no-show'] as const) actor.send({ type: 'command', command: { kind } });
    actor.send({ type: 'dialog.transfer' });
    expect(actor.getSnapshot().matches({ ready: 'idle' })).toBe(true);
    expect(run).not.toHaveBeenCalled();
  });

  it('an agent error is shown by code and the picture refreshed (another counter may have taken the ticket)', async () => {
    const { actor, load } = start({ token: 'x', run: async () => Promise.reject(new AgentRequestError('QUEUE_EMPTY', 'empty', 404)) });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'command', command: { kind: 'call-next' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.errorCode === 'QUEUE_EMPTY');
    expect(actor.getSnapshot().context.notice).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('transfer and call-a-number go through their dialogs; cancel closes them', async () => {
    const { actor, run } = start({ token: 'x', initial: stateWith(ticket({ status: 'serving' })) });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'dialog.transfer' });
    expect(actor.getSnapshot().matches({ ready: 'transferDialog' })).toBe(true);
    actor.send({ type: 'command', command: { kind: 'call-next' } }); // not while the dialog is open
    expect(run).not.toHaveBeenCalled();
    actor.send({ type: 'command', command: { kind: 'transfer', to: { toServiceId: 'dat-dai', position: 'front' } } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    expect(run).toHaveBeenLastCalledWith({ kind: 'transfer', to: { toServiceId: 'dat-dai', position: 'front' } });

    actor.send({ type: 'dialog.callNumber' });
    actor.send({ type: 'dialog.cancel' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'dialog.callNumber' });
    actor.send({ type: 'command', command: { kind: 'call', number: 'A007' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    expect(run).toHaveBeenLastCalledWith({ kind: 'call', number: 'A007' });
  });

  it('refreshes when the queue changes elsewhere, and catches up after the live connection returns', async () => {
    const { actor, load, push, setServer } = start({ token: 'x' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    push({ type: 'agent.connection', connected: true });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.connected);
    setServer(stateWith(null, 5));
    push({ type: 'agent.event', event: calledEvent() });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.queues[0]?.waiting === 5);
    push({ type: 'agent.connection', connected: false });
    expect(actor.getSnapshot().context.connected).toBe(false);
    const before = load.mock.calls.length;
    push({ type: 'agent.connection', connected: true });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.connected);
    expect(load.mock.calls.length).toBe(before + 1);
  });

  it('a key press during a background refresh is not lost', async () => {
    let hang = false;
    const { actor, run, push } = start({ token: 'x', load: async () => (hang ? new Promise<CounterState>(() => undefined) : stateWith(null)) });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    hang = true;
    push({ type: 'agent.event', event: calledEvent() });
    expect(actor.getSnapshot().matches({ ready: 'refreshing' })).toBe(true);
    actor.send({ type: 'command', command: { kind: 'call-next' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(run).toHaveBeenCalledWith({ kind: 'call-next' });
  });

  it('park frees the counter and lists the ticket; "Gọi lại" calls that ticket back by id', async () => {
    const { actor, run, setServer } = start({
      token: 'x',
      initial: stateWith(ticket({ status: 'serving' })),
      run: async (c) => {
        if (c.kind === 'park') {
          setServer(stateWith(null, 2, [parkedA001]));
          return { ticket: ticket({ status: 'parked' }) };
        }
        setServer(stateWith(ticket({ status: 'called' })));
        return { ticket: ticket({ status: 'called' }) };
      },
    });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    expect(commandAllowed('park', actor.getSnapshot().context.view)).toBe(true);
    actor.send({ type: 'command', command: { kind: 'park' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.current === null);
    expect(actor.getSnapshot().context.view?.parked.map((p) => p.number)).toEqual(['A001']);
    expect(actor.getSnapshot().context.notice).toEqual({ kind: 'park', number: 'A001' });
    // Nothing current to park any more; a ticket that is not on the list is not called back.
    actor.send({ type: 'command', command: { kind: 'park' } });
    actor.send({ type: 'command', command: { kind: 'call-back', ticketId: 'not-parked' } });
    expect(actor.getSnapshot().matches({ ready: 'idle' })).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);

    actor.send({ type: 'command', command: { kind: 'call-back', ticketId: 't1' } });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.current?.status === 'called');
    expect(run).toHaveBeenLastCalledWith({ kind: 'call-back', ticketId: 't1' });
    expect(actor.getSnapshot().context.view?.parked).toEqual([]);
    expect(actor.getSnapshot().context.notice).toEqual({ kind: 'call-back', number: 'A001' });
  });

  it('a token revoked mid-shift signs the officer out', async () => {
    const { actor } = start({ token: 'x', run: async () => Promise.reject(new AgentRequestError('UNAUTHORIZED', 'no', 401)) });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'command', command: { kind: 'call-next' } });
    await waitFor(actor, (s) => s.matches('signedOut'));
  });
});

describe('counter rules and shortcuts', () => {
  it('allows each action only in the ticket states the agent allows', () => {
    expect(commandAllowed('call-next', stateWith(null))).toBe(true);
    expect(commandAllowed('recall', stateWith(null))).toBe(false);
    expect(commandAllowed('recall', stateWith(ticket({ status: 'called' })))).toBe(true);
    expect(commandAllowed('recall', stateWith(ticket({ status: 'serving' })))).toBe(false);
    expect(commandAllowed('finish', stateWith(ticket({ status: 'serving' })))).toBe(true);
    expect(commandAllowed('no-show', stateWith(ticket({ status: 'serving' })))).toBe(false);
    expect(commandAllowed('transfer', stateWith(ticket({ status: 'serving' })))).toBe(true);
    expect(commandAllowed('call-next', null)).toBe(false);
    expect(commandAllowed('park', stateWith(ticket({ status: 'called' })))).toBe(true);
    expect(commandAllowed('park', stateWith(ticket({ status: 'serving' })))).toBe(true);
    expect(commandAllowed('park', stateWith(ticket({ status: 'serving', counterId: '2' })))).toBe(false);
    expect(commandAllowed('park', stateWith(null))).toBe(false);
    expect(commandAllowed('call-back', stateWith(null))).toBe(false);
    expect(commandAllowed('call-back', stateWith(null, 0, [parkedA001]), 't1')).toBe(true);
  });

  it('maps one key to each action, ignores typing, modifiers and held keys', () => {
    expect(shortcutEvent({ key: 'n', inTextField: false })).toEqual({ type: 'command', command: { kind: 'call-next' } });
    expect(shortcutEvent({ key: 'H', inTextField: false })).toEqual({ type: 'command', command: { kind: 'finish' } });
    expect(shortcutEvent({ key: 'c', inTextField: false })).toEqual({ type: 'dialog.transfer' });
    expect(shortcutEvent({ key: 't', inTextField: false })).toEqual({ type: 'command', command: { kind: 'park' } });
    expect(shortcutEvent({ key: 'n', inTextField: true })).toBeNull();
    expect(shortcutEvent({ key: 'r', ctrlKey: true, inTextField: false })).toBeNull();
    expect(shortcutEvent({ key: 'n', repeat: true, inTextField: false })).toBeNull();
    expect(shortcutEvent({ key: 'Escape', inTextField: true })).toEqual({ type: 'dialog.cancel' });
    expect(shortcutEvent({ key: 'x', inTextField: false })).toBeNull();
  });

  it('the dossier code typed for the open visit goes with its finish (or the call-next that ends it), then the field empties', async () => {
    const d = start({ token: 'tok', initial: stateWith(ticket({ status: 'called' })) });
    await waitFor(d.actor, (s) => s.matches({ ready: 'idle' }));
    d.actor.send({ type: 'dossier.typed', code: ' 000.00.10.H38-261202-0007 ' });
    d.actor.send({ type: 'command', command: { kind: 'recall' } });
    await waitFor(d.actor, (s) => s.matches({ ready: 'idle' }));
    expect(d.run).toHaveBeenLastCalledWith({ kind: 'recall' });
    expect(d.actor.getSnapshot().context.dossierCode).toBe(' 000.00.10.H38-261202-0007 '); // a recall keeps the visit open
    d.actor.send({ type: 'command', command: { kind: 'finish' } });
    await waitFor(d.actor, (s) => s.matches({ ready: 'idle' }));
    expect(d.run).toHaveBeenLastCalledWith({ kind: 'finish', dossierCode: '000.00.10.H38-261202-0007' });
    expect(d.actor.getSnapshot().context.dossierCode).toBe('');

    // Pressing "next" ends the open visit: the code typed for it is sent with that call.
    d.setServer(stateWith(ticket({ status: 'called' })));
    d.push({ type: 'agent.event', event: calledEvent() });
    await waitFor(d.actor, (s) => s.matches({ ready: 'idle' }) && s.context.view?.current?.status === 'called');
    d.actor.send({ type: 'dossier.typed', code: 'HS-2' });
    d.actor.send({ type: 'command', command: { kind: 'call-next' } });
    await waitFor(d.actor, (s) => s.matches({ ready: 'idle' }));
    expect(d.run).toHaveBeenLastCalledWith({ kind: 'call-next', dossierCode: 'HS-2' });
    // Nothing typed, nothing sent.
    d.actor.send({ type: 'command', command: { kind: 'call-next' } });
    await waitFor(d.actor, (s) => s.matches({ ready: 'idle' }));
    expect(d.run).toHaveBeenLastCalledWith({ kind: 'call-next' });
  });
});
