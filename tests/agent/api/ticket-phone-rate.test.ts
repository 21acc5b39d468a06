/**
 * Leaving a phone sends SMS: a client other than the kiosk may leave or withdraw one only a few times a minute
 * (429 RATE_LIMITED, in Vietnamese with when to try again); the kiosk, which serves the whole lobby, is not limited.
 */
import express from 'express';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessPolicy, Caller } from '../../../kiosk-agent/src/api/access-policy';
import { createErrorMapper } from '../../../kiosk-agent/src/api/error-mapper';
import { RouteRegistry } from '../../../kiosk-agent/src/api/route-registry';
import { registerQueueRoutes, type QueueRouteDeps } from '../../../kiosk-agent/src/api/routes/queue-routes';
import { maskPhoneTail } from '../../../shared/phone-number';
import { closeServer, listenOnLoopback } from '../../support/loopback-server';

let server: ReturnType<typeof createServer> | undefined;
afterEach(() => closeServer(server));

async function agentAs(caller: Caller, now = () => 1_000): Promise<string> {
  const router = express.Router();
  const registry = new RouteRegistry(router, () => undefined);
  const deps = {
    queue: {},
    issuer: {},
    notices: { leavePhone: async (_id: string, phone: string) => ({ ok: true, phone: maskPhoneTail(phone) }), withdrawPhone: async () => ({ ok: true }) },
    access: { identify: () => caller } as unknown as AccessPolicy,
    phoneChangesPerMinute: 6,
    now,
  } as unknown as QueueRouteDeps;
  registerQueueRoutes(registry, deps);
  const app = express();
  app.use(router);
  app.use(createErrorMapper({ error: () => undefined }));
  server = createServer(app);
  return `http://127.0.0.1:${await listenOnLoopback(server)}`;
}

const put = (url: string) => fetch(`${url}/api/tickets/tAbc/phone`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '0912345678' }) });

describe('PUT/DELETE /api/tickets/:id/phone, rate', () => {
  it('a phone on the LAN: six a minute, then 429 RATE_LIMITED saying when; DELETE counts too', async () => {
    const url = await agentAs({ address: '192.168.1.31', kiosk: false, staff: false });
    for (let i = 0; i < 5; i++) expect((await put(url)).status).toBe(200);
    expect((await fetch(`${url}/api/tickets/tAbc/phone`, { method: 'DELETE' })).status).toBe(200);
    const refused = await put(url);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toBe('Đã đổi số điện thoại quá nhiều lần trong một phút. Vui lòng thử lại sau 60 giây.');
  });

  it('the kiosk is not limited, and the answer never echoes the number', async () => {
    const url = await agentAs({ address: '127.0.0.1', kiosk: true, staff: false });
    for (let i = 0; i < 10; i++) {
      const res = await put(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('{"ok":true,"phone":"•••• ••• 678"}');
    }
  });
});
