/**
 * Credentials on the LAN: HTTPS when configured (tokens never cross the network in the clear), staff tokens and
 * technician sessions with an absolute lifetime — on HTTP routes and on the event socket.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import WebSocket from 'ws';
import { demoConfig } from '../../kiosk-agent/src/config/demo-config';
import type { ErrorBody } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { collectEvents } from '../support/event-collector';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';
import { waitUntil } from '../support/socat';

const EXPIRING = 'staff-token-valid-until-the-3rd-0123456789';

/** A self-signed certificate for 127.0.0.1 in `dir`, as a site makes one for its kiosk. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}

const itOverTls = agentTest({ config: (dataDir) => ({ server: { host: '127.0.0.1', port: 0, tls: selfSignedCertificate(dataDir) } }) });
// Lifetimes need a clock the test moves and tokens that expire: another config, so another agent.
const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+07:00'));
const it = agentTest({
  config: () => ({
    staff: { tokens: [{ token: EXPIRING, name: 'quầy 2 (tạm)', expiresAt: '2026-12-03T17:00:00+07:00' }] },
    technician: { pinHash: demoConfig('/unused').technician!.pinHash, idleMinutes: 5, maxSessionMinutes: 60 },
  }),
  clock,
});

describe('HTTPS on the LAN', () => {
  itOverTls('serves the API and the event socket over TLS, and nothing in the clear', async ({ agent }) => {
    const ca = readFileSync(agent.config.server.tls!.cert);
    expect(agent.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      request(`${agent.url}/api/health`, { ca }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
    const ws = new WebSocket(`${agent.url.replace('https', 'wss')}/api/events`, { ca });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.close();
    await expect(fetch(`${agent.url.replace('https', 'http')}/api/health`)).rejects.toThrow();
  });
});

describe('lifetimes', () => {
  it('a staff token stops working at its expiry, on HTTP routes and for staff events on an open socket', async ({ agent }) => {
    const auth = { authorization: `Bearer ${EXPIRING}` };
    expect((await getJson(`${agent.url}/api/lockers`, auth)).status).toBe(200);
    const heard = await collectEvents(agent.url, auth);
    const alerts = (): string[] => heard.events.flatMap((e) => (e.type === 'staff.alert' ? [e.data.message] : []));
    agent.events.publish('staff.alert', { kind: 'pickup-paused', message: 'trước hạn' });
    await waitUntil(() => alerts().length === 1, 2000, 'alert before expiry');

    clock.set('2026-12-03T17:00:01+07:00');
    const refused = await getJson<ErrorBody>(`${agent.url}/api/lockers`, auth);
    expect(refused.status).toBe(401);
    agent.events.publish('staff.alert', { kind: 'pickup-paused', message: 'sau hạn' });
    agent.events.publish('ticket.issued', { id: 't', number: 'A001', serviceId: 'tu-phap', priority: null, issuedAt: new Date(clock.now()).toISOString(), ahead: 0, estimatedWaitMinutes: 0, trackUrl: 'x', printed: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(alerts()).toEqual(['trước hạn']);
    heard.close();
  });

  it('a technician session ends at its absolute lifetime, however busy', async ({ agent }) => {
    const opened = await postJson<{ token: string }>(`${agent.url}/api/diagnostics/session`, { pin: '123456' });
    expect(opened.status).toBe(200);
    const bearer = { authorization: `Bearer ${opened.body.token}` };
    for (let minute = 4; minute <= 56; minute += 4) {
      clock.advance(4 * 60_000);
      expect((await getJson(`${agent.url}/api/diagnostics/audit`, bearer)).status).toBe(200);
    }
    clock.advance(5 * 60_000); // 61 minutes after it opened, 5 after the last request: within the idle time
    const ended = await getJson<ErrorBody>(`${agent.url}/api/diagnostics/audit`, bearer);
    expect(ended.status).toBe(401);
    expect(ended.body.error).toMatchObject({ code: 'TECHNICIAN_SESSION_REQUIRED', message: expect.stringMatching(/thời hạn tối đa/) });
  });
});
