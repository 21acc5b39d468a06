/** The real IO behind /stats: the staff client, and saving the CSV as a file download. */
import { fromPromise } from 'xstate';
import { StaffClient } from '../../agent-client/staff-client';
import { keepToken } from '../../agent-client/staff-token';
import { staffSessionClient } from '../../agent-client/staff-session-client';
import { staffStatsMachine } from './staff-stats.machine';

const client = (token: string) => new StaffClient((input, init) => fetch(input, init), token);

export const liveStaffStatsMachine = staffStatsMachine.provide({
  actors: {
    loadStats: fromPromise(async ({ input }) => {
      const c = client(input.token);
      const [stats, services, counters] = await Promise.all([c.stats(input.range.from, input.range.to), c.services(), c.counters()]);
      return {
        stats,
        serviceNames: Object.fromEntries(services.map((s) => [s.id, s.name])),
        counterNames: Object.fromEntries(counters.map((k) => [k.id, k.name])),
      };
    }),
    saveCsv: fromPromise(async ({ input }) => {
      const csv = await client(input.token).statsCsv(input.range.from, input.range.to);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `thong-ke-${input.range.from ?? ''}_${input.range.to ?? ''}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }),
    signIn: fromPromise(({ input }) => staffSessionClient.signIn(input.username, input.password)),
  },
  actions: {
    saveToken: ({ context }) => keepToken(context.token),
    forgetToken: () => keepToken(null),
  },
});
