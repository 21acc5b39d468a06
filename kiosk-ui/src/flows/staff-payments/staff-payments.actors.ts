/** The real IO behind /payments: the payment client with the officer's token, sign-in, the kept token, the CSV saved. */
import { fromPromise } from 'xstate';
import { PaymentClient } from '../../agent-client/payment-client';
import { staffSessionClient } from '../../agent-client/staff-session-client';
import { keepToken } from '../../agent-client/staff-token';
import { saveCsvFile } from '../../ui/save-file';
import { staffPaymentsMachine } from './staff-payments.machine';

const client = (token: string) => new PaymentClient((input, init) => fetch(input, init), token);

export const liveStaffPaymentsMachine = staffPaymentsMachine.provide({
  actors: {
    signIn: fromPromise(({ input }) => staffSessionClient.signIn(input.username, input.password)),
    whoAmI: fromPromise(({ input }) => client(input.token).whoAmI()),
    signOut: fromPromise(({ input }) => client(input.token).endSession()),
    loadDossier: fromPromise(({ input }) => client(input.token).dossierFees(input.code)),
    recordCash: fromPromise(({ input }) => client(input.token).recordCash(input.code, input.amount)),
    loadTransfers: fromPromise(({ input }) => client(input.token).unmatched()),
    assignTransfer: fromPromise(({ input }) => client(input.token).assignUnmatched(input.id, input.dossierCode)),
    saveFeesCsv: fromPromise(async ({ input }) => {
      const csv = await client(input.token).feesCsv(input.from, input.to);
      saveCsvFile(`phi-le-phi-${input.from}_${input.to}.csv`, csv);
    }),
  },
  actions: {
    saveToken: ({ context }) => keepToken(context.token),
    forgetToken: () => keepToken(null),
  },
});
