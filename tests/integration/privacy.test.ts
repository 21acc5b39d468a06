/**
 * Personal data does not live forever and does not leak: a message carrying a pickup code expires with the code
 * (never sent late, never kept), finished dossiers lose the applicant's name and phone after the retention period,
 * delivered messages are deleted then, and the log masks phones and never holds a code.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import pino from 'pino';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { LOG_REDACTION } from '../../kiosk-agent/src/logger';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { FakeGateway } from '../support/fake-gateway';
import { postJson } from '../support/http';
import { STAFF, depositInLocker } from '../support/lockers';
import { waitUntil } from '../support/socat';

const PHONE = '0987654321';

const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+07:00'));
const gateway = new FakeGateway();
const logLines: string[] = [];
const it = agentTest({
  config: () => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 30 },
    notifier: { driver: 'webhook', url: gateway.url },
    outbox: { pollMs: 50, minBackoffMs: 50 },
    privacy: { retentionDays: 90, sweepMs: 1000 },
  }),
  clock,
  logger: pino({ level: 'info', redact: LOG_REDACTION }, new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) })),
});

describe('personal data over time', () => {
  const received = gateway.received;
  const db = (agent: RunningAgent) => new Database(join(agent.config.dataDir, 'kiosk.sqlite'), { readonly: true });

  beforeAll(async () => {
    gateway.failNext = Infinity; // down until a test brings it up
    await gateway.start();
  });
  afterAll(() => gateway.stop());

  const deposit = (agent: RunningAgent, code: string) => depositInLocker(agent, code, { procedure: 'Đăng ký kết hôn', applicantName: 'Nguyễn Thị Lan', phone: PHONE });

  it('a message with a pickup code that was not delivered before the code became void is never sent, and forgets the code', async ({ agent }) => {
    const code = '000.00.15.H29-251201-0601';
    const { lock, pickupCode } = await deposit(agent, code); // the gateway is down: the message waits in the outbox
    const pending = () => {
      const d = db(agent);
      try {
        return d.prepare('SELECT payload, done_at_ms AS doneAtMs, last_error AS lastError FROM outbox WHERE expires_with = ?').get(code) as { payload: string; doneAtMs: number | null; lastError: string | null };
      } finally {
        d.close();
      }
    };
    expect(pending().payload).toContain(pickupCode);
    // Staff take the result back: the code is void, and so is the message that carries it.
    const recalled = await postJson(`${agent.url}/api/lockers/recall`, { dossierCode: code }, STAFF);
    expect(recalled.status).toBe(200);
    agent.simulators.locker!.closeDoor(0, lock);
    const row = pending();
    expect(row.doneAtMs).not.toBeNull();
    expect(row.lastError).toBe('expired');
    expect(row.payload).not.toContain(pickupCode);
    gateway.failNext = 0;
    await new Promise((r) => setTimeout(r, 500));
    expect(received.some((m) => m.text.includes(pickupCode))).toBe(false);
  });

  it('after the retention period a returned dossier keeps its code and dates but loses name and phone; delivered messages go', async ({ agent }) => {
    const code = '000.00.15.H29-251201-0602';
    const { lock, pickupCode } = await deposit(agent, code);
    await waitUntil(() => received.some((m) => m.text.includes(code)), 3000, 'message delivered');
    const opened = await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode });
    expect(opened.status).toBe(200);
    agent.simulators.locker!.closeDoor(0, lock);
    await waitUntil(async () => (await postJson<{ status: string }>(`${agent.url}/api/pickup/lookup`, { code })).body.status === 'returned', 3000, 'returned');

    const row = () => {
      const d = db(agent);
      try {
        return {
          dossier: d.prepare('SELECT applicant_name AS name, phone, status, due_date AS dueDate FROM dossiers WHERE code = ?').get(code) as { name: string; phone: string | null; status: string; dueDate: string },
          messages: d.prepare(`SELECT COUNT(*) FROM outbox WHERE payload LIKE ?`).pluck().get(`%${code}%`) as number,
        };
      } finally {
        d.close();
      }
    };
    expect(row().dossier).toMatchObject({ name: 'Nguyễn Thị Lan', phone: PHONE });
    clock.advance(89 * 24 * 3_600_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(row().dossier.name).toBe('Nguyễn Thị Lan'); // not yet
    clock.advance(2 * 24 * 3_600_000);
    await waitUntil(() => row().dossier.name === '', 4000, 'anonymised');
    expect(row().dossier).toMatchObject({ name: '', phone: null, status: 'returned', dueDate: '2026-12-05' });
    expect(row().messages).toBe(0);
  });

  // Asks for the agent although it reads only the log: the agent's log, which it has written by then.
  it('the log masks phones and never holds a pickup code', ({ agent: _agent }) => {
    const all = logLines.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(PHONE);
    expect(all).not.toMatch(/Mã nhận: \d{6}/);
    const log = pino({ redact: LOG_REDACTION }, new Writable({ write: (c: Buffer, _e, done) => (logLines.push(c.toString()), done()) }));
    log.warn({ to: PHONE, pickupCode: '123456', token: 'secret-token', nested: { phone: PHONE }, code: 'PRINTER_TIMEOUT' }, 'x');
    const line = JSON.parse(logLines.at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ to: '09******21', pickupCode: '[redacted]', token: '[redacted]', nested: { phone: '09******21' }, code: 'PRINTER_TIMEOUT' });
    log.warn({ code: '000.00.15.H29-251201-0602' }, 'slip');
    expect((JSON.parse(logLines.at(-1)!) as { code: string }).code).toBe('[redacted]');
  });
});
