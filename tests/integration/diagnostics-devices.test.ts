/**
 * Diagnostics against the simulators, healthy and in fault states: test prints decoded at the printer, paper out,
 * compartments with and without a citizen's result, a lock board that does not answer, a configured serial port
 * that is missing, the self-test and the support bundle.
 */
import { describe, expect } from 'vitest';
import type { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { hashTechnicianPin } from '../../kiosk-agent/src/config/technician-pin';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';
import { STAFF_TOKEN } from '../support/test-config';

const PIN = '975310';
const CODE = '000.00.15.H29-251120-0007';
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

const it = agentTest({
  config: async () => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }, { address: 1, locks: 2 }], pollMs: 50 },
    scanner: { driver: 'simulated' },
    technician: { pinHash: await hashTechnicianPin(PIN) },
  }),
});
// A scanner on a port that is not there is another config, so another agent.
const itWithMissingPort = agentTest({
  config: async (dataDir) => ({ scanner: { driver: 'serial', path: `${dataDir}/no-such-tty`, baudRate: 9600 }, technician: { pinHash: await hashTechnicianPin(PIN) } }),
});

describe('diagnostics with the simulated devices', () => {
  let bus: SimulatedLockerBus;
  let auth: Record<string, string>;

  it.beforeAll(async ({ agent }) => {
    bus = agent.simulators.locker!;
    const session = await postJson<{ token: string }>(`${agent.url}/api/diagnostics/session`, { pin: PIN });
    auth = { authorization: `Bearer ${session.body.token}` };
  });

  it('prints the Vietnamese sample and the code-page chart, each cut; the printer receives exactly that', async ({ agent }) => {
    const sample = await postJson<{ printed: boolean }>(`${agent.url}/api/diagnostics/printer/test-print`, { kind: 'sample' }, auth);
    expect(sample.status).toBe(200);
    const text = agent.simulators.printer!.jobs.at(-1)!.decoded.text.normalize('NFC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('ư ừ ứ ử ữ ự');
    expect(text).toContain('Chế độ chữ: cp1258 (ESC t 52)');
    const chart = await postJson(`${agent.url}/api/diagnostics/printer/test-print`, { kind: 'code-page' }, auth);
    expect(chart.status).toBe(200);
    const bytes = agent.simulators.printer!.jobs.at(-1)!.bytes;
    const row = Buffer.from(bytes).indexOf(Buffer.from('C_ ', 'latin1'));
    expect(row).toBeGreaterThan(0);
    expect([...bytes.slice(row + 3, row + 7)]).toEqual([0xc0, 0x20, 0xc1, 0x20]);
    expect([...bytes.slice(-4)]).toContain(0x56); // GS V: the cut
  });

  it('out of paper: the test print fails with the printer code and the advice says to load paper; audited', async ({ agent }) => {
    agent.simulators.printer!.setState({ paper: 'out' });
    try {
      const res = await postJson<ErrorBody>(`${agent.url}/api/diagnostics/printer/test-print`, { kind: 'sample' }, auth);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('PRINTER_PAPER_OUT');
      const printer = await getJson<{ state: string; advice: string[]; status: { printerStatus: number; offlineCause?: number; paperSensor: number; bits: Record<string, boolean> } }>(`${agent.url}/api/diagnostics/printer`, auth);
      expect(printer.body.state).toBe('paper-out');
      // The printer's own answers, as an Epson-compatible printer gives them without paper: DLE EOT 1 = 0x1A (it is
      // offline because the paper ran out), DLE EOT 2 = 0x32 (stopped by paper end), DLE EOT 4 = 0x7E.
      expect(printer.body.status).toMatchObject({ printerStatus: 0x1a, offlineCause: 0x32, paperSensor: 0x7e });
      expect(printer.body.status.bits).toEqual({ offline: true, coverOpen: false, paperNearEnd: true, paperEnd: true });
      expect(printer.body.advice[0]).toMatch(/Nạp cuộn giấy in nhiệt 80 mm/i);
    } finally {
      agent.simulators.printer!.setState({ paper: 'ok' });
    }
    const audit = await getJson<{ action: string; outcome: string; detail: Record<string, unknown> }[]>(`${agent.url}/api/diagnostics/audit?limit=3`, auth);
    expect(audit.body[0]).toMatchObject({ action: 'printer.test-print', outcome: 'failed', detail: { kind: 'sample', code: 'PRINTER_PAPER_OUT' } });
  });

  it("a compartment holding a citizen's result opens only with a reason, which is audited", async ({ agent }) => {
    await postJson(`${agent.url}/api/dossiers`, { code: CODE, procedure: 'Chứng thực bản sao', applicantName: 'Lê Thị Hoa', dueDate: '2026-11-25', status: 'ready' }, STAFF);
    const deposit = await postJson<{ compartment: { board: number; lock: number } }>(`${agent.url}/api/lockers/deposit`, { dossierCode: CODE }, STAFF);
    const { board, lock } = deposit.body.compartment;
    bus.closeDoor(board, lock);
    // The dossier is "in the locker" once the agent has seen the door shut (its next poll).
    await waitUntil(async () => (await postJson<{ inLocker: boolean }>(`${agent.url}/api/pickup/lookup`, { code: CODE })).body.inLocker, 3000, 'the agent to see the door shut');
    const grid = await getJson<{ compartments: { board: number; lock: number; open: boolean | null; dossierCode: string | null }[] }>(`${agent.url}/api/diagnostics/lockers`, auth);
    expect(grid.body.compartments).toHaveLength(6);
    expect(grid.body.compartments.find((c) => c.board === board && c.lock === lock)).toMatchObject({ open: false, dossierCode: CODE });

    const refused = await postJson<ErrorBody>(`${agent.url}/api/diagnostics/lockers/open`, { board, lock }, auth);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('REASON_REQUIRED');
    expect(bus.isOpen(board, lock)).toBe(false);

    const opened = await postJson<{ open: boolean; dossierCode: string }>(`${agent.url}/api/diagnostics/lockers/open`, { board, lock, reason: 'Kiểm tra khóa kẹt theo phiếu sửa chữa 12' }, auth);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ open: true, dossierCode: CODE });
    expect(bus.isOpen(board, lock)).toBe(true);
    bus.closeDoor(board, lock);
    const audit = await getJson<{ action: string; detail: Record<string, unknown> }[]>(`${agent.url}/api/diagnostics/audit?limit=1`, auth);
    expect(audit.body[0]).toMatchObject({ action: 'locker.open', detail: { board, lock, dossierCode: CODE, reason: 'Kiểm tra khóa kẹt theo phiếu sửa chữa 12' } });
  });

  it("the scanner's live view shows accepted and refused frames with their bytes in hex, newest first", async ({ agent }) => {
    await agent.simulators.scanner!.scan('000.00.15.H29-250704-0012');
    await agent.simulators.scanner!.sendRaw(Uint8Array.from([0xff, 0xfe, 0x41, 0x0d]));
    await waitUntil(async () => (await getJson<{ recent: unknown[] }>(`${agent.url}/api/diagnostics/scanner`, auth)).body.recent.length >= 2, 3000, 'two frames');
    const view = await getJson<{ status: { state: string }; recent: { accepted: boolean; code?: string; reason?: string; hex: string }[] }>(`${agent.url}/api/diagnostics/scanner`, auth);
    expect(view.body.status.state).toBe('ready');
    expect(view.body.recent[0]).toMatchObject({ accepted: false, hex: 'ff fe 41' });
    expect(view.body.recent[1]).toMatchObject({ accepted: true, code: '000.00.15.H29-250704-0012', hex: expect.stringMatching(/^30 30 30 2e 30 30 2e 31 35 2e 48 32 39 2d/) });
  });

  it('"open all" needs a confirmation', async ({ agent }) => {
    const res = await postJson<ErrorBody>(`${agent.url}/api/diagnostics/lockers/open-all`, { confirm: false, reason: 'kiểm tra' }, auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(bus.state().flatMap((b) => b.open)).toEqual([]);
  });

  it('a board that does not answer: the grid says which, opening there times out, the self-test names it with what to check', async ({ agent }) => {
    bus.setSilent(1, true);
    try {
      const grid = await getJson<{ boards: { address: number; answered: boolean; error?: { code: string } }[]; compartments: { board: number; open: boolean | null }[] }>(`${agent.url}/api/diagnostics/lockers`, auth);
      expect(grid.body.boards).toEqual([{ address: 0, answered: true }, { address: 1, answered: false, error: expect.objectContaining({ code: 'LOCKER_TIMEOUT' }) }]);
      expect(grid.body.compartments.filter((c) => c.board === 1).map((c) => c.open)).toEqual([null, null]);
      const open = await postJson<ErrorBody>(`${agent.url}/api/diagnostics/lockers/open`, { board: 1, lock: 2 }, auth);
      expect(open.status).toBe(504);
      expect(open.body.error.code).toBe('LOCKER_TIMEOUT');
      const report = await postJson<{ ok: boolean; checks: { name: string; ok: boolean; advice: string[] }[] }>(`${agent.url}/api/diagnostics/self-test`, {}, auth);
      expect(report.body.ok).toBe(false);
      const failed = report.body.checks.filter((c) => !c.ok);
      expect(failed.map((c) => c.name)).toEqual(['locker board 1']);
      expect(failed[0]!.advice.join(' ')).toMatch(/Công tắc địa chỉ/);
      expect(report.body.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['store', 'disk', 'printer', 'scanner', 'locker board 0']));
    } finally {
      bus.setSilent(1, false);
    }
  });

  it('prints the self-test report when asked, and exports a bundle without secrets', async ({ agent }) => {
    const report = await postJson<{ ok: boolean; printed: unknown }>(`${agent.url}/api/diagnostics/self-test`, { print: true }, auth);
    expect(report.body).toMatchObject({ ok: true, printed: true });
    expect(agent.simulators.printer!.jobs.at(-1)!.decoded.text.normalize('NFC')).toContain('TỰ KIỂM TRA KI-ỐT');
    const res = await fetch(`${agent.url}/api/diagnostics/bundle`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="motcua-diagnostics-.*\.json"/);
    const text = await res.text();
    expect(text).not.toContain(STAFF_TOKEN);
    expect(text).not.toContain('scrypt$');
    const bundle = JSON.parse(text) as { overview: { version: string }; selfTest: unknown[]; config: { staff: { tokens: string[] } }; audit: { action: string }[] };
    expect(bundle.config.staff.tokens).toEqual(['***']);
    expect(bundle.selfTest.length).toBeGreaterThan(4);
    expect(bundle.audit.map((a) => a.action)).toContain('locker.open');
  });
});

describe('diagnostics of a kiosk whose scanner port is missing', () => {
  itWithMissingPort('lists the configured port as absent, marks the self-test and says to replug the cable', async ({ agent }) => {
    const session = await postJson<{ token: string }>(`${agent.url}/api/diagnostics/session`, { pin: PIN });
    const auth = { authorization: `Bearer ${session.body.token}` };
    const ports = await getJson<{ configured: { path: string; usedBy: string; present: boolean }[]; source: string }>(`${agent.url}/api/diagnostics/serial-ports`, auth);
    expect(ports.status).toBe(200);
    expect(ports.body.configured).toEqual([{ path: `${agent.config.dataDir}/no-such-tty`, usedBy: 'máy quét', present: false }]);
    const report = await postJson<{ checks: { name: string; ok: boolean; advice: string[] }[] }>(`${agent.url}/api/diagnostics/self-test`, {}, auth);
    const port = report.body.checks.find((c) => c.name === `port ${agent.config.dataDir}/no-such-tty`)!;
    expect(port.ok).toBe(false);
    expect(port.advice[0]).toMatch(/cắm lại cáp USB của máy quét/);
    const scanner = report.body.checks.find((c) => c.name === 'scanner')!;
    expect(scanner.ok).toBe(false);
    expect(scanner.advice.join(' ')).toMatch(/Cáp USB của máy quét/);
    const log = await getJson<{ lines: { msg?: string }[] }>(`${agent.url}/api/diagnostics/log?lines=50`, auth);
    expect(log.body.lines.length).toBeGreaterThan(0);
  });
});
