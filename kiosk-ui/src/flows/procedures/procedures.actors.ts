/** The real IO behind looking up procedures: the agent client. */
import { fromPromise } from 'xstate';
import type { ProcedureDetail, ProcedureList } from '../../../../shared/procedure-schemas';
import { procedureClient } from '../../agent-client/procedure-client';
import { proceduresMachine, type SearchRequest } from './procedures.machine';

export const liveProceduresMachine = proceduresMachine.provide({
  actors: {
    searchProcedures: fromPromise<ProcedureList, SearchRequest>(({ input }) => procedureClient.search(input.q, input.field)),
    loadProcedure: fromPromise<ProcedureDetail, { code: string }>(({ input }) => procedureClient.procedure(input.code)),
    printPapers: fromPromise<unknown, { code: string }>(({ input }) => procedureClient.printPapers(input.code)),
  },
});
