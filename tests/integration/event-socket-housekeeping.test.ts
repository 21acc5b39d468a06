/**
 * WS /api/events housekeeping and audiences, against an in-process agent (api/event-socket.ts):
 * - the connection cap never refuses the kiosk's own machine (the cap itself, from another host, is in
 *   lan-second-host.test.ts);
 * - a client that never answers a ping (a raw TCP WebSocket that goes silent) is dropped within ~3 × pingMs, while a
 *   normal client (which answers pings) stays connected;
 * - a browser Origin that is not this agent is refused with 403 ORIGIN_NOT_ALLOWED, the agent's own is accepted;
 * - events go only to their audience: the kiosk socket gets `scanner.scanned` but not `staff.alert`, a socket with
 *   a staff bearer token gets staff alerts, and a wrong token in an `auth` message is refused and earns none.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { STAFF_TOKEN } from '../support/test-config';

const PING_MS = 200;

/** A WebSocket client by hand over TCP: completes the upgrade, then never answers anything (no pongs). */
async function silentWebSocket(port: number): Promise<{ socket: Socket; closed: Promise<number> }> {
  const socket = connect(port, '127.0.0.1');
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let head = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (/^HTTP\/1\.1 101 /.test(head)) resolve();
      else reject(new Error(`upgrade refused: ${head}`));
    };
    socket.on('data', onData);
  });
  socket.on('data', () => undefined); // pings arrive and are ignored
  return { socket, closed };
}

type Refusal = { status: number; body: { error: { code: string } } };

/** Opens a socket; resolves with it once open, or with the HTTP refusal. */
function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket | Refusal> {
  const ws = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Refusal['body'] }));
    });
    ws.once('error', reject);
  });
}

async function openOk(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const r = await open(url, headers);
  if (!(r instanceof WebSocket)) throw new Error(`refused: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

// The sockets here are opened by hand: these tests are about the socket itself (caps, pings, origins, audiences).
const it = agentTest({
  config: () => ({
    server: { host: '127.0.0.1', port: 0, websocket: { maxClients: 3, maxPerAddress: 16, pingMs: PING_MS } },
    scanner: { driver: 'simulated' },
  }),
});

describe('event socket housekeeping', () => {
  let wsUrl: string;
  const mine: WebSocket[] = [];
  const raw: Socket[] = [];

  const track = (ws: WebSocket): WebSocket => (mine.push(ws), ws);

  it.beforeAll(({ agent }) => {
    wsUrl = `ws://127.0.0.1:${agent.port}/api/events`;
  });
  it.afterEach(async ({ agent }) => {
    for (const ws of mine.splice(0)) ws.terminate();
    for (const s of raw.splice(0)) s.destroy();
    await waitUntil(() => agent.sockets.counts().total === 0, 3000, 'every socket gone');
  });

  it("never caps the kiosk's own machine: its screen keeps its scans and doors however full the LAN is", async ({ agent }) => {
    // maxClients is 3; the cap counts sockets from other machines (tests/integration/lan-second-host.test.ts shows
    // a LAN host refused with 503 at its per-address cap). Loopback is the kiosk itself.
    for (let i = 0; i < 5; i++) track(await openOk(wsUrl));
    expect(agent.sockets.counts().total).toBe(5);
  });

  it('drops a client that never answers pings within ~3 × pingMs; a live client stays', async ({ agent }) => {
    const live = track(await openOk(wsUrl));
    let pings = 0;
    live.on('ping', () => (pings += 1));
    const t0 = Date.now();
    const dead = await silentWebSocket(agent.port);
    raw.push(dead.socket);
    await waitUntil(() => agent.sockets.counts().total === 2, 1000, 'the silent client to be counted');

    const closedAt = await Promise.race([dead.closed, new Promise<number>((r) => setTimeout(() => r(-1), 3 * PING_MS + 1000))]);
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - t0).toBeLessThan(3 * PING_MS + 200);
    await waitUntil(() => agent.sockets.counts().total === 1, 500, 'the agent to forget the dropped client');

    // The live client is still there over the same stretch (and beyond), answering pings.
    await new Promise((r) => setTimeout(r, Math.max(0, t0 + 4 * PING_MS - Date.now())));
    expect(live.readyState).toBe(WebSocket.OPEN);
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(agent.sockets.counts().total).toBe(1);
  });

  it('refuses a foreign Origin with 403 ORIGIN_NOT_ALLOWED; accepts the agent’s own', async ({ agent }) => {
    const evil = await open(wsUrl, { Origin: 'http://evil.example' });
    expect(evil).toMatchObject({ status: 403, body: { error: { code: 'ORIGIN_NOT_ALLOWED' } } });
    const own = await open(wsUrl, { Origin: `http://127.0.0.1:${agent.port}` });
    expect(own).toBeInstanceOf(WebSocket);
    track(own as WebSocket);
  });

  it('sends each event only to its audience', async ({ agent }) => {
    type Msg = { type: string; data?: { code?: string; kind?: string }; refused?: string[] };
    const inbox = new Map<WebSocket, Msg[]>();
    const listen = (ws: WebSocket): WebSocket => {
      inbox.set(ws, []);
      ws.on('message', (d: Buffer) => inbox.get(ws)!.push(JSON.parse(d.toString()) as Msg));
      return ws;
    };
    const got = (ws: WebSocket, type: string, pred: (m: Msg) => boolean = () => true) => inbox.get(ws)!.some((m) => m.type === type && pred(m));

    const kiosk = listen(track(await openOk(wsUrl)));
    const staff = listen(track(await openOk(wsUrl, { authorization: `Bearer ${STAFF_TOKEN}` })));
    const wrong = listen(track(await openOk(wsUrl)));
    wrong.send(JSON.stringify({ type: 'auth', staffToken: 'wrong-staff-token-9876543210' }));
    await waitUntil(() => got(wrong, 'auth.result'), 2000, 'auth.result');
    expect(inbox.get(wrong)!.find((m) => m.type === 'auth.result')).toMatchObject({ refused: ['staffToken'] });
    expect(agent.sockets.counts().byAudience).toMatchObject({ kiosk: 3, staff: 1 });

    const code = '000.00.15.H29-250704-0012';
    expect((await postJson(`${agent.url}/api/demo/scanner/scan`, { code })).status).toBe(204);
    const scanned = (m: Msg): boolean => m.data?.code === code;
    await waitUntil(() => got(kiosk, 'scanner.scanned', scanned), 2000, 'the scan on the kiosk socket');

    agent.events.publish('staff.alert', { kind: 'pickup-paused', message: 'x' });
    await waitUntil(() => got(staff, 'staff.alert'), 2000, 'the staff alert on the staff socket');
    // A kiosk event published after the alert: once it arrives, the alert would have arrived before it.
    agent.events.publish('scanner.scanned', { code: 'sentinel' });
    const sentinel = (m: Msg): boolean => m.data?.code === 'sentinel';
    await waitUntil(() => got(kiosk, 'scanner.scanned', sentinel) && got(wrong, 'scanner.scanned', sentinel), 2000, 'the sentinel');
    expect(got(kiosk, 'staff.alert')).toBe(false);
    expect(got(wrong, 'staff.alert')).toBe(false);
    expect(got(staff, 'scanner.scanned', scanned)).toBe(true); // the staff socket is on this machine: kiosk too
  });

  it('tells everyone of a new ticket, but not why the printer failed (that may name its device path)', async ({ agent }) => {
    const ws = track(await openOk(wsUrl));
    const issued: { printed?: boolean; printError?: unknown }[] = [];
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as { type: string; data: { printed?: boolean; printError?: unknown } };
      if (m.type === 'ticket.issued') issued.push(m.data);
    });
    agent.simulators.printer!.setState({ paper: 'out' });
    try {
      const res = await postJson<{ printed: boolean; printError?: { code: string } }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
      expect(res.body.printError?.code).toBe('PRINTER_PAPER_OUT'); // the issuing kiosk is told
      await waitUntil(() => issued.length === 1, 2000, 'ticket.issued');
      expect(issued[0]).toMatchObject({ printed: false });
      expect(issued[0]).not.toHaveProperty('printError');
    } finally {
      agent.simulators.printer!.setState({ paper: 'ok' });
    }
  });
});
