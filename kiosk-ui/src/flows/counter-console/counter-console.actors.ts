/** The real IO behind the counter console: the staff client with the signed-in token, live updates, the kept token. */
import { fromPromise } from 'xstate';
import type { CounterActionResponse } from '../../../../shared/counter-schemas';
import { agentEvents } from '../../agent-client/default-client';
import { agentUpdatesActor } from '../../agent-client/agent-updates';
import { StaffClient } from '../../agent-client/staff-client';
import { keepToken } from '../../agent-client/staff-token';
import { staffSessionClient } from '../../agent-client/staff-session-client';
import { counterConsoleMachine, type CounterCommand } from './counter-console.machine';

const client = (token: string) => new StaffClient((input, init) => fetch(input, init), token);

async function run(c: StaffClient, counterId: string, command: CounterCommand): Promise<CounterActionResponse> {
  switch (command.kind) {
    case 'call-next':
      // The dossier of the visit this call ends is recorded by finishing it first (call-next alone finishes it bare).
      if (command.dossierCode) await c.act(counterId, 'finish', { dossierCode: command.dossierCode });
      return c.callNext(counterId);
    case 'finish':
      return c.act(counterId, 'finish', command.dossierCode ? { dossierCode: command.dossierCode } : {});
    case 'call':
      return c.callNumber(counterId, command.number);
    case 'call-back':
      return c.callTicket(counterId, command.ticketId);
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
    signIn: fromPromise(({ input }) => staffSessionClient.signIn(input.username, input.password, input.counterId)),
    signOut: fromPromise(({ input }) => client(input.token).endSession()),
  },
  actions: {
    saveToken: ({ context }) => {
      keepToken(context.token);
      agentEvents.refreshCredentials(); // the live socket now also receives staff events
    },
    forgetToken: () => keepToken(null),
  },
});
