/**
 * The staff read of a dossier's fees (GET /api/dossiers/:code/payment, the /payments page's "Thu tiền mặt"), over
 * real HTTP on each store: before cash, after a part and after the rest it answers what POST …/payment answers,
 * with the procedure and each fee and never the applicant; its refusals carry their codes; OpenAPI has it.
 */
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierFees, PaymentState } from '../../shared/payment-schemas';
import { agentTest } from '../support/agent-fixture';
import { PAYMENTS } from '../support/bank-webhook';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';

const STORES = {
  sqlite: agentTest({ config: () => ({ payments: PAYMENTS }) }),
  postgres: agentTest({ config: async () => ({ payments: PAYMENTS, store: { driver: 'postgres', url: await freshDatabase() } }) }),
};

const DOSSIER = '000.00.15.H29-261121-0007';
const PROCEDURE = 'Cấp bản sao trích lục hộ tịch';
const FEES = [{ name: 'Lệ phí', amount: 30_000 }, { name: 'Phí sao y', amount: 20_000 }];

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('a dossier’s fees read by staff (%s)', (kind) => {
  const it = STORES[kind];

  it('answers the payment state with the procedure and fees, before and after cash; refusals by code', async ({ agent }) => {
    const url = agent.url;
    const read = (code: string, headers: Record<string, string>) => getJson<DossierFees & ErrorBody>(`${url}/api/dossiers/${encodeURIComponent(code)}/payment`, headers);
    await postJson(`${url}/api/dossiers`, { code: DOSSIER, procedure: PROCEDURE, applicantName: 'Phạm Minh', phone: '0912345678', dueDate: '2026-12-05', status: 'ready', fees: FEES }, STAFF);
    const officer = await signedIn(agent, `thu-phi-${kind}`, 'officer');

    const before = await read(DOSSIER, officer);
    expect([before.status, before.body]).toEqual([200, { dossierCode: DOSSIER, procedure: PROCEDURE, fees: FEES, total: 50_000, paid: 0, due: 50_000 }]);
    // The counter has the citizen in front of it: the name and phone stay out of this answer.
    expect(JSON.stringify(before.body)).not.toMatch(/Phạm Minh|0912345678/);

    // Cash in two parts: each read says what the POST said, with the fees.
    const part = await postJson<PaymentState>(`${url}/api/dossiers/${encodeURIComponent(DOSSIER)}/payment`, { amount: 20_000 }, officer);
    const afterPart = await read(DOSSIER, officer);
    expect(afterPart.body).toEqual({ ...part.body, procedure: PROCEDURE, fees: FEES });
    expect(afterPart.body.due).toBe(30_000);
    await postJson(`${url}/api/dossiers/${encodeURIComponent(DOSSIER)}/payment`, { amount: 30_000 }, officer);
    // Paid in full is an answer (due 0), not a refusal: the officer sees it was paid.
    expect((await read(DOSSIER, officer)).body).toMatchObject({ total: 50_000, paid: 50_000, due: 0 });

    // The integration token reads it too; nobody else does.
    expect((await read(DOSSIER, STAFF)).status).toBe(200);
    expect((await read(DOSSIER, {})).status).toBe(401);
    const unknown = await read('000.00.15.H29-261121-0999', officer);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    const tooLong = await read('X'.repeat(65), officer);
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('the OpenAPI document', () => {
  STORES.sqlite('has the staff read of a dossier’s fees, its answer and its codes', async ({ agent }) => {
    type Operation = { 'x-audience': string; responses: Record<string, { description: string; content?: unknown }> };
    const doc = await getJson<{ paths: Record<string, Record<string, Operation>> }>(`${agent.url}/api/openapi.json`);
    const op = doc.body.paths['/api/dossiers/{code}/payment']?.get;
    expect(op?.['x-audience']).toBe('staff');
    for (const field of ['"procedure"', '"fees"', '"due"']) expect(JSON.stringify(op?.responses['200']?.content)).toContain(field);
    for (const code of ['DOSSIER_NOT_FOUND', 'VALIDATION_FAILED', 'UNAUTHORIZED']) expect(op?.responses['4XX']?.description).toContain(code);
  });
});
