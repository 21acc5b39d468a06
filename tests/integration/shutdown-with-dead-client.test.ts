/**
 * A phone that left the Wi-Fi, or an SMS gateway that hangs, cannot hold the agent's exit. The real CLI runs with two
 * event sockets open — a normal client, and a raw TCP WebSocket that completed the upgrade and then went silent (it
 * reads nothing more and never answers the close handshake) — and a pickup-code SMS in flight to a gateway that
 * never answers (its timeout 30 s). SIGTERM must still stop the agent cleanly — exit code 0 well within main.ts's
 * 5 s hard timer (which exits 1), with 'kiosk agent stopped' logged — and the normal client is told 1001. The SMS
 * was claimed before it was sent, so it goes out again after the restart.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { spawnAgent, type AgentProcess } from '../support/agent-process';
import { getJson, postJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

/** Upgrades by hand, then pauses the socket for good: nothing further is read, nothing is ever written. */
async function goneSilentClient(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let head = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      if (/^HTTP\/1\.1 101 /.test(head)) resolve();
      else reject(new Error(`upgrade refused: ${head}`));
    };
    socket.on('data', onData);
  });
  return socket;
}

describe('SIGTERM with a dead event-socket client', () => {
  const dir = tempDir();
  let agent: AgentProcess | undefined;
  let silent: Socket | undefined;
  let normal: WebSocket | undefined;
  // A gateway that takes the request and never answers.
  const hung: ServerResponse[] = [];
  const gateway: Server = createServer((_req, res) => void hung.push(res));

  afterAll(async () => {
    for (const res of hung) res.destroy();
    await new Promise<void>((r) => gateway.close(() => r()));
    normal?.terminate();
    silent?.destroy();
    if (agent && agent.child.exitCode === null && agent.child.signalCode === null) {
      agent.child.kill('SIGKILL');
      await agent.exited;
    }
    dir.cleanup();
  });

  it('exits 0 promptly and logs that it stopped', async () => {
    const file = join(dir.path, 'site.json');
    // Logged at info so 'kiosk agent stopped' reaches the output.
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
    const gatewayUrl = `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms`;
    writeFileSync(
      file,
      JSON.stringify({
        ...testConfig(join(dir.path, 'data')),
        locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }] },
        notifier: { driver: 'webhook', url: gatewayUrl, timeoutMs: 30_000 },
        outbox: { pollMs: 100, minBackoffMs: 100 },
        logLevel: 'info',
      }),
    );
    agent = spawnAgent(['--config', file]);
    const url = await agent.url;
    const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
    const dossier = '000.00.15.H29-251201-1001';
    await postJson(`${url}/api/dossiers`, { code: dossier, procedure: 'Chứng thực', applicantName: 'Mai Văn Hùng', phone: '0903000111', dueDate: '2026-12-05', status: 'ready' }, staff);
    expect((await postJson(`${url}/api/lockers/deposit`, { dossierCode: dossier }, staff)).status).toBe(200);
    await waitUntil(() => hung.length === 1, 5000, 'the SMS to be in flight at the gateway');
    const port = Number(new URL(url).port);
    expect((await getJson<{ status: string }>(`${url}/api/health`)).status).toBe(200);

    silent = await goneSilentClient(port);
    normal = new WebSocket(`ws://127.0.0.1:${port}/api/events`);
    await new Promise<void>((resolve, reject) => {
      normal!.once('open', () => resolve());
      normal!.once('error', reject);
    });
    const normalClosed = new Promise<number>((resolve) => normal!.once('close', (code: number) => resolve(code)));

    const t0 = Date.now();
    agent.child.kill('SIGTERM');
    const { code, signal } = await agent.exited;
    const took = Date.now() - t0;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(5000);
    expect(agent.output()).toContain('kiosk agent stopped');
    expect(await normalClosed).toBe(1001);
  });
});
