/** The real IO behind the diagnostics machine: the technician's client, and saving the support bundle. */
import { fromPromise } from 'xstate';
import type { TechnicianSession } from '../../../../shared/diagnostics-schemas';
import { DiagnosticsClient } from '../../agent-client/diagnostics-client';
import { saveFile } from '../../ui/save-file';
import { diagnosticsMachine } from './diagnostics.machine';
import type { ActionResult, DiagnosticsAction, Section, SectionData } from './diagnostics.types';

const client = (token: string | null) => new DiagnosticsClient((input, init) => fetch(input, init), token);

async function loadSection(c: DiagnosticsClient, section: Section): Promise<SectionData> {
  switch (section) {
    case 'overview':
      return { section, data: await c.overview() };
    case 'printer':
      return { section, data: await c.printer() };
    case 'scanner':
      return { section, data: await c.scanner() };
    case 'lockers':
      return { section, data: await c.lockers() };
    case 'ports':
      return { section, data: await c.serialPorts() };
    case 'log':
      return { section, data: await c.log() };
    case 'audit':
      return { section, data: await c.audit() };
  }
}

async function runAction(c: DiagnosticsClient, action: DiagnosticsAction): Promise<ActionResult> {
  switch (action.kind) {
    case 'test-print':
      return { action: action.kind, value: await c.testPrint(action.print) };
    case 'open-compartment':
      return { action: action.kind, value: await c.openCompartment(action.board, action.lock, action.reason) };
    case 'open-all':
      return { action: action.kind, value: await c.openAll(action.reason) };
    case 'self-test':
      return { action: action.kind, value: await c.selfTest(action.print) };
    case 'export-bundle': {
      const { fileName, blob } = await c.bundle();
      saveFile(fileName, blob);
      return { action: action.kind, value: { fileName } };
    }
  }
}

export const liveDiagnosticsMachine = diagnosticsMachine.provide({
  actors: {
    openSession: fromPromise<TechnicianSession, { pin: string }>(({ input }) => client(null).openSession(input.pin)),
    loadSection: fromPromise<SectionData, { token: string; section: Section }>(({ input }) => loadSection(client(input.token), input.section)),
    runAction: fromPromise<ActionResult, { token: string; action: DiagnosticsAction }>(({ input }) => runAction(client(input.token), input.action)),
    endSession: fromPromise<void, { token: string }>(async ({ input }) => {
      await client(input.token).endSession();
    }),
  },
});
