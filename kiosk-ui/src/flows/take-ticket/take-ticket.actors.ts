/** The real IO behind the ticket flow: the agent client. */
import { fromPromise } from 'xstate';
import type { IssuedTicket, PriorityCategory } from '../../../../shared/api-schemas';
import { agentClient } from '../../agent-client/default-client';
import { takeTicketMachine } from './take-ticket.machine';

export const liveTakeTicketMachine = takeTicketMachine.provide({
  actors: {
    loadServices: fromPromise(() => agentClient.services()),
    issueTicket: fromPromise<IssuedTicket, { serviceId: string; priority: PriorityCategory | null }>(({ input }) =>
      agentClient.issueTicket({ serviceId: input.serviceId, ...(input.priority ? { priority: input.priority } : {}) }),
    ),
    leavePhone: fromPromise<{ phone: string }, { ticketId: string; phone: string }>(({ input }) => agentClient.leaveTicketPhone(input.ticketId, input.phone)),
  },
});
