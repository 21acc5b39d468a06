/**
 * The fee payment screen in the fit test (tests/e2e/screens-fit.test.ts): the centre's bank account, and one result
 * in the locker whose fees are part paid. It stays unpaid, so every mode and viewport shows the same screen at its
 * fullest (the amount still due, the part received, the account's longest name).
 */
import { createHmac } from 'node:crypto';
import type { RunningAgent } from '../../../kiosk-agent/src/compose/start-agent';
import type { SiteConfigInput } from '../../../kiosk-agent/src/config/site-config-schema';
import { paymentReferenceOf } from '../../../shared/payment-reference';
import { postJson } from '../../support/http';
import { depositInLocker, STAFF } from '../../support/lockers';

const SECRET = 'bi-mat-webhook-kiem-tra-vua-man-hinh';

export const FIT_PAYMENTS: SiteConfigInput['payments'] = {
  bankBin: '970415',
  accountNumber: '113366668888',
  accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG XA CAT TIEN',
  webhookSecret: SECRET,
};

/** The result whose fees are due: its slip scanned opens the payment screen. */
export const FEE_DOSSIER = '000.00.15.H29-261202-0090';

/** Stores it with two fees (1.250.000 đồng), puts it in the locker, and lets the "bank" confirm 250.000 of it. */
export async function owingFees(agent: RunningAgent): Promise<void> {
  const fees = [
    { name: 'Lệ phí cấp giấy chứng nhận quyền sử dụng đất', amount: 1_000_000 },
    { name: 'Phí thẩm định hồ sơ', amount: 250_000 },
  ];
  const created = await postJson(`${agent.url}/api/dossiers`, { code: FEE_DOSSIER, procedure: 'Cấp giấy chứng nhận quyền sử dụng đất', applicantName: 'Nguyễn Thị Phương Thảo', dueDate: '2026-12-05', status: 'ready', fees }, STAFF);
  if (created.status !== 200) throw new Error(`fee dossier not stored: ${JSON.stringify(created.body)}`);
  await depositInLocker(agent, FEE_DOSSIER, { applicantName: 'Nguyễn Thị Phương Thảo', phone: '0912345678', procedure: 'Cấp giấy chứng nhận quyền sử dụng đất' });
  const raw = JSON.stringify({ reference: paymentReferenceOf(FEE_DOSSIER), amount: 250_000, transactionId: 'FT-FIT-1', paidAt: new Date().toISOString() });
  const paid = await postJson(`${agent.url}/api/payments/webhook`, raw, { 'x-signature': createHmac('sha256', SECRET).update(raw).digest('hex') });
  if (paid.status !== 200) throw new Error(`part payment refused: ${JSON.stringify(paid.body)}`);
}
