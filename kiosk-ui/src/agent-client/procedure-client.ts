/** Procedure catalogue requests from the kiosk: search, one procedure, its papers printed. */
import { PROCEDURE_LIST_MAX, ProcedureDetailSchema, ProcedureListSchema, ProcedurePrintResponseSchema } from '../../../shared/procedure-schemas';
import { AgentClient } from './agent-client';

export class ProcedureClient extends AgentClient {
  search(q: string, field: string | null) {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (field !== null) params.set('field', field);
    // The most the agent gives: the kiosk pages the list itself, and a province's field (Hộ tịch, Đất đai) often
    // holds more than the agent's default page of 30.
    params.set('limit', String(PROCEDURE_LIST_MAX));
    const query = params.toString();
    return this.request(ProcedureListSchema, `/api/procedures${query ? `?${query}` : ''}`);
  }

  procedure(code: string) {
    return this.request(ProcedureDetailSchema, `/api/procedures/${encodeURIComponent(code)}`);
  }

  printPapers(code: string) {
    return this.request(ProcedurePrintResponseSchema, `/api/procedures/${encodeURIComponent(code)}/print`, { method: 'POST' });
  }
}

export const procedureClient = new ProcedureClient((input, init) => fetch(input, init));
