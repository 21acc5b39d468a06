/**
 * Fees by VietQR over real HTTP on each store (a lone kiosk's SQLite, a centre's PostgreSQL): an unpaid result stays
 * shut (402, no frame to the boards), the bank's signed webhook pays it (a bad signature refused, a repeat ignored,
 * a short amount leaving the rest due, an unknown reference kept for staff), then the door opens and the receipt
 * shows the fee and the transactions; an officer takes cash for another; the fees report adds it all up.
 */
import { createHmac } from 'node:crypto';
import { describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { parseVietQr } from '../../shared/vietqr';
import { agentTest } from '../support/agent-fixture';
import { PAYMENTS, WEBHOOK_SECRET as SECRET, webhook } from '../support/bank-webhook';
import { getJson, postJson } from '../support/http';
import { depositInLocker, STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';
import { waitUntil } from '../support/socat';

const LOCKER = { driver: 'simulated' as const, boards: [{ address: 0, locks: 4 }], pollMs: 50 };
const STORES = {
  sqlite: agentTest({ config: () => ({ locker: LOCKER, payments: PAYMENTS }), eventHeaders: STAFF }),
  postgres: agentTest({ config: async () => ({ locker: LOCKER, payments: PAYMENTS, store: { driver: 'postgres', url: await freshDatabase() } }), eventHeaders: STAFF }),
};

const PAID = '000.00.15.H29-261120-0031';
const CASH = '000.00.15.H29-261120-0032';
const FEES = [
  { name: 'Lệ phí chứng thực', amount: 30_000 },
  { name: 'Phí sao y', amount: 20_000 },
];

const UNLOCK = 0x31;
const unlockFrames = (agent: RunningAgent) => agent.simulators.locker!.received.filter((f) => f[2] === UNLOCK).length;

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('fees paid by VietQR before a locker pickup (%s)', (kind) => {
  const it = STORES[kind];

  it('unpaid stays shut; the signed webhook pays it; the receipt shows the fee; cash by an officer; the fees report', async ({ agent, heard }) => {
    const url = agent.url;
    const lookup = async (code: string) => (await postJson<DossierLookup>(`${url}/api/pickup/lookup`, { code })).body;

    // A result whose fees are due (one-stop status 6) goes into the locker with its fees.
    expect((await postJson(`${url}/api/dossiers`, { code: PAID, procedure: 'Chứng thực bản sao', applicantName: 'Lê Thị Hoa', dueDate: '2026-12-05', status: 6, fees: FEES }, STAFF)).status).toBe(200);
    const dep = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${url}/api/lockers/deposit`, { dossierCode: PAID }, STAFF);
    expect(dep.status).toBe(200);
    agent.simulators.locker!.closeDoor(dep.body.compartment.board, dep.body.compartment.lock);
    await waitUntil(async () => (await lookup(PAID)).inLocker, 3000, 'in the locker');

    // Lookup: the amount and a dynamic VietQR for exactly that amount, to the centre's account, with the reference.
    const first = await lookup(PAID);
    expect(first.payment).toMatchObject({ total: 50_000, paid: 0, due: 50_000, fees: FEES, vietqr: { reference: 'HS0000015H292611200031', bankName: 'VietinBank', accountName: PAYMENTS.accountName } });
    expect(parseVietQr(first.payment!.vietqr!.payload)).toMatchObject({
      initiation: '12', bankBin: '970415', accountNumber: '113366668888', service: 'QRIBFTTA', currency: '704', amount: 50_000, country: 'VN', purpose: 'HS0000015H292611200031', crcValid: true,
    });

    // Open with the right code: 402 with the amount, and not one unlock frame reached the boards.
    const framesBefore = unlockFrames(agent);
    const refused = await postJson<ErrorBody>(`${url}/api/pickup/open`, { code: PAID, pickupCode: dep.body.pickupCode });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([402, 'PAYMENT_REQUIRED', { amount: 50_000 }]);
    expect(unlockFrames(agent)).toBe(framesBefore);
    expect(agent.simulators.locker!.isOpen(dep.body.compartment.board, dep.body.compartment.lock)).toBe(false);

    // Signatures: missing, made with another secret, or over other bytes: 401, nothing recorded.
    const short = { reference: 'MBVCB.3301.HS0000015H292611200031.CT tu LE THI HOA', amount: 20_000, transactionId: 'FT26326001', paidAt: '2026-11-22T09:05:00+07:00' };
    expect((await webhook(agent, short, null)).status).toBe(401);
    const forged = await webhook(agent, short, 'another-secret-0123456789');
    expect([forged.status, forged.body.error.code]).toEqual([401, 'PAYMENT_SIGNATURE_INVALID']);
    const sig = createHmac('sha256', SECRET).update(JSON.stringify(short)).digest('hex');
    const tampered = await postJson<ErrorBody>(`${url}/api/payments/webhook`, JSON.stringify({ ...short, amount: 50_000 }), { 'x-signature': sig });
    expect(tampered.status).toBe(401);
    expect((await lookup(PAID)).payment?.due).toBe(50_000);

    // Short: recorded, still unpaid, the rest shown (and asked for by the QR), staff alerted, the kiosk told.
    expect((await webhook(agent, short)).body).toEqual({ status: 'recorded', dossierCode: PAID, due: 30_000 });
    await heard.next('payment.received', (e) => e.data.dossierCode === PAID && e.data.due === 30_000);
    await heard.next('staff.alert', (e) => e.data.kind === 'payment-short' && e.data.dossierCode === PAID);
    const rest = await lookup(PAID);
    expect([rest.payment?.paid, rest.payment?.due, parseVietQr(rest.payment!.vietqr!.payload).amount]).toEqual([20_000, 30_000, 30_000]);
    expect((await postJson<ErrorBody>(`${url}/api/pickup/open`, { code: PAID, pickupCode: dep.body.pickupCode })).body.error.details).toEqual({ amount: 30_000 });

    // The same delivery again: 200, nothing recorded twice.
    expect((await webhook(agent, short)).body).toEqual({ status: 'duplicate' });
    expect((await lookup(PAID)).payment?.due).toBe(30_000);

    // An unknown reference: 404, kept for staff, alerted.
    const stray = { reference: 'chuyen tien hoc phi', amount: 75_000, transactionId: 'FT26326999', paidAt: '2026-11-22T09:06:00+07:00' };
    expect((await webhook(agent, stray)).body.error.code).toBe('PAYMENT_REFERENCE_UNKNOWN');
    expect((await webhook(agent, stray)).status).toBe(404);
    await heard.next('staff.alert', (e) => e.data.kind === 'payment-unmatched');
    const unmatched = await getJson<{ transactionId: string; amount: number; reference: string }[]>(`${url}/api/payments/unmatched`, STAFF);
    expect(unmatched.body.map((u) => [u.transactionId, u.amount, u.reference])).toEqual([['FT26326999', 75_000, 'chuyen tien hoc phi']]);

    // The rest, by its own transaction, with the bare reference: paid; the kiosk's lookup no longer asks.
    const restPaid = { reference: 'HS0000015H292611200031', amount: 30_000, transactionId: 'FT26326002', paidAt: '2026-11-22T09:08:00+07:00' };
    expect((await webhook(agent, restPaid)).body).toEqual({ status: 'recorded', dossierCode: PAID, due: 0 });
    await heard.next('payment.received', (e) => e.data.dossierCode === PAID && e.data.due === 0);
    expect((await lookup(PAID)).payment).toBeUndefined();

    // Now the door opens; shut, the receipt names the fee and both transactions.
    const opened = await postJson<{ compartment: { board: number; lock: number } }>(`${url}/api/pickup/open`, { code: PAID, pickupCode: dep.body.pickupCode });
    expect(opened.status).toBe(200);
    expect(unlockFrames(agent)).toBe(framesBefore + 1);
    agent.simulators.locker!.closeDoor(opened.body.compartment.board, opened.body.compartment.lock);
    await heard.next('pickup.completed', (e) => e.data.dossierCode === PAID, 5000);
    const receipt = agent.simulators.printer!.jobs.map((j) => j.decoded.text).find((t) => t.includes(PAID))!;
    expect(receipt).toContain('Phí, lệ phí đã nộp: 50.000 đ');
    expect(receipt).toContain('Chuyển khoản, mã giao dịch: FT26326001');
    expect(receipt).toContain('Chuyển khoản, mã giao dịch: FT26326002');

    // Cash at the counter by an officer (fees set before the deposit and kept by it).
    await postJson(`${url}/api/dossiers`, { code: CASH, procedure: 'Cấp bản sao trích lục hộ tịch', applicantName: 'Phạm Minh', dueDate: '2026-12-05', status: 'ready', fees: [{ name: 'Lệ phí', amount: 100_000 }] }, STAFF);
    await depositInLocker(agent, CASH, { procedure: 'Cấp bản sao trích lục hộ tịch', applicantName: 'Phạm Minh' });
    expect((await lookup(CASH)).payment?.due).toBe(100_000);
    expect((await postJson(`${url}/api/dossiers/${CASH}/payment`, { amount: 100_000 })).status).toBe(401);
    const officer = await signedIn(agent, `thu-ngan-${kind}`, 'officer');
    const cash = await postJson(`${url}/api/dossiers/${CASH}/payment`, { amount: 100_000 }, officer);
    expect([cash.status, cash.body]).toEqual([200, { dossierCode: CASH, total: 100_000, paid: 100_000, due: 0 }]);
    expect((await postJson<ErrorBody>(`${url}/api/dossiers/${CASH}/payment`, { amount: 1000 }, officer)).body.error.code).toBe('PAYMENT_NOT_DUE');
    expect((await lookup(CASH)).payment).toBeUndefined();
    const supervisor = await signedIn(agent, `giam-sat-${kind}`, 'supervisor');
    const audit = await getJson<{ actor: string; subject: string | null }[]>(`${url}/api/audit?action=dossiers.payment`, supervisor);
    expect(audit.body.map((a) => [a.actor, a.subject])).toEqual([[`thu-ngan-${kind}`, CASH]]);

    // The fees report: one row per day and procedure, each payment once (the duplicate is not there).
    expect((await fetch(`${url}/api/reports/fees.csv?from=2026-11-22&to=2026-11-22`, { headers: officer })).status).toBe(403);
    const csvRes = await fetch(`${url}/api/reports/fees.csv?from=2026-11-01&to=2026-12-31`, { headers: supervisor });
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = (await csvRes.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[0]).toBe('Ngày,Thủ tục,Số khoản nộp,Chuyển khoản (đồng),Tiền mặt (đồng),Tổng (đồng)');
    const today = csv.find((l) => l.includes('Cấp bản sao'))!.split(',')[0]!;
    expect(csv.slice(1)).toEqual([
      ...['2026-11-22,Chứng thực bản sao,2,50000,0,50000', `${today},Cấp bản sao trích lục hộ tịch,1,0,100000,100000`].sort(),
      'Tổng cộng,,3,50000,100000,150000',
    ]);
  });
});
