/** The demo routes' handles on the simulators (api/demo-controls.ts), adapted from the simulator classes here. */
import type { PrintedJob } from '../../../shared/api-schemas';
import type { DemoControls } from '../api/demo-controls';
import type { SimulatedLockerBus } from '../devices/locker/simulated-locker-bus';
import type { SimulatedPrinter, SimulatedPrintJob } from '../devices/printer/simulated-printer';
import type { SimulatedScanner } from '../devices/scanner/simulated-scanner';

export interface Simulators {
  printer?: SimulatedPrinter;
  scanner?: SimulatedScanner;
  locker?: SimulatedLockerBus;
}

function printerControls(printer: SimulatedPrinter): NonNullable<DemoControls['printer']> {
  // A picture of each slip is drawn once: the demo panel asks for the same jobs again and again.
  const pngCache = new WeakMap<SimulatedPrintJob, string>();
  const toView = (job: SimulatedPrintJob, renderJobToPng: (job: SimulatedPrintJob['decoded']) => Buffer): PrintedJob => {
    let png = pngCache.get(job);
    if (png === undefined) {
      png = `data:image/png;base64,${renderJobToPng(job.decoded).toString('base64')}`;
      pngCache.set(job, png);
    }
    return {
      id: job.id,
      receivedAt: job.receivedAt.toISOString(),
      bytes: job.bytes.length,
      text: job.decoded.text,
      qrCodes: job.decoded.qrCodes,
      cut: job.decoded.cuts > 0,
      imagePng: png,
    };
  };
  return {
    recentJobs: async (limit) => {
      // The slip painter (canvas, QR encoder) is loaded at the first look at the demo panel, not at start: an agent
      // with real devices never uses it and should not carry it in memory.
      const { renderJobToPng } = await import('../devices/printer/escpos-preview');
      return printer.jobs.slice(-limit).reverse().map((job) => toView(job, renderJobToPng));
    },
    setState: (state) => {
      printer.setState(state);
      return printer.getState();
    },
  };
}

/** `bank`: the demo's simulated bank (compose/demo-bank.ts), given only in the demo itself with `payments` set. */
export function demoControls(sims: Simulators, extras: { bank?: DemoControls['bank'] } = {}): DemoControls {
  const { printer, scanner, locker } = sims;
  return {
    ...(extras.bank ? { bank: extras.bank } : {}),
    ...(printer ? { printer: printerControls(printer) } : {}),
    ...(scanner ? { scanner: { scan: (code: string) => scanner.scan(code) } } : {}),
    ...(locker
      ? {
          locker: {
            state: () => locker.state(),
            closeDoor: (board: number, lock: number) => {
              locker.closeDoor(board, lock);
              return locker.state();
            },
          },
        }
      : {}),
  };
}
