/**
 * Transfers whose content named no dossier, placed by an officer on the dossier they were meant for, over real HTTP
 * on each store (a lone kiosk's SQLite, a centre's PostgreSQL): kept by the webhook, assigned (a short one leaves
 * the rest due, the second pays it), the locker then opens and the receipt names both transactions; assigning
 * again is refused, the bank delivering the same transaction again is a duplicate, the row is kept as resolved
 * with who, when and which dossier, and the fees report counts both transfers.
 */
import { describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import type { PaymentState } from '../../shared/payment-schemas';
import { agentTest } from '../support/agent-fixture';
import { PAYMENTS, webhook } from '../support/bank-webhook';
import { getJson, postJson } from '../support/http';
import { depositInLocker, STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';
import { storeRows, type StoreLocation } from '../support/store-rows';

const LOCKER = { driver: 'simulated' as const, boards: [{ address: 0, locks: 4 }], pollMs: 50 };
const STORES = {
  sqlite: agentTest({ config: () => ({ locker: LOCKER, payments: PAYMENTS }), eventHeaders: STAFF }),
  postgres: agentTest({ config: async () => ({ locker: LOCKER, payments: PAYMENTS, store: { driver: 'postgres', url: await freshDatabase() } }), eventHeaders: STAFF }),
};

const DOSSIER = '000.00.15.H29-261120-0041';
const NO_FEES = '000.00.15.H29-261120-0042';
const PROCEDURE = 'Cấp bản sao trích lục hộ tịch';
/** The citizen typed the content by hand: no "HS…" reference, nothing the webhook can match. */
const SHORT = { reference: 'MBVCB.3301.nop phi trich luc ho tich', amount: 20_000, transactionId: 'FT26326101', paidAt: '2026-11-22T09:05:00+07:00' };
const REST = { reference: 'chuyen tien phi con lai', amount: 30_000, transactionId: 'FT26326102', paidAt: '2026-11-22T16:40:00+07:00' };

type Unmatched = { id: number; transactionId: string; amount: number };
const unmatchedOf = async (agent: RunningAgent) => (await getJson<Unmatched[]>(`${agent.url}/api/payments/unmatched`, STAFF)).body;
const storeOf = (agent: RunningAgent): StoreLocation =>
  agent.config.store.driver === 'postgres' ? { kind: 'postgres', where: agent.config.store.url } : { kind: 'sqlite', where: agent.config.dataDir };

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('unmatched transfers assigned by staff (%s)', (kind) => {
  const it = STORES[kind];

  it('kept by the webhook, assigned by an officer, paid, opened; never twice; in the fees report', async ({ agent, heard }) => {
    const url = agent.url;
    const assign = (id: number | string, dossierCode: string, headers: Record<string, string>) =>
      postJson<PaymentState & ErrorBody>(`${url}/api/payments/unmatched/${id}/assign`, { dossierCode }, headers);

    await postJson(`${url}/api/dossiers`, { code: DOSSIER, procedure: PROCEDURE, applicantName: 'Phạm Minh', dueDate: '2026-12-05', status: 'ready', fees: [{ name: 'Lệ phí', amount: 50_000 }] }, STAFF);
    const deposited = await depositInLocker(agent, DOSSIER, { procedure: PROCEDURE, applicantName: 'Phạm Minh' });
    await postJson(`${url}/api/dossiers`, { code: NO_FEES, procedure: PROCEDURE, applicantName: 'Trần Văn Bình', dueDate: '2026-12-05', status: 'ready' }, STAFF);

    // The bank's transfers name no dossier: 404, kept for staff.
    for (const transfer of [SHORT, REST]) expect((await webhook(agent, transfer)).body.error.code).toBe('PAYMENT_REFERENCE_UNKNOWN');
    const kept = await unmatchedOf(agent);
    expect(kept.map((u) => [u.transactionId, u.amount])).toEqual([[SHORT.transactionId, 20_000], [REST.transactionId, 30_000]]);
    const [shortId, restId] = kept.map((u) => u.id) as [number, number];

    // Refusals, each with its code, and none of them places anything.
    const officer = await signedIn(agent, `doi-soat-${kind}`, 'officer');
    expect((await assign(shortId, DOSSIER, {})).status).toBe(401);
    expect((await assign('abc', DOSSIER, officer)).body.error.code).toBe('VALIDATION_FAILED');
    const noSuch = await assign(restId + 1000, DOSSIER, officer);
    expect([noSuch.status, noSuch.body.error.code]).toEqual([404, 'UNMATCHED_PAYMENT_NOT_FOUND']);
    const noDossier = await assign(shortId, '000.00.15.H29-261120-0999', officer);
    expect([noDossier.status, noDossier.body.error.code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    const notDue = await assign(shortId, NO_FEES, officer);
    expect([notDue.status, notDue.body.error.code]).toEqual([409, 'PAYMENT_NOT_DUE']);
    expect(await unmatchedOf(agent)).toHaveLength(2);

    // The short one: recorded, the rest still due, staff told, the kiosk's door still shut (402 with the rest).
    const first = await assign(shortId, DOSSIER, officer);
    expect([first.status, first.body]).toEqual([200, { dossierCode: DOSSIER, total: 50_000, paid: 20_000, due: 30_000 }]);
    await heard.next('staff.alert', (e) => e.data.kind === 'payment-short' && e.data.dossierCode === DOSSIER);
    const refused = await postJson<ErrorBody>(`${url}/api/pickup/open`, { code: DOSSIER, pickupCode: deposited.pickupCode });
    expect([refused.status, refused.body.error.details]).toEqual([402, { amount: 30_000 }]);
    expect((await unmatchedOf(agent)).map((u) => u.transactionId)).toEqual([REST.transactionId]);

    // The rest, by the integration token this time: paid; the kiosk waiting on the QR screen is told.
    const second = await assign(restId, DOSSIER, STAFF);
    expect(second.body).toEqual({ dossierCode: DOSSIER, total: 50_000, paid: 50_000, due: 0 });
    await heard.next('payment.received', (e) => e.data.dossierCode === DOSSIER && e.data.due === 0);
    expect(await unmatchedOf(agent)).toEqual([]);

    // Now the door opens; shut, the receipt names both transfers.
    const opened = await postJson<{ compartment: { board: number; lock: number } }>(`${url}/api/pickup/open`, { code: DOSSIER, pickupCode: deposited.pickupCode });
    expect(opened.status).toBe(200);
    agent.simulators.locker!.closeDoor(opened.body.compartment.board, opened.body.compartment.lock);
    await heard.next('pickup.completed', (e) => e.data.dossierCode === DOSSIER, 5000);
    const receipt = agent.simulators.printer!.jobs.map((j) => j.decoded.text).find((t) => t.includes(DOSSIER))!;
    expect(receipt).toContain(`Chuyển khoản, mã giao dịch: ${SHORT.transactionId}`);
    expect(receipt).toContain(`Chuyển khoản, mã giao dịch: ${REST.transactionId}`);

    // Never twice: assigning again is refused and says where it went; the bank's retry is a duplicate.
    const again = await assign(shortId, NO_FEES, officer);
    expect([again.status, again.body.error.code, again.body.error.details]).toEqual([409, 'UNMATCHED_PAYMENT_ASSIGNED', { dossierCode: DOSSIER }]);
    expect((await webhook(agent, SHORT)).body).toEqual({ status: 'duplicate' });
    expect(await unmatchedOf(agent)).toEqual([]);

    // The rows are kept, resolved: which dossier, who (the officer; none for the integration token), when.
    const officerId = (await agent.staff.accounts.byUsername(`doi-soat-${kind}`))!.id;
    const rows = (await storeRows(storeOf(agent), ['unmatched_payments'])).unmatched_payments!;
    expect(rows.map((r) => [r.transaction_id, r.resolved_dossier_code, r.resolved_account_id, typeof r.resolved_at_ms])).toEqual([
      [SHORT.transactionId, DOSSIER, officerId, 'number'],
      [REST.transactionId, DOSSIER, null, 'number'],
    ]);
    const supervisor = await signedIn(agent, `giam-sat-${kind}`, 'supervisor');
    const audit = await getJson<{ actor: string; subject: string | null }[]>(`${url}/api/audit?action=payments.unmatched.assign`, supervisor);
    expect(audit.body.map((a) => [a.actor, a.subject]).sort()).toEqual([[`doi-soat-${kind}`, DOSSIER], ['token:token 1', DOSSIER]].sort());

    // The fees report counts both transfers on the day the bank paid them, each once.
    const csv = await (await fetch(`${url}/api/reports/fees.csv?from=2026-11-22&to=2026-11-22`, { headers: supervisor })).text();
    expect(csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)).toEqual([`2026-11-22,${PROCEDURE},2,50000,0,50000`, 'Tổng cộng,,2,50000,0,50000']);
  });
});

describe('the OpenAPI document', () => {
  STORES.sqlite('has the assignment: staff, its body, its answer and every code it may answer', async ({ agent }) => {
    type Operation = { 'x-audience': string; requestBody: unknown; responses: Record<string, { description: string; content?: unknown }> };
    const doc = await getJson<{ paths: Record<string, Record<string, Operation>> }>(`${agent.url}/api/openapi.json`);
    const op = doc.body.paths['/api/payments/unmatched/{id}/assign']?.post;
    expect(op?.['x-audience']).toBe('staff');
    expect(JSON.stringify(op?.requestBody)).toContain('dossierCode');
    expect(JSON.stringify(op?.responses['200']?.content)).toContain('"due"');
    for (const code of ['UNMATCHED_PAYMENT_NOT_FOUND', 'UNMATCHED_PAYMENT_ASSIGNED', 'DOSSIER_NOT_FOUND', 'PAYMENT_NOT_DUE']) expect(op?.responses['4XX']?.description).toContain(code);
  });
});
