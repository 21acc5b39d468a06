/**
 * Technician entry through the real HTTP API: PIN → session, wrong PINs → 403 then 429, no session → 401, the
 * overview with what to check for a printer out of paper, the audit trail, and a kiosk without a PIN configured.
 */
import { describe, expect } from 'vitest';
import { hashTechnicianPin } from '../../kiosk-agent/src/config/technician-pin';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const PIN = '246801';

const it = agentTest({ config: async () => ({ technician: { pinHash: await hashTechnicianPin(PIN) } }) });
// A kiosk without a PIN is another config, so another agent.
const itWithoutPin = agentTest();

describe('diagnostics: technician session', () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('refuses diagnostics without a session, even with a staff token', async ({ agent }) => {
    for (const headers of [{}, bearer(STAFF_TOKEN), bearer('made-up')]) {
      const res = await getJson<{ error: { code: string } }>(`${agent.url}/api/diagnostics/overview`, headers);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('TECHNICIAN_SESSION_REQUIRED');
    }
  });

  it('opens a session with the PIN; the overview says what a technician should check for a printer out of paper', async ({ agent }) => {
    const open = await postJson<{ token: string; idleSeconds: number }>(`${agent.url}/api/diagnostics/session`, { pin: PIN });
    expect(open.status).toBe(200);
    expect(open.body.idleSeconds).toBe(300);
    agent.simulators.printer!.setState({ paper: 'out' });
    try {
      const overview = await getJson<{
        version: string;
        uptimeSeconds: number;
        store: { bytes: number };
        devices: Record<string, { state: string; advice: string[] }>;
      }>(`${agent.url}/api/diagnostics/overview`, bearer(open.body.token));
      expect(overview.status).toBe(200);
      expect(overview.body.version).toMatch(/\d+\.\d+\.\d+/);
      expect(overview.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
      expect(overview.body.store.bytes).toBeGreaterThan(10_000);
      expect(overview.body.devices.printer!.state).toBe('paper-out');
      expect(overview.body.devices.printer!.advice.join(' ')).toMatch(/nạp cuộn giấy/i);
      expect(overview.body.devices.scanner!.state).toBe('disabled');
      expect(overview.body.devices.scanner!.advice.join(' ')).toMatch(/không được cấu hình/);
    } finally {
      agent.simulators.printer!.setState({ paper: 'ok' });
    }
    const audit = await getJson<{ action: string; outcome: string }[]>(`${agent.url}/api/diagnostics/audit?limit=5`, bearer(open.body.token));
    expect(audit.body[0]).toMatchObject({ action: 'session.open', outcome: 'ok' });
    const end = await fetch(`${agent.url}/api/diagnostics/session/end`, { method: 'POST', headers: bearer(open.body.token) });
    expect(end.status).toBe(204);
    expect((await getJson(`${agent.url}/api/diagnostics/overview`, bearer(open.body.token))).status).toBe(401);
  });

  it('wrong PINs: 403 with the tries left, then 429 for the fifth and for the right PIN after it', async ({ agent }) => {
    const tries: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await postJson<{ error: { code: string; details?: { attemptsLeft?: number } } }>(`${agent.url}/api/diagnostics/session`, { pin: '000000' });
      tries.push(`${res.status} ${res.body.error.code} ${res.body.error.details?.attemptsLeft ?? ''}`.trim());
    }
    expect(tries).toEqual(['403 TECHNICIAN_PIN_INVALID 4', '403 TECHNICIAN_PIN_INVALID 3', '403 TECHNICIAN_PIN_INVALID 2', '403 TECHNICIAN_PIN_INVALID 1', '429 TECHNICIAN_LOCKED']);
    const locked = await postJson<{ error: { code: string; message: string } }>(`${agent.url}/api/diagnostics/session`, { pin: PIN });
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/thử lại sau 15 phút/);
  });

  it('documents the diagnostics routes in the OpenAPI document, behind the technician session', async ({ agent }) => {
    const doc = await getJson<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(`${agent.url}/api/openapi.json`);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/diagnostics/session', '/api/diagnostics/overview', '/api/diagnostics/audit']));
    expect(doc.body.paths['/api/diagnostics/overview']!.get!.security).toEqual([{ technicianSession: [] }]);
  });
});

describe('diagnostics on a kiosk without a technician PIN', () => {
  itWithoutPin('says the PIN hash is missing and how to make one', async ({ agent }) => {
    const res = await postJson<{ error: { code: string; message: string } }>(`${agent.url}/api/diagnostics/session`, { pin: PIN });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('TECHNICIAN_NOT_CONFIGURED');
    expect(res.body.error.message).toMatch(/npm run hash-pin/);
  });

  it('refuses a site config whose PIN hash is not one', async () => {
    const { parseSiteConfig } = await import('../../kiosk-agent/src/config/load-config');
    expect(() => parseSiteConfig({ ...testConfig('/tmp/x'), technician: { pinHash: '123456' } })).toThrow(/technician\.pinHash.*npm run hash-pin/);
  });
});
