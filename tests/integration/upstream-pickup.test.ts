/**
 * The kiosk with a province one-stop system (`upstream.driver: "http"`, a fake system on loopback): dossiers it
 * never saw are fetched and masked, a result in a locker stays "in locker" whatever the system says, the handover
 * is reported back ("đã trả kết quả", code 10) and retried until the system accepts it, the receipt prints, the
 * rating is taken once; when the system is down or slow the kiosk answers from what it knows.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import type { AgentEvent } from '../../shared/ws-events';
import { agentTest } from '../support/agent-fixture';
import { FakeOneStop } from '../support/fake-one-stop';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';

const upstreamDossier = (code: string, status: number | string = 9) => ({
  MaHoSo: code,
  TenThuTuc: 'Cấp bản sao trích lục khai sinh',
  ChuHoSo: 'Nguyễn Văn An',
  SoDienThoai: '0912345678',
  NgayHenTra: '2025-07-10',
  TrangThai: status,
});

const oneStop = new FakeOneStop();
const it = agentTest({
  config: () => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
    upstream: { driver: 'http', baseUrl: oneStop.baseUrl, token: 'one-stop-secret', timeoutMs: 400 },
    outbox: { pollMs: 50, minBackoffMs: 50 },
  }),
});

describe('pickup with a province one-stop system', () => {
  const events: AgentEvent[] = [];

  /** Deposits a dossier the one-stop system says is ready; returns its compartment and pickup code. */
  const deposit = async (agent: RunningAgent, code: string) => {
    oneStop.dossiers.set(code, upstreamDossier(code, 9));
    const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${agent.url}/api/lockers/deposit`, { dossierCode: code }, STAFF);
    expect(res.status).toBe(200);
    agent.simulators.locker!.closeDoor(res.body.compartment.board, res.body.compartment.lock);
    await waitUntil(async () => (await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.inLocker, 2000, 'in locker');
    return res.body;
  };

  beforeAll(() => oneStop.start()); // before the agent, which is given its address
  it.beforeAll(({ agent }) => {
    agent.events.subscribe((e) => events.push(e));
  });
  it.afterEach(({ agent }) => {
    oneStop.failNext = 0;
    oneStop.delayMs = 0;
    agent.simulators.printer!.setState({ paper: 'ok' });
  });
  afterAll(() => oneStop.stop());

  it('a dossier only the one-stop system knows is fetched, stored and shown masked', async ({ agent }) => {
    const code = '000.00.15.H29-250704-0101';
    oneStop.dossiers.set(code, upstreamDossier(code, 4));
    const res = await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code: `https://dichvucong.example.gov.vn/tra-cuu?MHS=${code}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, status: 'processing', applicant: 'Nguyễn V** A*', phone: '09******78', inLocker: false });
    expect(oneStop.lookups).toContain(code);
  });

  it('a code neither knows: 404 DOSSIER_NOT_FOUND', async ({ agent }) => {
    const res = await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-0199' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('DOSSIER_NOT_FOUND');
  });

  it('deposit → pickup → door shut: receipt printed, kiosk told, "đã trả kết quả" reported with the token, rating taken once', async ({ agent }) => {
    const code = '000.00.15.H29-250704-0102';
    const { compartment, pickupCode } = await deposit(agent, code);
    // The system still says 9 (result ready): the kiosk knows better, the papers are in its compartment.
    expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body).toMatchObject({ status: 'in-locker', inLocker: true });

    const early = await postJson<ErrorBody>(`${agent.url}/api/ratings`, { subject: 'pickup', reference: code, level: 3 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RATING_NOT_ALLOWED');

    oneStop.failNext = 2; // the report must survive two refusals
    const jobsBefore = agent.simulators.printer!.jobs.length;
    expect((await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode })).status).toBe(200);
    agent.simulators.locker!.closeDoor(compartment.board, compartment.lock);

    await waitUntil(() => events.some((e) => e.type === 'pickup.completed' && e.data.dossierCode === code), 3000, 'pickup.completed');
    const done = events.find((e) => e.type === 'pickup.completed' && e.data.dossierCode === code);
    expect(done?.data).toMatchObject({ board: compartment.board, lock: compartment.lock, receiptPrinted: true });
    const receipt = agent.simulators.printer!.jobs.slice(jobsBefore).map((j) => j.decoded.text).join('\n');
    expect(receipt).toContain('BIÊN NHẬN TRẢ KẾT QUẢ');
    expect(receipt).toContain(`Mã hồ sơ: ${code}`);
    expect(receipt).toContain('Nguyễn V** A*');
    expect(receipt).not.toContain('Nguyễn Văn An');

    await waitUntil(() => oneStop.reports.some((r) => r.code === code), 5000, 'report delivered');
    const report = oneStop.reports.find((r) => r.code === code)!;
    expect(report.authorization).toBe('Bearer one-stop-secret');
    expect(report.body).toMatchObject({ MaHoSo: code, TrangThai: 10, GhiChu: expect.stringContaining(`ngăn ${compartment.lock}`) });
    expect(Date.parse(String(report.body.ThoiGian))).toBeGreaterThan(Date.now() - 60_000);
    expect(oneStop.reports.filter((r) => r.code === code)).toHaveLength(1);

    const rated = await postJson<{ level: number; scale: number }>(`${agent.url}/api/ratings`, { subject: 'pickup', reference: code, level: 3 });
    expect(rated).toMatchObject({ status: 201, body: { level: 3, scale: 3 } });
    const again = await postJson<ErrorBody>(`${agent.url}/api/ratings`, { subject: 'pickup', reference: code, level: 1 });
    expect(again.status).toBe(409);
    const outOfScale = await postJson<ErrorBody>(`${agent.url}/api/ratings`, { subject: 'pickup', reference: code, level: 5 });
    expect(outOfScale.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a printer out of paper costs the receipt, never the handover', async ({ agent }) => {
    const code = '000.00.15.H29-250704-0103';
    const { compartment, pickupCode } = await deposit(agent, code);
    agent.simulators.printer!.setState({ paper: 'out' });
    const opened = await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    agent.simulators.locker!.closeDoor(compartment.board, compartment.lock);
    await waitUntil(() => events.some((e) => e.type === 'pickup.completed' && e.data.dossierCode === code), 3000, 'pickup.completed');
    const done = events.find((e) => e.type === 'pickup.completed' && e.data.dossierCode === code);
    expect(done?.data).toMatchObject({ receiptPrinted: false, receiptErrorCode: 'PRINTER_PAPER_OUT' });
    expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.status).toBe('returned');
  });

  it('the system down or slow: known dossiers are answered from the kiosk, unknown ones get a clear 503', async ({ agent }) => {
    const known = '000.00.15.H29-250704-0101';
    oneStop.failNext = 5;
    expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code: known })).body.status).toBe('processing');
    const unknown = await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-0198' });
    expect(unknown.status).toBe(503);
    expect(unknown.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('hệ thống một cửa') });
    expect(JSON.stringify(unknown.body)).not.toContain('one-stop-secret');

    oneStop.failNext = 0;
    oneStop.delayMs = 1500; // beyond upstream.timeoutMs (400 ms)
    const started = Date.now();
    const slow = await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-0197' });
    expect(slow.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1200);
  });
});
