/** The real IO behind the diagnostics machine: the technician's client, and saving the support bundle. */
import { fromPromise } from 'xstate';
import type { TechnicianSession } from '../../../../shared/diagnostics-schemas';
import { DiagnosticsClient } from '../../agent-client/diagnostics-client';
import { diagnosticsMachine, type DiagnosticsAction, type Section } from './diagnostics.machine';

const client = (token: string | null) => new DiagnosticsClient((input, init) => fetch(input, init), token);

function loadSection(c: DiagnosticsClient, section: Section): Promise<unknown> {
  switch (section) {
    case 'overview':
      return c.overview();
    case 'printer':
      return c.printer();
    case 'scanner':
      return c.scanner();
    case 'lockers':
      return c.lockers();
    case 'ports':
      return c.serialPorts();
    case 'log':
      return c.log();
    case 'audit':
      return c.audit();
  }
}

/** Saves a file the browser way: a temporary link to the blob, clicked. */
function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function runAction(c: DiagnosticsClient, action: DiagnosticsAction): Promise<unknown> {
  switch (action.kind) {
    case 'test-print':
      return c.testPrint(action.print);
    case 'open-compartment':
      return c.openCompartment(action.board, action.lock, action.reason);
    case 'open-all':
      return c.openAll(action.reason);
    case 'self-test':
      return c.selfTest(action.print);
    case 'export-bundle': {
      const { fileName, blob } = await c.bundle();
      saveFile(fileName, blob);
      return { fileName };
    }
  }
}

export const liveDiagnosticsMachine = diagnosticsMachine.provide({
  actors: {
    openSession: fromPromise<TechnicianSession, { pin: string }>(({ input }) => client(null).openSession(input.pin)),
    loadSection: fromPromise<unknown, { token: string; section: Section }>(({ input }) => loadSection(client(input.token), input.section)),
    runAction: fromPromise<unknown, { token: string; action: DiagnosticsAction }>(({ input }) => runAction(client(input.token), input.action)),
    endSession: fromPromise<void, { token: string }>(async ({ input }) => {
      await client(input.token).endSession();
    }),
  },
});
