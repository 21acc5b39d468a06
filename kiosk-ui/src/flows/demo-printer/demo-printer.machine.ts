/**
 * Demo mode's window on the simulated printer: loads the printed jobs, reloads when the agent announces a new one
 * (WS `printer.job`), and lets a person run the printer out of paper to try the failure path.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { PrintedJob } from '../../../../shared/api-schemas';

export const demoPrinterMachine = setup({
  types: {
    context: {} as { jobs: PrintedJob[]; paper: 'ok' | 'low' | 'out'; failed: boolean; open: boolean },
    events: {} as { type: 'printer.jobArrived' } | { type: 'paper.set'; paper: 'ok' | 'out' } | { type: 'panel.toggle' },
  },
  actors: {
    loadJobs: fromPromise<PrintedJob[]>(async () => []),
    setPaper: fromPromise<{ paper: 'ok' | 'low' | 'out' }, { paper: 'ok' | 'out' }>(async ({ input }) => input),
    watchJobs: fromCallback<{ type: 'printer.jobArrived' }>(() => () => undefined),
  },
}).createMachine({
  id: 'demoPrinter',
  context: { jobs: [], paper: 'ok', failed: false, open: true },
  invoke: { src: 'watchJobs' },
  on: { 'panel.toggle': { actions: assign({ open: ({ context }) => !context.open }) } },
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadJobs',
        onDone: { target: 'idle', actions: assign({ jobs: ({ event }) => event.output, failed: false }) },
        onError: { target: 'idle', actions: assign({ failed: true }) },
      },
    },
    idle: {
      on: {
        'printer.jobArrived': 'loading',
        'paper.set': 'settingPaper',
      },
    },
    settingPaper: {
      invoke: {
        src: 'setPaper',
        input: ({ event }) => ({ paper: (event as { paper: 'ok' | 'out' }).paper }),
        onDone: { target: 'idle', actions: assign({ paper: ({ event }) => event.output.paper }) },
        onError: { target: 'idle', actions: assign({ failed: true }) },
      },
    },
  },
});
