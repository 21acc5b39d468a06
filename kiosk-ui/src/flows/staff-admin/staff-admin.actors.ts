/** The real IO behind /admin/staff: the staff client with the supervisor's token, sign-in, the kept token. */
import { fromPromise } from 'xstate';
import { StaffClient } from '../../agent-client/staff-client';
import { staffSessionClient } from '../../agent-client/staff-session-client';
import { keepToken } from '../../agent-client/staff-token';
import { staffAdminMachine } from './staff-admin.machine';

const client = (token: string) => new StaffClient((input, init) => fetch(input, init), token);

export const liveStaffAdminMachine = staffAdminMachine.provide({
  actors: {
    loadAccounts: fromPromise(async ({ input }) => {
      const c = client(input.token);
      // The list first: an officer's token is refused there (STAFF_ROLE_REQUIRED), whoever it names.
      const accounts = await c.accounts();
      const { officer } = await c.whoAmI();
      return { accounts, me: officer };
    }),
    addAccount: fromPromise(({ input }) => client(input.token).addAccount(input.account)),
    setDisabled: fromPromise(({ input }) => client(input.token).setAccountDisabled(input.accountId, input.disabled)),
    resetPassword: fromPromise(({ input }) => client(input.token).resetPassword(input.accountId, input.password)),
    signIn: fromPromise(({ input }) => staffSessionClient.signIn(input.username, input.password)),
    signOut: fromPromise(({ input }) => client(input.token).endSession()),
  },
  actions: {
    saveToken: ({ context }) => keepToken(context.token),
    forgetToken: () => keepToken(null),
  },
});
