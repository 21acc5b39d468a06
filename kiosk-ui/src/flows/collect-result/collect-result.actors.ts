/** The real IO behind the pickup flow: the agent client and its event stream. Tests provide their own actors. */
import { fromCallback, fromPromise } from 'xstate';
import { AgentRequestError } from '../../agent-client/agent-client';
import { agentEvents } from '../../agent-client/default-client';
import type { PickupClient } from '../../agent-client/pickup-client';
import { playChime } from '../../ui/sound-cue';
import { collectResultMachine, type CollectResultEvent } from './collect-result.machine';

/** While a door is open, the handover is also checked this often, in case the event socket was down. */
const HANDOVER_POLL_MS = 5_000;
/** While the payment QR is shown, the dossier is also looked up this often (lookups are rate-limited per kiosk). */
const PAYMENT_POLL_MS = 10_000;

/**
 * The pickup client and its ~160 dossier schemas load with the first scan or "Nhận kết quả", not with the attract
 * screen (see agent-client.ts). A chunk that fails to load (the agent restarted with a new build) is a network
 * error the screens already explain, and the next try loads it again.
 */
let pickupClientLoad: Promise<PickupClient> | null = null;
function pickup(): Promise<PickupClient> {
  pickupClientLoad ??= import('../../agent-client/pickup-client').then(
    (m) => m.pickupClient,
    (err: unknown) => {
      pickupClientLoad = null;
      throw new AgentRequestError('NETWORK_ERROR', `pickup client not loaded: ${String(err)}`, 0);
    },
  );
  return pickupClientLoad;
}

export const liveCollectResultMachine = collectResultMachine.provide({
  actors: {
    lookupDossier: fromPromise(async ({ input }: { input: { code: string } }) => (await pickup()).lookupDossier(input.code)),
    openCompartment: fromPromise(async ({ input }: { input: { code: string; pickupCode: string } }) => (await pickup()).openCompartment(input.code, input.pickupCode)),
    sendRating: fromPromise<unknown, { reference: string; level: number }>(async ({ input }) => (await pickup()).ratePickup(input.reference, input.level)),
    // The agent's `payment.received` says a payment arrived; the lookup then says what is still due (and its new QR).
    watchPayment: fromCallback<CollectResultEvent, { dossierCode: string }>(({ sendBack, input }) => {
      let stopped = false;
      const check = (): void => {
        pickup()
          .then((client) => client.lookupDossier(input.dossierCode))
          .then(
            (d) => {
              if (!stopped) sendBack({ type: 'payment.updated', payment: d.payment ?? null });
            },
            () => undefined, // the poll tries again
          );
      };
      const off = agentEvents.subscribe('payment.received', (e) => {
        if (e.data.dossierCode === input.dossierCode) check();
      });
      const poll = setInterval(check, PAYMENT_POLL_MS);
      return () => {
        stopped = true;
        clearInterval(poll);
        off();
      };
    }),
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
        pickup()
          .then((client) => client.lookupDossier(input.dossierCode))
          .then(
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
