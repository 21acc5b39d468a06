/**
 * What a phone on the centre's Wi-Fi can and cannot do, proved across a real second network host. The agent runs
 * in network namespace A (the kiosk's own machine); namespace B, joined by a veth pair, is the other host on the
 * LAN, where a phone, a counter PC (staff token), a remote touchscreen (device token) and a stranger (wrong token)
 * each hold a socket and send requests. Why namespaces: a client on 127.0.0.1, or on the agent's own address,
 * counts as the kiosk itself (access-policy.ts: remote address loopback or equal to the local one), so only another
 * host exercises the public, staff and remote-kiosk paths. Traffic between the test's own namespace and a veth
 * does not pass on these machines, so both hosts — the kiosk's own HTTP client too — are processes started with
 * `ip netns exec` (tests/support/lan-client.ts); the test process talks to neither namespace directly.
 *
 * The lobby scenario (beforeAll) makes every kind of event happen while all sockets listen: a result deposited in a
 * locker, a slip scanned (it holds an ID number and the dossier code), the compartment opened and left open
 * (reminder, staff alert), shut (pickup completed, receipt printed), the printer's paper low, a ticket issued at
 * the kiosk and called by the counter PC. That call is the barrier: once the phone has it, it has every earlier
 * event the agent sent it. Needs root and iproute2.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TECHNICIAN_PIN, demoConfig } from '../../kiosk-agent/src/config/demo-config';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { EVENT_AUDIENCE, type AgentEventType, type EventAudience, type SocketAuthResult } from '../../shared/ws-events';
import type { LanCommand, LanReply } from '../support/lan-client';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLIENT = fileURLToPath(new URL('../support/lan-client.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../../kiosk-agent/src/main.ts', import.meta.url));
const run = promisify(execFile);

const pid = process.pid;
const [NS_A, NS_B, VETH_A, VETH_B] = [`lanA-${pid}`, `lanB-${pid}`, `lan${pid}a`, `lan${pid}b`];
const SUBNET = `10.231.${(pid % 250) + 1}`;
const PORT = 18000 + (pid % 1000);
const BASE = `http://${SUBNET}.1:${PORT}`;
const DEVICE_TOKEN = 'lobby-b-screen-device-token-0123456789abcdef';
const WRONG_TOKEN = `${DEVICE_TOKEN.slice(0, -1)}X`; // the same token with one character changed
const ID_NUMBER = '079123456789';
const DOSSIER = '000.00.15.H29-250704-0012';
const SLIP = `https://dichvucong.example.vn/tra-cuu?SGT=${ID_NUMBER}&MHS=${DOSSIER}`;
const STAFF = { authorization: `Bearer ${STAFF_TOKEN}` };
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

type ErrorReply = { error: { code: string; message: string } };
/** A message one of the host's sockets received: its raw text, and its type and data parsed. */
type Message = { socket: number; text: string; type: string; data: Record<string, unknown> };

/** One host: lan-client.ts inside a namespace, driven over stdin; its replies are kept in order. */
class Machine {
  readonly replies: LanReply[] = [];
  private readonly child: ChildProcess;
  private nextId = 1;
  private stderr = '';

  constructor(ns: string) {
    this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', CLIENT, BASE], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.replies.push(JSON.parse(line) as LanReply));
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString()));
  }

  private async answer(id: number, op: 'http' | 'ws', what: string): Promise<LanReply> {
    const find = () => this.replies.find((r) => r.op === op && r.id === id);
    await waitUntil(() => find() !== undefined, 15_000, what).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.stderr}`);
    });
    return find()!;
  }

  async http<T = ErrorReply>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const command: LanCommand = { op: 'http', id: this.nextId++, method, path, body, headers };
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    return (await this.answer(command.id, 'http', `${method} ${path}`)) as unknown as { status: number; body: T };
  }

  /** Opens a socket on /api/events; with `auth`, sends it after the upgrade and waits for `auth.result`. */
  async socket(headers: Record<string, string> = {}, auth?: Record<string, string>): Promise<EventSocket> {
    const command: LanCommand = { op: 'ws', id: this.nextId++, headers, ...(auth ? { auth: { type: 'auth', ...auth } } : {}) };
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    const socket = new EventSocket(this, command.id, (await this.answer(command.id, 'ws', 'socket')) as EventSocket['reply']);
    if (socket.reply.open && auth) await waitUntil(() => socket.has('auth.result'), 10_000, 'auth.result');
    return socket;
  }

  messages(): Message[] {
    return this.replies.flatMap((r) => {
      if (r.op !== 'message') return [];
      const parsed = JSON.parse(r.text) as { type: string; data?: Record<string, unknown> };
      return [{ socket: r.id, text: r.text, type: parsed.type, data: parsed.data ?? {} }];
    });
  }

  /** stdin closed: the client closes its sockets and exits (killed if it has not within 3 s). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

/** One socket of a host: how the agent answered the upgrade, and what it has received since. */
class EventSocket {
  constructor(private readonly host: Machine, readonly id: number, readonly reply: { open?: true; refused?: number }) {}
  messages = (): Message[] => this.host.messages().filter((m) => m.socket === this.id);
  has = (type: string): boolean => this.messages().some((m) => m.type === type);
  authResult = (): SocketAuthResult => JSON.parse(this.messages().find((m) => m.type === 'auth.result')!.text) as SocketAuthResult;
}

const ip = (...args: string[]) => run('ip', args);

async function createLan(): Promise<void> {
  try {
    await ip('netns', 'add', NS_A);
  } catch (err) {
    throw new Error(`this test needs root and iproute2 (it creates network namespaces): ip netns add failed: ${(err as Error).message.trim()}`);
  }
  await ip('netns', 'add', NS_B);
  await ip('link', 'add', VETH_A, 'type', 'veth', 'peer', 'name', VETH_B);
  await ip('link', 'set', VETH_A, 'netns', NS_A);
  await ip('link', 'set', VETH_B, 'netns', NS_B);
  await ip('-n', NS_A, 'addr', 'add', `${SUBNET}.1/24`, 'dev', VETH_A);
  await ip('-n', NS_B, 'addr', 'add', `${SUBNET}.2/24`, 'dev', VETH_B);
  for (const [ns, dev] of [[NS_A, VETH_A], [NS_B, VETH_B], [NS_A, 'lo'], [NS_B, 'lo']] as const) await ip('-n', ns, 'link', 'set', dev, 'up');
}

async function deleteLan(): Promise<void> {
  for (const args of [['netns', 'del', NS_A], ['netns', 'del', NS_B], ['link', 'del', VETH_A]]) await ip(...args).catch(() => undefined);
}

/** The agent's CLI inside namespace A (`ip netns exec` execs into node, so the child is the agent itself). */
function startAgent(configFile: string): { child: ChildProcess; ready: Promise<string>; output: () => string } {
  const child = spawn('ip', ['netns', 'exec', NS_A, process.execPath, '--import', 'tsx', MAIN, '--config', configFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Kiosk ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`agent exited (${code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`agent not ready after 20 s:\n${out}`)), 20_000).unref();
  });
  return { child, ready, output: () => out };
}

const audienceOf = (type: string): EventAudience | undefined => EVENT_AUDIENCE[type as AgentEventType];

describe('a second host on the LAN (network namespaces)', () => {
  const dir = tempDir('motcua-lan-');
  let agent: ReturnType<typeof startAgent> | undefined;
  const machines: Machine[] = [];
  let kiosk: Machine; // namespace A: the kiosk's own machine
  let lan: Machine; // namespace B: the other host; each role below is one of its sockets, each request says who asks
  let phone: EventSocket; // a citizen's phone, no token
  let counterPc: EventSocket; // a counter PC with the staff token
  let screen: EventSocket; // a remote touchscreen with its device token
  let stranger: EventSocket; // a machine that sends a wrong device token
  let ticketNumber = '';
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const t0 = Date.now();
    await createLan();
    const base = testConfig(join(dir.path, 'data'), { driver: 'simulated', statusPollMs: 100 });
    const config: SiteConfigInput = {
      ...base,
      server: { host: `${SUBNET}.1`, port: PORT, kioskDevices: [{ name: 'Màn hình sảnh B', token: DEVICE_TOKEN }], websocket: { maxClients: 1000, maxPerAddress: 8, pingMs: 30_000 } },
      scanner: { driver: 'simulated' },
      locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
      pickup: { ...base.pickup, doorReminderMs: 200, doorAlertMs: 400 },
      technician: demoConfig('/tmp/x').technician,
      logLevel: 'silent',
    };
    const configFile = join(dir.path, 'site.json');
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    agent = startAgent(configFile);
    // The machines start (tsx) while the agent does; they reach it only when told to.
    machines.push((kiosk = new Machine(NS_A)), (lan = new Machine(NS_B)));
    expect(await agent.ready).toBe(BASE);
    timings.agentReady = Date.now() - t0;
    [phone, counterPc, screen, stranger] = await Promise.all([
      lan.socket(),
      lan.socket({}, { staffToken: STAFF_TOKEN }),
      lan.socket({}, { kioskToken: DEVICE_TOKEN }),
      lan.socket({}, { kioskToken: WRONG_TOKEN }),
    ]);
    timings.socketsOpen = Date.now() - t0;

    // The lobby scenario, driven from the kiosk's own machine (A) and, for the call, the counter PC (B).
    const upsert = await kiosk.http('POST', '/api/dossiers', { code: DOSSIER, procedure: 'Đăng ký khai sinh', applicantName: 'Nguyễn Văn An', phone: '0912345678', dueDate: '2026-12-01', status: 'ready' }, STAFF);
    expect(upsert.status).toBe(200);
    const deposit = await kiosk.http<{ compartment: { board: number; lock: number }; pickupCode: string }>('POST', '/api/lockers/deposit', { dossierCode: DOSSIER }, STAFF);
    expect(deposit.status).toBe(200);
    const door = { board: deposit.body.compartment.board, lock: deposit.body.compartment.lock };
    expect((await kiosk.http('POST', '/api/demo/locker/close', door)).status).toBe(200);
    await waitUntil(async () => (await kiosk.http<{ inLocker?: boolean }>('POST', '/api/pickup/lookup', { code: DOSSIER })).body.inLocker === true, 5000, 'dossier in locker');
    expect((await kiosk.http('POST', '/api/demo/scanner/scan', { code: SLIP })).status).toBe(204);
    await waitUntil(() => screen.has('scanner.scanned'), 5000, 'scanner.scanned on the remote screen');
    expect((await kiosk.http('POST', '/api/pickup/open', { code: SLIP, pickupCode: deposit.body.pickupCode })).status).toBe(200);
    await waitUntil(() => counterPc.has('staff.alert') && screen.has('pickup.doorReminder'), 5000, 'door reminder and staff alert');
    expect((await kiosk.http('POST', '/api/demo/locker/close', door)).status).toBe(200);
    await waitUntil(() => screen.has('pickup.completed'), 5000, 'pickup.completed');
    expect((await kiosk.http('POST', '/api/demo/printer/state', { paper: 'low' })).status).toBe(200);
    await waitUntil(() => screen.has('device.changed'), 5000, 'device.changed');
    const ticket = await kiosk.http<{ number: string }>('POST', '/api/tickets', { serviceId: 'tu-phap' });
    expect(ticket.status).toBe(201);
    ticketNumber = ticket.body.number;
    expect((await lan.http('POST', '/api/counters/1/call-next', undefined, STAFF)).status).toBe(200); // the counter PC
    await waitUntil(() => phone.has('ticket.called'), 5000, 'ticket.called on the phone');
    timings.scenarioDone = Date.now() - t0;
  });

  afterAll(async () => {
    await Promise.all(machines.map((m) => m.close()));
    const child = agent?.child;
    let exitCode: number | null = 0;
    if (child && child.exitCode === null && child.signalCode === null) {
      // SIGTERM: the agent stops within 5 s (README); SIGKILL after 6 s so that nothing outlives the test.
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 6000);
      exitCode = await exited;
      clearTimeout(timer);
    }
    await deleteLan();
    dir.cleanup();
    console.info(`lan-second-host timings (ms from start): ${JSON.stringify(timings)}`);
    expect(exitCode, agent?.output()).toBe(0);
  });

  it('1. a plain phone hears ticket numbers and calls, and nothing from the slip, the locker, the devices or staff', () => {
    const got = phone.messages();
    expect(got.map((m) => m.type)).toEqual(expect.arrayContaining(['ticket.issued', 'ticket.called']));
    const called = got.find((m) => m.type === 'ticket.called')!;
    expect(called.data).toMatchObject({ counterId: '1', ticket: { number: ticketNumber } });
    for (const type of got.map((m) => m.type)) expect(audienceOf(type), type).toBe('public');
    for (const banned of ['scanner.scanned', 'locker.door', 'pickup.doorReminder', 'pickup.completed', 'staff.alert', 'device.changed', 'printer.job'])
      expect(phone.has(banned), banned).toBe(false);
    for (const m of got) {
      expect(m.text).not.toContain(ID_NUMBER);
      expect(m.text).not.toContain(DOSSIER);
    }
  });

  it('2. the phone cannot open, look up or enter diagnostics (403 KIOSK_ONLY); its health has no devices or store', async () => {
    const refused = await Promise.all([
      lan.http('POST', '/api/pickup/open', { code: SLIP, pickupCode: '123456' }),
      lan.http('POST', '/api/pickup/lookup', { code: DOSSIER }),
      lan.http('POST', '/api/diagnostics/session', { pin: DEMO_TECHNICIAN_PIN }),
    ]);
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('KIOSK_ONLY');
      expect(res.body.error.message).toMatch(VIETNAMESE);
    }
    const health = await lan.http<Record<string, unknown>>('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toMatch(/^(ok|degraded)$/);
    expect(health.body).not.toHaveProperty('devices');
    expect(health.body).not.toHaveProperty('store');
    // The kiosk's own machine sees the detail.
    expect((await kiosk.http<Record<string, unknown>>('GET', '/api/health')).body).toHaveProperty('devices');
  });

  it('3. a counter PC with the staff token still cannot enter diagnostics; its socket is staff, not kiosk', async () => {
    const res = await lan.http('POST', '/api/diagnostics/session', { pin: DEMO_TECHNICIAN_PIN }, STAFF);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('KIOSK_ONLY');
    // Nor open a compartment, rate a counter or drive the kiosk's scanner: those are the citizen's, at the kiosk.
    for (const [path, body] of [
      ['/api/pickup/open', { code: SLIP, pickupCode: '123456' }],
      ['/api/ratings', { subject: 'counter', reference: 'x', level: 3 }],
      ['/api/demo/scanner/scan', { code: SLIP }],
    ] as const) {
      const refused = await lan.http('POST', path, body, STAFF);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('KIOSK_ONLY');
    }
    const auth = counterPc.authResult();
    expect(auth.audiences).toContain('staff');
    expect(auth.audiences).not.toContain('kiosk');
    expect(auth.refused).toEqual([]);
    expect(counterPc.has('staff.alert')).toBe(true);
    for (const m of counterPc.messages()) expect(audienceOf(m.type), m.type).not.toBe('kiosk');
    // The same PIN from the kiosk's own machine opens a session: the refusal above is about where, not the PIN.
    expect((await kiosk.http('POST', '/api/diagnostics/session', { pin: DEMO_TECHNICIAN_PIN })).status).toBe(200);
  });

  it('4. a remote touchscreen with its device token acts as the kiosk; a wrong token is refused', async () => {
    const unknown = await lan.http('POST', '/api/pickup/lookup', { code: '000.00.15.H29-250704-0099' }, { 'x-kiosk-token': DEVICE_TOKEN });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('DOSSIER_NOT_FOUND');
    const wrongHeader = await lan.http('POST', '/api/pickup/lookup', { code: DOSSIER }, { 'x-kiosk-token': WRONG_TOKEN });
    expect(wrongHeader.status).toBe(403);
    expect(wrongHeader.body.error.code).toBe('KIOSK_ONLY');

    expect(screen.authResult()).toMatchObject({ refused: [] });
    expect(screen.authResult().audiences).toContain('kiosk');
    expect(screen.messages().find((m) => m.type === 'scanner.scanned')?.data).toEqual({ code: SLIP });
    // Every kiosk event the phone did not get (test 1) did happen: the remote screen got each of them.
    const kioskEvents = ['locker.door', 'pickup.doorReminder', 'pickup.completed', 'device.changed', 'printer.job'];
    await waitUntil(() => kioskEvents.every((t) => screen.has(t)), 5000, `${kioskEvents.join(', ')} on the remote screen`);

    expect(stranger.authResult()).toEqual({ type: 'auth.result', audiences: ['public'], refused: ['kioskToken'] });
    for (const m of stranger.messages()) expect(m.type === 'auth.result' || audienceOf(m.type) === 'public', m.type).toBe(true);
  });

  it('5. a page from another site cannot open the socket (403), and a foreign Host is refused (421)', async () => {
    expect((await lan.socket({ origin: 'http://evil.example' })).reply).toEqual({ op: 'ws', id: expect.any(Number), refused: 403 });
    expect((await lan.socket({ host: 'evil.example' })).reply).toMatchObject({ refused: 421 });
    // The same phone page from the agent's own address may open it.
    expect((await lan.socket({ origin: BASE })).reply).toMatchObject({ open: true });
    const res = await lan.http('GET', '/api/health', undefined, { host: 'evil.example' });
    expect(res.status).toBe(421);
    expect(res.body.error.code).toBe('HOST_NOT_ALLOWED');
  });

  it("6. sockets from one LAN address are capped (503); the kiosk's own screen is never refused", async () => {
    const opened: EventSocket[] = [];
    let refused: EventSocket | undefined;
    for (let i = 0; i < 9 && !refused; i++) {
      const s = await lan.socket();
      if (s.reply.open) opened.push(s);
      else refused = s;
    }
    expect(refused?.reply).toMatchObject({ refused: 503 });
    // With the cap reached for B, the kiosk's machine still connects (and more than 8 times).
    const own = await Promise.all(Array.from({ length: 9 }, () => kiosk.socket()));
    expect(own.every((s) => s.reply.open)).toBe(true);
  });
});
