/**
 * The counter console's sign-in as an officer, with the agent as a double: the credentials go with the counter's
 * id, the session's token loads the counter and the officer is named; a refusal says how many tries are left or
 * until when the account is locked; signing out ends the session at the agent too, and a session that ended at
 * the agent (disabled, idle) brings the sign-in form back.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { CounterActionResponse, CounterState } from '../../shared/counter-schemas';
import type { OfficerView } from '../../shared/staff-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { counterConsoleMachine } from '../../kiosk-ui/src/flows/counter-console/counter-console.machine';

const LAN: OfficerView = { id: 1, username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer' };
const STATE: CounterState = {
  counter: { id: '3', name: { vi: 'Quầy số 3', en: 'Counter 3' }, services: ['tu-phap'] },
  current: null,
  queues: [],
  directWaiting: 0,
  parked: [],
  counters: [],
  services: [],
};

function start(signIn: (u: string, p: string, counterId: string) => Promise<{ token: string; officer: OfficerView }>) {
  const loads: string[] = [];
  const ended: string[] = [];
  let sessionLive = true;
  const machine = counterConsoleMachine.provide({
    actors: {
      signIn: fromPromise(({ input }) => signIn(input.username, input.password, input.counterId)),
      signOut: fromPromise(async ({ input }) => {
        ended.push(input.token);
      }),
      loadCounter: fromPromise(async ({ input }) => {
        loads.push(input.token);
        if (!sessionLive) throw new AgentRequestError('UNAUTHORIZED', 'ended', 401);
        return STATE;
      }),
      runCommand: fromPromise(async (): Promise<CounterActionResponse> => {
        throw new AgentRequestError('UNAUTHORIZED', 'ended', 401);
      }),
      updates: fromCallback(() => () => undefined),
    },
    actions: { saveToken: () => undefined, forgetToken: () => undefined },
  });
  const actor = createActor(machine, { input: { counterId: '3', token: null } }).start();
  return { actor, loads, ended, endSession: () => (sessionLive = false) };
}

describe('counter console sign-in', () => {
  it('signs in with the counter id, loads with the session token, names the officer; sign-out ends the session', async () => {
    const asked: [string, string, string][] = [];
    const c = start(async (u, p, counterId) => {
      asked.push([u, p, counterId]);
      return { token: 'session-token', officer: LAN };
    });
    c.actor.send({ type: 'credentials.submitted', username: ' lan ', password: 'mat-khau' });
    const ready = await waitFor(c.actor, (s) => s.matches('ready'));
    expect(asked).toEqual([['lan', 'mat-khau', '3']]);
    expect(c.loads).toEqual(['session-token']);
    expect(ready.context.officer).toEqual(LAN);
    c.actor.send({ type: 'signOut' });
    const out = await waitFor(c.actor, (s) => s.matches('signedOut'));
    expect(c.ended).toEqual(['session-token']);
    expect([out.context.token, out.context.officer]).toEqual([null, null]);
  });

  it('a wrong password says how many tries are left; a locked account until when; empty fields are not sent', async () => {
    let tries = 0;
    const c = start(async () => {
      tries += 1;
      if (tries === 1) throw new AgentRequestError('STAFF_CREDENTIALS_INVALID', 'wrong', 401, { attemptsLeft: 2 });
      throw new AgentRequestError('STAFF_LOCKED', 'locked', 429, { retryAt: '2026-12-02T01:15:00.000Z' });
    });
    c.actor.send({ type: 'credentials.submitted', username: 'lan', password: '' });
    expect(tries).toBe(0);
    c.actor.send({ type: 'credentials.submitted', username: 'lan', password: 'sai' });
    const first = await waitFor(c.actor, (s) => s.matches('signedOut') && s.context.refusal !== null);
    expect(first.context.refusal).toEqual({ code: 'STAFF_CREDENTIALS_INVALID', attemptsLeft: 2, retryAt: null });
    c.actor.send({ type: 'credentials.submitted', username: 'lan', password: 'sai' });
    const second = await waitFor(c.actor, (s) => s.matches('signedOut') && s.context.refusal?.code === 'STAFF_LOCKED');
    expect(second.context.refusal?.retryAt).toBe('2026-12-02T01:15:00.000Z');
  });

  it('a session ended at the agent (the account disabled) brings back the sign-in form at the next request', async () => {
    const c = start(async () => ({ token: 'session-token', officer: LAN }));
    c.actor.send({ type: 'credentials.submitted', username: 'lan', password: 'mat-khau' });
    await waitFor(c.actor, (s) => s.matches('ready'));
    c.endSession();
    c.actor.send({ type: 'command', command: { kind: 'call-next' } });
    const out = await waitFor(c.actor, (s) => s.matches('signedOut'));
    expect([out.context.errorCode, out.context.officer]).toEqual(['UNAUTHORIZED', null]);
  });

  it("the agent's staff.sessionsEnded for this officer signs the console out at once; another officer's does not", async () => {
    const c = start(async () => ({ token: 'session-token', officer: LAN }));
    c.actor.send({ type: 'credentials.submitted', username: 'lan', password: 'mat-khau' });
    await waitFor(c.actor, (s) => s.matches({ ready: 'idle' }));
    c.endSession();
    const at = '2026-12-02T01:00:00.000Z';
    c.actor.send({ type: 'agent.event', event: { type: 'staff.sessionsEnded', at, data: { accountId: LAN.id + 1 } } });
    expect(c.actor.getSnapshot().matches({ ready: 'idle' })).toBe(true);
    expect(c.loads).toEqual(['session-token']);
    // Even with a dialog open: the officer's session is over.
    c.actor.send({ type: 'dialog.callNumber' });
    c.actor.send({ type: 'agent.event', event: { type: 'staff.sessionsEnded', at, data: { accountId: LAN.id } } });
    const out = await waitFor(c.actor, (s) => s.matches('signedOut'));
    expect(c.loads).toEqual(['session-token', 'session-token']);
    expect([out.context.errorCode, out.context.officer, out.context.token]).toEqual(['UNAUTHORIZED', null, null]);
  });
});
