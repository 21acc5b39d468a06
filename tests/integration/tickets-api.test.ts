/**
 * The agent over real HTTP and the simulated printer over real TCP: what a kiosk, an integrator and the printer see.
 */
import { createServer } from 'node:net';
import { describe, expect } from 'vitest';
import type { ErrorBody, FullHealth, IssuedTicket, TicketView } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF_TOKEN } from '../support/test-config';

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const it = agentTest();
// Each printer below is another config, so another agent.
const itWithPrinterUnreachable = agentTest({ config: async () => ({ printer: { driver: 'escpos', interface: `tcp://127.0.0.1:${await closedPort()}`, timeoutMs: 1000 } }) });
const itInRasterMode = agentTest({ config: () => ({ printer: { driver: 'simulated', text: 'raster' } }) });

describe('POST /api/tickets with the simulated printer (cp1258)', () => {
  it.afterEach(({ agent }) => agent.simulators.printer!.setState({ paper: 'ok', coverOpen: false, offline: false }));

  it('prints the ticket before replying; the decoded job holds the number and service name exactly', async ({ agent }) => {
    const sim = agent.simulators.printer!;
    const before = sim.jobs.length;
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'A001', serviceId: 'tu-phap', priority: null, printed: true, ahead: 0 });
    // The reply came after the printer took the last byte: the job is already recorded.
    expect(sim.jobs.length).toBe(before + 1);
    const job = sim.jobs.at(-1)!;
    const lines = job.decoded.lines.map((l) => l.normalize('NFC').trim());
    expect(lines).toContain('A001');
    expect(lines).toContain('Tư pháp – Hộ tịch'.normalize('NFC'));
    expect(lines).toContain('Trung tâm Phục vụ hành chính công xã Cát Tiên'.toUpperCase().normalize('NFC'));
    expect(job.decoded.qrCodes).toEqual([res.body.trackUrl]);
    expect(res.body.trackUrl).toBe(`${agent.url}/track/${res.body.id}`);
    expect(job.decoded.cuts).toBe(1);
    expect(job.decoded.codePages).toContain(52);
  });

  it('marks priority tickets on the slip and puts them ahead', async ({ agent }) => {
    await postJson(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' });
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'dat-dai', priority: 'elderly' });
    expect(res.body).toMatchObject({ number: 'D002', priority: 'elderly', ahead: 0 });
    expect(agent.simulators.printer!.jobs.at(-1)!.decoded.text.normalize('NFC')).toContain('ƯU TIÊN – Người cao tuổi');
    const view = await getJson<TicketView>(`${agent.url}/api/tickets/${res.body.id}`);
    expect(view.body).toMatchObject({ number: 'D002', status: 'waiting', ahead: 0 });
  });

  it('out of paper: 201 with printed false and the reason; the ticket is kept and health shows it', async ({ agent }) => {
    const sim = agent.simulators.printer!;
    sim.setState({ paper: 'out' });
    const jobsBefore = sim.jobs.length;
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(res.status).toBe(201);
    expect(res.body.printed).toBe(false);
    expect(res.body.printError?.code).toBe('PRINTER_PAPER_OUT');
    expect(res.body.printError?.message).toMatch(/hết giấy/);
    expect(sim.jobs.length).toBe(jobsBefore);
    const view = await getJson<TicketView>(`${agent.url}/api/tickets/${res.body.id}`);
    expect(view.body).toMatchObject({ number: res.body.number, status: 'waiting' });
    const health = await getJson<FullHealth>(`${agent.url}/api/health`);
    expect(health.body.status).toBe('degraded');
    expect(health.body.devices.printer.state).toBe('paper-out');
    // Paper back: the next ticket prints and the number continues, none skipped or reused.
    sim.setState({ paper: 'ok' });
    const next = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(next.body.printed).toBe(true);
    expect(Number(next.body.number.slice(1))).toBe(Number(res.body.number.slice(1)) + 1);
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.printer.state).toBe('ready');
  });

  it('cover open is reported with its own code', async ({ agent }) => {
    agent.simulators.printer!.setState({ coverOpen: true });
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(res.body).toMatchObject({ printed: false, printError: { code: 'PRINTER_COVER_OPEN' } });
  });

  it('unknown serviceId → 404 SERVICE_NOT_FOUND', async ({ agent }) => {
    const res = await postJson<ErrorBody>(`${agent.url}/api/tickets`, { serviceId: 'khong-co' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('SERVICE_NOT_FOUND');
  });

  it('malformed bodies → 400 VALIDATION_FAILED naming the fields; no 500, no stack', async ({ agent }) => {
    const cases: [unknown, string[]][] = [
      [{}, ['serviceId']],
      [{ serviceId: 'tu-phap', priority: 'vip' }, ['priority']],
      [{ serviceId: 42, extra: true }, ['serviceId', '(body)']],
      ['{"serviceId": ', ['(body)']],
      ['[]', ['(body)']],
    ];
    for (const [body, fields] of cases) {
      const res = await postJson<ErrorBody>(`${agent.url}/api/tickets`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(fields));
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('lists services with waiting counts and estimated waits', async ({ agent }) => {
    const res = await getJson<{ id: string; waiting: number; estimatedWaitMinutes: number; prefix: string }[]>(`${agent.url}/api/services`);
    expect(res.body.map((s) => s.id)).toEqual(['tu-phap', 'dat-dai']);
    expect(res.body[0]!.waiting).toBeGreaterThan(0);
    expect(res.body[0]!.estimatedWaitMinutes).toBeGreaterThan(0);
  });

  it('pushes ticket.issued on WS /api/events', async ({ agent, heard }) => {
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' });
    const event = await heard.next('ticket.issued'); // the first since the socket opened: no other test listens
    expect(event.data).toMatchObject({ id: res.body.id, number: res.body.number });
  });

  it('staff routes need a token; call-next honours priority', async ({ agent }) => {
    expect((await postJson<ErrorBody>(`${agent.url}/api/counters/2/call-next`, {})).status).toBe(401);
    expect((await postJson<ErrorBody>(`${agent.url}/api/counters/2/call-next`, {}, { authorization: 'Bearer wrong-token-xxxxxxxx' })).status).toBe(401);
    const auth = { authorization: `Bearer ${STAFF_TOKEN}` };
    const called = await postJson<{ ticket: TicketView }>(`${agent.url}/api/counters/2/call-next`, {}, auth);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ status: 'called', counterId: '2' });
    expect((await postJson<ErrorBody>(`${agent.url}/api/counters/nope/call-next`, {}, auth)).body.error.code).toBe('COUNTER_NOT_FOUND');
  });

  it('serves an OpenAPI 3.1 document covering the contract routes', async ({ agent }) => {
    const doc = await getJson<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(`${agent.url}/api/openapi.json`);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/services', 'get'],
      ['/api/tickets', 'post'],
      ['/api/tickets/{id}', 'get'],
      ['/api/counters/{id}/call-next', 'post'],
      ['/api/dossiers', 'post'],
      ['/api/pickup/lookup', 'post'],
    ] as const) {
      expect(doc.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(JSON.stringify(doc.body.paths['/api/tickets'])).toContain('elderly');
  });

  it('unknown API paths get a coded 404', async ({ agent }) => {
    const res = await getJson<ErrorBody>(`${agent.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('printer unreachable', () => {
  itWithPrinterUnreachable('201 with printed false and PRINTER_OFFLINE; the ticket still exists', async ({ agent }) => {
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'A001', printed: false, printError: { code: 'PRINTER_OFFLINE' } });
    expect((await getJson<TicketView>(`${agent.url}/api/tickets/${res.body.id}`)).body.number).toBe('A001');
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.printer.state).toBe('offline');
  });
});

describe('raster text mode', () => {
  itInRasterMode('sends the text as GS v 0 bitmaps that fit the paper, with the QR and a cut', async ({ agent }) => {
    const res = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(res.body.printed).toBe(true);
    const job = agent.simulators.printer!.jobs.at(-1)!.decoded;
    expect(job.images.length).toBeGreaterThanOrEqual(2);
    for (const img of job.images) expect(img.widthDots).toBeLessThanOrEqual(576);
    expect(job.text).not.toMatch(/Tư pháp/);
    expect(job.qrCodes).toEqual([res.body.trackUrl]);
    expect(job.cuts).toBe(1);
  });
});
