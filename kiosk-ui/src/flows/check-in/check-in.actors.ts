/** The real IO behind checking in: the agent client. */
import { fromPromise } from 'xstate';
import type { CheckInResponse } from '../../../../shared/appointment-schemas';
import { appointmentClient } from '../../agent-client/appointment-client';
import { checkInMachine } from './check-in.machine';

export const liveCheckInMachine = checkInMachine.provide({
  actors: {
    checkIn: fromPromise<CheckInResponse, { code: string }>(({ input }) => appointmentClient.checkIn(input.code)),
  },
});
