/** The real IO behind the pickup flow: the agent client and its event stream. Tests provide their own actors. */
import { fromCallback, fromPromise } from 'xstate';
import { agentClient, agentEvents } from '../../agent-client/default-client';
import { playChime } from '../../ui/sound-cue';
import { collectResultMachine, type CollectResultEvent } from './collect-result.machine';

/** While a door is open, the handover is also checked this often, in case the event socket was down. */
const HANDOVER_POLL_MS = 5_000;

export const liveCollectResultMachine = collectResultMachine.provide({
  actors: {
    lookupDossier: fromPromise(({ input }: { input: { code: string } }) => agentClient.lookupDossier(input.code)),
    openCompartment: fromPromise(({ input }: { input: { code: string; pickupCode: string } }) => agentClient.openCompartment(input.code, input.pickupCode)),
    sendRating: fromPromise<unknown, { reference: string; level: number }>(({ input }) => agentClient.ratePickup(input.reference, input.level)),
    watchPickup: fromCallback<CollectResultEvent, { dossierCode: string }>(({ sendBack, input }) => {
      let finished = false;
      const finish = (receiptPrinted: boolean | null): void => {
        if (finished) return;
        finished = true;
        sendBack({ type: 'pickup.completed', receiptPrinted });
      };
      const offs = [
        agentEvents.subscribe('pickup.completed', (e) => {
          if (e.data.dossierCode === input.dossierCode) finish(e.data.receiptPrinted);
        }),
        agentEvents.subscribe('pickup.doorReminder', (e) => {
          if (e.data.dossierCode === input.dossierCode) sendBack({ type: 'door.reminder' });
        }),
      ];
      const poll = setInterval(() => {
        agentClient.lookupDossier(input.dossierCode).then(
          (d) => {
            if (d.status === 'returned') finish(null);
          },
          () => undefined,
        );
      }, HANDOVER_POLL_MS);
      return () => {
        clearInterval(poll);
        offs.forEach((off) => off());
      };
    }),
  },
  actions: { cueDoorOpen: () => playChime() },
});
