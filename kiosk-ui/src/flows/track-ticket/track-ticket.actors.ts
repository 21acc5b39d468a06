/** The real IO behind the tracking page: the public ticket, kiosk and service endpoints, and live updates. */
import { fromPromise } from 'xstate';
import { agentClient, agentEvents } from '../../agent-client/default-client';
import { agentUpdatesActor } from '../../agent-client/agent-updates';
import { trackTicketMachine } from './track-ticket.machine';

export const liveTrackTicketMachine = trackTicketMachine.provide({
  actors: {
    loadTracking: fromPromise(async ({ input }) => {
      const [ticket, kiosk, services] = await Promise.all([agentClient.ticket(input.ticketId), agentClient.kiosk(), agentClient.services()]);
      return {
        ticket,
        centerName: kiosk.centerName,
        timezone: kiosk.timezone,
        serviceNames: Object.fromEntries(services.map((s) => [s.id, s.name])),
      };
    }),
    loadTicket: fromPromise(({ input }) => agentClient.ticket(input.ticketId)),
    updates: agentUpdatesActor(agentEvents),
    leavePhone: fromPromise(({ input }) => agentClient.leaveTicketPhone(input.ticketId, input.phone)),
    withdrawPhone: fromPromise(({ input }) => agentClient.withdrawTicketPhone(input.ticketId)),
  },
});
