/** The real IO behind the counter rating tablet: its screen and rating routes (counter token), and live updates. */
import { fromPromise } from 'xstate';
import { agentEvents } from '../../agent-client/default-client';
import { agentUpdatesActor } from '../../agent-client/agent-updates';
import { ratingTabletClient } from '../../agent-client/rating-tablet-client';
import { rateVisitMachine } from './rate-visit.machine';

export const liveRateVisitMachine = rateVisitMachine.provide({
  actors: {
    loadScreen: fromPromise(({ input }) => ratingTabletClient.screen(input.counterId)),
    rate: fromPromise(({ input }) =>
      ratingTabletClient.rate(input.counterId, { ticketId: input.ticketId, level: input.level, ...(input.reasons.length ? { reasons: input.reasons } : {}) }),
    ),
    updates: agentUpdatesActor(agentEvents),
  },
});
