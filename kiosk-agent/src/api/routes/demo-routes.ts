/**
 * Demo-mode windows into the simulated printer: what it printed (text and a picture of the slip) and a switch to
 * put it out of paper, so a person trying the demo can see the ticket and the printer-failure path.
 * Registered only when the printer is simulated.
 */
import { PrintedJobListSchema, SimulatedPrinterStateRequestSchema, SimulatedPrinterStateSchema, type PrintedJob } from '../../../../shared/api-schemas';
import type { SimulatedPrinter, SimulatedPrintJob } from '../../devices/printer/simulated-printer';
import { renderJobToPng } from '../../devices/printer/escpos-preview';
import type { RouteRegistry } from '../route-registry';

const MAX_JOBS = 10;

export function registerDemoRoutes(r: RouteRegistry, deps: { printer: SimulatedPrinter }): void {
  const pngCache = new WeakMap<SimulatedPrintJob, string>();
  const toView = (job: SimulatedPrintJob): PrintedJob => {
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

  r.add(
    {
      method: 'get',
      path: '/api/demo/printer/jobs',
      summary: 'Demo only: the last jobs the simulated printer received, newest first, decoded to text and a picture',
      tag: 'demo',
      auth: 'demo',
      responses: { 200: { description: 'Jobs', schema: PrintedJobListSchema } },
    },
    () => deps.printer.jobs.slice(-MAX_JOBS).reverse().map(toView),
  );

  r.add(
    {
      method: 'post',
      path: '/api/demo/printer/state',
      summary: 'Demo only: put the simulated printer out of paper, open its cover or take it offline',
      tag: 'demo',
      auth: 'demo',
      body: SimulatedPrinterStateRequestSchema,
      responses: { 200: { description: 'The simulated printer state', schema: SimulatedPrinterStateSchema } },
      errors: ['VALIDATION_FAILED'],
    },
    ({ body }) => {
      deps.printer.setState(body);
      return deps.printer.getState();
    },
  );
}
