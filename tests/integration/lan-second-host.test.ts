/**
 * What a phone on the centre's Wi-Fi can and cannot do, proved across a real second network host. The agent runs
 * in network namespace A (the kiosk's own machine); namespace B, joined by a veth pair, is the other host on the
 * LAN, where a phone, a counter PC (staff token), a remote touchscreen (device token) and a stranger (wrong token)
 * each hold a socket and send requests; counter 1's rating tablet (its counter token) rates the visit there. Why namespaces: a client on 127.0.0.1, or on the agent's own address,
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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TECHNICIAN_PIN, demoConfig } from '../../kiosk-agent/src/config/demo-config';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { EVENT_AUDIENCE, type AgentEventType, type EventAudience } from '../../shared/ws-events';
import { LanHost, createLan, deleteLan, lanNames, startAgentIn, type EventSocket } from '../support/lan-namespaces';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const LAN = lanNames();
const BASE = LAN.agentUrl;
const DEVICE_TOKEN = 'lobby-b-screen-device-token-0123456789abcdef';
const WRONG_TOKEN = `${DEVICE_TOKEN.slice(0, -1)}X`; // the same token with one character changed
const TABLET_TOKEN = 'counter-1-rating-tablet-token-0123456789';
const ID_NUMBER = '079123456789';
const DOSSIER = '000.00.15.H29-250704-0012';
const SLIP = `https://dichvucong.example.vn/tra-cuu?SGT=${ID_NUMBER}&MHS=${DOSSIER}`;
const STAFF = { authorization: `Bearer ${STAFF_TOKEN}` };
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const audienceOf = (type: string): EventAudience | undefined => EVENT_AUDIENCE[type as AgentEventType];

describe('a second host on the LAN (network namespaces)', () => {
  const dir = tempDir('motcua-lan-');
  let agent: ReturnType<typeof startAgentIn> | undefined;
  const machines: LanHost[] = [];
  let kiosk: LanHost; // namespace A: the kiosk's own machine
  let lan: LanHost; // namespace B: the other host; each role below is one of its sockets, each request says who asks
  let phone: EventSocket; // a citizen's phone, no token
  let counterPc: EventSocket; // a counter PC with the staff token
  let screen: EventSocket; // a remote touchscreen with its device token
  let stranger: EventSocket; // a machine that sends a wrong device token
  let ticketNumber = '';
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const t0 = Date.now();
    await createLan(LAN);
    const base = testConfig(join(dir.path, 'data'), { driver: 'simulated', statusPollMs: 100 });
    const config: SiteConfigInput = {
      ...base,
      server: { host: `${LAN.subnet}.1`, port: LAN.port, kioskDevices: [{ name: 'Màn hình sảnh B', token: DEVICE_TOKEN }], counterTablets: [{ counterId: '1', token: TABLET_TOKEN }], websocket: { maxClients: 1000, maxPerAddress: 8, pingMs: 30_000 } },
      scanner: { driver: 'simulated' },
      locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
      pickup: { ...base.pickup, doorReminderMs: 200, doorAlertMs: 400 },
      technician: demoConfig('/tmp/x').technician,
      logLevel: 'silent',
    };
    const configFile = join(dir.path, 'site.json');
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    agent = startAgentIn(LAN.nsA, configFile);
    // The machines start (tsx) while the agent does; they reach it only when told to.
    machines.push((kiosk = new LanHost(LAN.nsA, BASE)), (lan = new LanHost(LAN.nsB, BASE)));
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
    await deleteLan(LAN);
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

  it("7. counter 1's rating tablet sees its counter and rates the visit once; a phone, or the tablet on counter 2, is refused", async () => {
    const tablet = { 'x-counter-token': TABLET_TOKEN };
    for (const [path, headers] of [
      ['/api/counters/1/rating', {}],
      ['/api/counters/2/rating', tablet],
      ['/api/counters/1/rating', { 'x-counter-token': `${TABLET_TOKEN.slice(0, -1)}X` }],
    ] as const) {
      const refused = await lan.http('GET', path, undefined, headers);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('COUNTER_TABLET_ONLY');
      expect(refused.body.error.message).toMatch(VIETNAMESE);
    }
    type Screen = { current: { number: string } | null; ask: { ticketId: string; number: string } | null };
    const serving = await lan.http<Screen>('GET', '/api/counters/1/rating', undefined, tablet);
    expect(serving.status).toBe(200);
    expect(serving.body).toMatchObject({ current: { number: ticketNumber }, ask: null });
    expect((await lan.http('POST', '/api/counters/1/finish', {}, STAFF)).status).toBe(200);
    const asking = await lan.http<Screen>('GET', '/api/counters/1/rating', undefined, tablet);
    expect(asking.body).toMatchObject({ current: null, ask: { number: ticketNumber } });
    const ticketId = asking.body.ask!.ticketId;
    // The phone knows the ticket id (its /track link) and still cannot rate the officer.
    const phoneRating = await lan.http('POST', '/api/counters/1/rating', { ticketId, level: 1 });
    expect(phoneRating.status).toBe(403);
    expect((await lan.http('POST', '/api/counters/1/rating', { ticketId, level: 3, reasons: [] }, tablet)).status).toBe(201);
    const again = await lan.http('POST', '/api/counters/1/rating', { ticketId, level: 1 }, tablet);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RATING_NOT_ALLOWED');
    expect((await lan.http<Screen>('GET', '/api/counters/1/rating', undefined, tablet)).body.ask).toBeNull();
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
