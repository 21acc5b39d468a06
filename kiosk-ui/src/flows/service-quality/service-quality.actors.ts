/** The real IO behind the service-quality pages: the report client, saving the CSV as a download, printing. */
import { fromPromise } from 'xstate';
import { ReportClient } from '../../agent-client/report-client';
import { staffSessionClient } from '../../agent-client/staff-session-client';
import { keepToken } from '../../agent-client/staff-token';
import { saveCsvFile } from '../../ui/save-file';
import { serviceQualityMachine } from './service-quality.machine';

const client = (token: string) => new ReportClient((input, init) => fetch(input, init), token);

export const liveServiceQualityMachine = serviceQualityMachine.provide({
  actors: {
    loadReport: fromPromise(({ input }) => client(input.token).serviceQuality(input.period.from, input.period.to)),
    saveCsv: fromPromise(async ({ input }) => {
      const csv = await client(input.token).serviceQualityCsv(input.period.from, input.period.to);
      saveCsvFile(`chat-luong-phuc-vu-${input.period.from ?? ''}_${input.period.to ?? ''}.csv`, csv);
    }),
    signIn: fromPromise(({ input }) => staffSessionClient.signIn(input.username, input.password)),
  },
  actions: {
    saveToken: ({ context }) => keepToken(context.token),
    forgetToken: () => keepToken(null),
    printPage: () => window.print(),
  },
});
