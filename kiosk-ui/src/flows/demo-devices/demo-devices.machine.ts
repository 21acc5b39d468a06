/**
 * Demo mode's window on the simulated devices: the printed slips (reloaded when the agent announces a job), a
 * paper switch, sample appointment slips to "scan" through the simulated scanner's serial line, and the open
 * compartments of the simulated locker with a button to shut each door, and the simulated bank confirming the
 * transfer a sample dossier's fee is waiting for (the kiosk on the VietQR screen then goes on by itself).
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { PrintedJob } from '../../../../shared/api-schemas';
import type { DemoBankTransfer } from '../../../../shared/payment-schemas';

export type OpenLocks = { address: number; open: number[] }[];
export type Paper = 'ok' | 'low' | 'out';

export type DemoDevicesEvent =
  | { type: 'printer.jobArrived' }
  | { type: 'printer.status'; paper: Paper }
  | { type: 'locker.changed' }
  | { type: 'scanner.scanned'; code: string }
  | { type: 'paper.set'; paper: 'ok' | 'out' }
  | { type: 'scan.send'; code: string }
  | { type: 'door.close'; board: number; lock: number }
  | { type: 'bank.pay'; dossierCode: string }
  | { type: 'panel.toggle' };

export const demoDevicesMachine = setup({
  types: {
    context: {} as {
      jobs: PrintedJob[];
      paper: Paper;
      failed: boolean;
      open: boolean;
      lastScan: string | null;
      openLocks: OpenLocks;
      /** What the simulated bank did at the last press (null: not pressed, or the press failed: bankFailed). */
      bankResult: DemoBankTransfer | null;
      bankFailed: boolean;
    },
    events: {} as DemoDevicesEvent,
  },
  actors: {
    loadJobs: fromPromise<PrintedJob[]>(async () => []),
    loadLocker: fromPromise<OpenLocks>(async () => []),
    setPaper: fromPromise<{ paper: Paper }, { paper: 'ok' | 'out' }>(async ({ input }) => input),
    sendScan: fromPromise<undefined, { code: string }>(async () => undefined),
    closeDoor: fromPromise<OpenLocks, { board: number; lock: number }>(async () => []),
    bankTransfer: fromPromise<DemoBankTransfer, { dossierCode: string }>(async ({ input }) => ({ status: 'nothing-due', dossierCode: input.dossierCode, amount: 0, due: 0 })),
    watchDevices: fromCallback<DemoDevicesEvent>(() => () => undefined),
  },
}).createMachine({
  id: 'demoDevices',
  context: { jobs: [], paper: 'ok', failed: false, open: true, lastScan: null, openLocks: [], bankResult: null, bankFailed: false },
  invoke: { src: 'watchDevices' },
  on: {
    'panel.toggle': { actions: assign({ open: ({ context }) => !context.open }) },
    'scanner.scanned': { actions: assign({ lastScan: ({ event }) => event.code }) },
    'printer.status': { actions: assign({ paper: ({ event }) => event.paper }) },
  },
  type: 'parallel',
  states: {
    printer: {
      initial: 'loading',
      states: {
        loading: {
          // A newer job while loading: start the load again so the newest slip is never missed.
          on: { 'printer.jobArrived': { target: 'loading', reenter: true } },
          invoke: {
            src: 'loadJobs',
            onDone: { target: 'idle', actions: assign({ jobs: ({ event }) => event.output, failed: false }) },
            onError: { target: 'idle', actions: assign({ failed: true }) },
          },
        },
        idle: { on: { 'printer.jobArrived': 'loading', 'paper.set': 'settingPaper' } },
        settingPaper: {
          invoke: {
            src: 'setPaper',
            input: ({ event }) => ({ paper: (event as { paper: 'ok' | 'out' }).paper }),
            onDone: { target: 'idle', actions: assign({ paper: ({ event }) => event.output.paper }) },
            onError: { target: 'idle', actions: assign({ failed: true }) },
          },
        },
      },
    },
    scanner: {
      initial: 'idle',
      states: {
        idle: { on: { 'scan.send': 'sending' } },
        sending: {
          invoke: {
            src: 'sendScan',
            input: ({ event }) => ({ code: (event as { code: string }).code }),
            onDone: 'idle',
            onError: { target: 'idle', actions: assign({ failed: true }) },
          },
        },
      },
    },
    // One press at a time: the button is ignored while the bank's webhook is on its way.
    bank: {
      initial: 'idle',
      states: {
        idle: { on: { 'bank.pay': 'paying' } },
        paying: {
          invoke: {
            src: 'bankTransfer',
            input: ({ event }) => ({ dossierCode: (event as { dossierCode: string }).dossierCode }),
            onDone: { target: 'idle', actions: assign({ bankResult: ({ event }) => event.output, bankFailed: false }) },
            onError: { target: 'idle', actions: assign({ bankResult: null, bankFailed: true }) },
          },
        },
      },
    },
    locker: {
      initial: 'loading',
      states: {
        loading: {
          on: { 'locker.changed': { target: 'loading', reenter: true } },
          invoke: {
            src: 'loadLocker',
            onDone: { target: 'idle', actions: assign({ openLocks: ({ event }) => event.output }) },
            onError: 'idle',
          },
        },
        idle: { on: { 'locker.changed': 'loading', 'door.close': 'closing' } },
        closing: {
          invoke: {
            src: 'closeDoor',
            input: ({ event }) => event as { board: number; lock: number },
            onDone: { target: 'idle', actions: assign({ openLocks: ({ event }) => event.output }) },
            onError: { target: 'idle', actions: assign({ failed: true }) },
          },
        },
      },
    },
  },
});
