/** The real IO behind /stats: the staff client, and saving the CSV as a file download. */
import { fromPromise } from 'xstate';
import { StaffClient } from '../../agent-client/staff-client';
import { keepToken } from '../../agent-client/staff-token';
import { saveCsvFile } from '../../ui/save-file';
import { staffSessionClient } from '../../agent-client/staff-session-client';
import { staffStatsMachine } from './staff-stats.machine';

const client = (token: string) => new StaffClient((input, init) => fetch(input, init), token);

export const liveStaffStatsMachine = staffStatsMachine.provide({
  actors: {
    loadReport: fromPromise(async ({ input }) => {
      const c = client(input.token);
      const [stats, services, counters] = await Promise.all([c.stats(input.period.from, input.period.to), c.services(), c.counters()]);
      return {
        stats,
        serviceNames: Object.fromEntries(services.map((s) => [s.id, s.name])),
        counterNames: Object.fromEntries(counters.map((k) => [k.id, k.name])),
      };
    }),
    saveCsv: fromPromise(async ({ input }) => {
      const csv = await client(input.token).statsCsv(input.period.from, input.period.to);
      saveCsvFile(`thong-ke-${input.period.from ?? ''}_${input.period.to ?? ''}.csv`, csv);
    }),
    signIn: fromPromise(({ input }) => staffSessionClient.signIn(input.username, input.password)),
  },
  actions: {
    saveToken: ({ context }) => keepToken(context.token),
    forgetToken: () => keepToken(null),
  },
});
