/** The real IO behind the counter console: the staff client with the signed-in token, live updates, the token kept per browser session. */
import { fromPromise } from 'xstate';
import type { CounterActionResponse } from '../../../../shared/counter-schemas';
import { agentEvents } from '../../agent-client/default-client';
import { agentUpdatesActor } from '../../agent-client/agent-updates';
import { StaffClient } from '../../agent-client/staff-client';
import { counterConsoleMachine, type CounterCommand } from './counter-console.machine';

// sessionStorage, not localStorage: the token goes when the browser closes, so a shared PC does not keep it.
const TOKEN_KEY = 'motcua.staffToken';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const client = (token: string) => new StaffClient((input, init) => fetch(input, init), token);

function run(c: StaffClient, counterId: string, command: CounterCommand): Promise<CounterActionResponse> {
  switch (command.kind) {
    case 'call-next':
      return c.callNext(counterId);
    case 'call':
      return c.callNumber(counterId, command.number);
    case 'transfer':
      return c.transfer(counterId, command.to);
    default:
      return c.act(counterId, command.kind);
  }
}

export const liveCounterConsoleMachine = counterConsoleMachine.provide({
  actors: {
    loadCounter: fromPromise(({ input }) => client(input.token).counterState(input.counterId)),
    runCommand: fromPromise(({ input }) => run(client(input.token), input.counterId, input.command)),
    updates: agentUpdatesActor(agentEvents),
  },
  actions: {
    saveToken: ({ context }) => {
      try {
        if (context.token) sessionStorage.setItem(TOKEN_KEY, context.token);
      } catch {
        // storage disabled: the officer signs in again after a reload
      }
    },
    forgetToken: () => {
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch {
        // nothing kept
      }
    },
  },
});
