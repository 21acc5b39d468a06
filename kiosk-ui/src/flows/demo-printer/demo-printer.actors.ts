/** Real IO for the demo printer panel: agent HTTP for jobs and paper, the event socket for new jobs. */
import { fromCallback, fromPromise } from 'xstate';
import { connectAgentEvents } from '../../agent-client/agent-events';
import { agentClient } from '../../agent-client/default-client';
import { demoPrinterMachine } from './demo-printer.machine';

export const liveDemoPrinterMachine = demoPrinterMachine.provide({
  actors: {
    loadJobs: fromPromise(() => agentClient.demoPrinterJobs()),
    setPaper: fromPromise(async ({ input }: { input: { paper: 'ok' | 'out' } }) => ({ paper: (await agentClient.setDemoPaper(input.paper)).paper })),
    watchJobs: fromCallback<{ type: 'printer.jobArrived' }>(({ sendBack }) => {
      const connection = connectAgentEvents((event) => {
        if (event.type === 'printer.job') sendBack({ type: 'printer.jobArrived' });
      });
      return () => connection.close();
    }),
  },
});
