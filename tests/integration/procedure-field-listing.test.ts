/**
 * A province's field often holds more procedures than the agent's default page (30): the kiosk's own client
 * (kiosk-ui's ProcedureClient, over real HTTP to a real agent) asks for as many as one request may hold, so a
 * citizen browsing "Hộ tịch" can page through all of it; a word that matches more than that says only the best are
 * listed.
 */
import { describe, expect } from 'vitest';
import { ProcedureClient } from '../../kiosk-ui/src/agent-client/procedure-client';
import { PROCEDURE_LIST_MAX, PROCEDURE_PAGE_SIZE, type ProcedureImportResponse } from '../../shared/procedure-schemas';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';

const it = agentTest({ config: () => ({ procedures: { fieldServices: { 'Hộ tịch': 'tu-phap' } } }) });

/** n procedures of one field, with codes of the province's short shape (1.00xxxx.H38). */
const procedures = (n: number, field: string, first: number) =>
  Array.from({ length: n }, (_, i) => ({
    code: `1.${String(first + i).padStart(6, '0')}.H38`,
    name: `Thủ tục ${field} số ${i + 1}`,
    field,
    agency: 'UBND cấp xã',
    timeLimit: 'Trong ngày',
    fee: 'Miễn',
    documents: ['Tờ khai'],
  }));

describe('a field with more procedures than one page', () => {
  it('the kiosk lists every procedure of a 45-procedure field, and says when a word matches more than it can list', async ({ agent }) => {
    const imported = await postJson<ProcedureImportResponse>(
      `${agent.url}/api/procedures/import`,
      { procedures: [...procedures(45, 'Hộ tịch', 1000), ...procedures(80, 'Đất đai', 2000)] },
      STAFF,
    );
    expect([imported.status, imported.body.imported]).toEqual([200, 125]);
    expect(PROCEDURE_PAGE_SIZE).toBeLessThan(45);

    const client = new ProcedureClient(fetch, agent.url);
    const field = await client.search('', 'Hộ tịch');
    expect(field.total).toBe(45);
    expect(field.procedures).toHaveLength(45);
    expect(new Set(field.procedures.map((p) => p.field))).toEqual(new Set(['Hộ tịch']));

    // "thu tuc" is in every name: 125 matches, one request holds the best 100, and the kiosk says so.
    const broad = await client.search('thu tuc', null);
    expect(broad.total).toBe(125);
    expect(broad.procedures).toHaveLength(PROCEDURE_LIST_MAX);
  });
});
