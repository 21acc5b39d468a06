/**
 * The demo shows fees by VietQR end to end (README "Demo"): `npm start`'s own config and seed, started as main.ts
 * starts it. The sample dossier with an unpaid fee looks up with its amount and VietQR, stays shut (402), the demo
 * panel's "bank" pays it through the signed payment webhook (the agent hears `payment.received` as for a real bank),
 * a second press pays nothing more, the door opens — and the next start owes the fee again. Outside the demo there is
 * no demo bank, and a site config that copies the demo's published webhook secret is refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_WEBHOOK_SECRET } from '../../kiosk-agent/src/config/demo-config';
import { ConfigError, loadSiteConfigFile } from '../../kiosk-agent/src/config/load-config';
import type { ErrorBody } from '../../shared/api-schemas';
import { DEMO_DOSSIERS, demoFeeTotal } from '../../shared/demo-dossiers';
import type { DossierLookup } from '../../shared/dossier-schemas';
import type { DemoBankTransfer } from '../../shared/payment-schemas';
import { parseVietQr } from '../../shared/vietqr';
import { collectEvents } from '../support/event-collector';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const FEE_DOSSIER = DEMO_DOSSIERS.find((d) => d.fees?.length)!;
const DUE = demoFeeTotal(FEE_DOSSIER);

describe('the demo shows fees by VietQR end to end', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  const lookup = async () => (await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code: FEE_DOSSIER.code })).body;
  const open = () => postJson<ErrorBody & { compartment?: { lock: number } }>(`${agent.url}/api/pickup/open`, { code: FEE_DOSSIER.code, pickupCode: FEE_DOSSIER.locker!.pickupCode });
  const bankPays = () => postJson<DemoBankTransfer & ErrorBody>(`${agent.url}/api/demo/bank/transfer`, { dossierCode: FEE_DOSSIER.code });

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
  });
  afterAll(async () => {
    await agent?.stop();
    dir.cleanup();
  });

  it('the fee dossier: amount and VietQR, 402, the demo bank pays through the webhook, a second press pays nothing, 200', async () => {
    expect(DUE).toBeGreaterThan(0);
    const first = await lookup();
    expect(first).toMatchObject({ inLocker: true, payment: { total: DUE, paid: 0, due: DUE, vietqr: { bankName: 'Ngân hàng mô phỏng (demo)' } } });
    const qr = parseVietQr(first.payment!.vietqr!.payload);
    expect(qr).toMatchObject({ amount: DUE, accountNumber: 'DEMO0000000000', purpose: first.payment!.vietqr!.reference, crcValid: true });

    const refused = await open();
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([402, 'PAYMENT_REQUIRED', { amount: DUE }]);
    expect(agent.simulators.locker!.isOpen(0, FEE_DOSSIER.locker!.lock)).toBe(false);

    const heard = await collectEvents(agent.url);
    try {
      const paid = await bankPays();
      expect([paid.status, paid.body]).toEqual([200, { status: 'recorded', dossierCode: FEE_DOSSIER.code, amount: DUE, due: 0 }]);
      // What the kiosk on the QR screen waits for: the same event a real bank's webhook causes.
      await heard.next('payment.received', (e) => e.data.dossierCode === FEE_DOSSIER.code && e.data.due === 0);
    } finally {
      heard.close();
    }
    expect((await lookup()).payment).toBeUndefined();

    const again = await bankPays();
    expect([again.status, again.body]).toEqual([200, { status: 'nothing-due', dossierCode: FEE_DOSSIER.code, amount: 0, due: 0 }]);

    const opened = await open();
    expect([opened.status, opened.body.compartment?.lock]).toEqual([200, FEE_DOSSIER.locker!.lock]);
  });

  it('every start owes the fee again, so each demo begins the same', async () => {
    await agent.stop();
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    expect((await lookup()).payment).toMatchObject({ total: DUE, paid: 0, due: DUE });
  });

  it('outside the demo: no demo bank (even with simulated devices and payments), and the demo secret is refused in a site file', async () => {
    const site = tempDir();
    const payments = { bankBin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PHUC VU HCC', webhookSecret: 'a-site-secret-0123456789' };
    const other = await startKioskAgent({ config: { ...testConfig(site.path), payments }, port: 0, dataDir: site.path, logLevel: 'silent' });
    try {
      expect((await postJson(`${other.url}/api/demo/bank/transfer`, { dossierCode: FEE_DOSSIER.code })).status).toBe(404);
    } finally {
      await other.stop();
    }
    const file = join(site.path, 'site.json');
    writeFileSync(file, JSON.stringify({ ...testConfig(site.path), payments: { ...payments, webhookSecret: DEMO_WEBHOOK_SECRET } }));
    expect(() => loadSiteConfigFile(file)).toThrow(ConfigError);
    site.cleanup();
  });
});
