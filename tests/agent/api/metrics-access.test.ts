/**
 * Who may read GET /metrics (route auth `metrics`, README "Monitoring"): the kiosk itself and a token allowed the
 * `metrics` scope (Prometheus on the monitoring server). From loopback every caller is the kiosk, so the LAN's
 * callers are decided here, on the same AccessPolicy and route auth the agent runs.
 */
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../../kiosk-agent/src/api/access-policy';
import { createRouteAuth } from '../../../kiosk-agent/src/api/route-auth';
import { ERROR_HTTP_STATUS } from '../../../shared/error-codes';

const PROMETHEUS = 'prometheus-scrape-token-0123456789';
const STATS = 'province-stats-token-0123456789';
const ANY_AREA = 'old-integration-token-0123456789';
const SCREEN = 'device-token-of-the-lobby-b-screen-0123';
const EXPIRED = 'prometheus-token-that-expired-0123456';

const req = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress, localAddress: '192.168.1.20' }, headers, params: {}, baseUrl: '', path: '/metrics' }) as unknown as IncomingMessage & Request;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const policy = new AccessPolicy(
  {
    staffTokens: [
      { token: PROMETHEUS, name: 'prometheus', scopes: ['metrics'] },
      { token: STATS, name: 'tinh-thong-ke', scopes: ['stats'] },
      ANY_AREA,
      { token: EXPIRED, scopes: ['metrics'], expiresAt: '2026-01-31' },
    ],
    kioskDevices: [{ name: 'Sảnh B', token: SCREEN }],
  },
  () => Date.parse('2026-12-02T08:00:00Z'),
);
const officers = async (token: string | undefined) => (token === 'officer-session' ? { id: 1, username: 'lan', name: 'Lan', role: 'supervisor' as const } : undefined);
const authorize = createRouteAuth(policy, { touch: () => undefined }, officers);
const refusal = async (r: Request) => {
  const err = (await authorize('metrics', r).then(() => undefined, (e: unknown) => e)) as { code: keyof typeof ERROR_HTTP_STATUS } | undefined;
  return err && { code: err.code, status: ERROR_HTTP_STATUS[err.code] };
};

describe('GET /metrics: who may read it', () => {
  it('the kiosk itself (loopback, its own address, a remote screen with its device token) without any token', async () => {
    expect(await refusal(req('127.0.0.1'))).toBeUndefined();
    expect(await refusal(req('::ffff:192.168.1.20'))).toBeUndefined();
    expect(await refusal(req('192.168.1.40', { 'x-kiosk-token': SCREEN }))).toBeUndefined();
  });

  it('Prometheus on another host with a metrics token; a token for every area too', async () => {
    expect(await refusal(req('10.0.0.9', bearer(PROMETHEUS)))).toBeUndefined();
    expect(await refusal(req('10.0.0.9', bearer(ANY_AREA)))).toBeUndefined();
  });

  it('a LAN caller without a token, with a wrong or expired one, or an officer signed in: 401', async () => {
    expect(await refusal(req('192.168.1.77'))).toEqual({ code: 'UNAUTHORIZED', status: 401 });
    expect(await refusal(req('192.168.1.77', bearer(`${PROMETHEUS}x`)))).toEqual({ code: 'UNAUTHORIZED', status: 401 });
    expect(await refusal(req('192.168.1.77', bearer(EXPIRED)))).toEqual({ code: 'UNAUTHORIZED', status: 401 });
    expect(await refusal(req('192.168.1.51', bearer('officer-session')))).toEqual({ code: 'UNAUTHORIZED', status: 401 });
    // A device token is the kiosk only with its own header, never as a bearer.
    expect(await refusal(req('192.168.1.40', bearer(SCREEN)))).toEqual({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('an integration token for other areas: 403 TOKEN_SCOPE', async () => {
    expect(await refusal(req('10.0.0.9', bearer(STATS)))).toEqual({ code: 'TOKEN_SCOPE', status: 403 });
  });

  it('a metrics-only token is no staff token: no staff route, no ticket, no staff events', async () => {
    const prometheus = req('10.0.0.9', bearer(PROMETHEUS));
    expect(policy.identify(prometheus)).toMatchObject({ kiosk: false, staff: false });
    expect([...policy.audiencesOf(policy.identify(prometheus))]).toEqual(['public']);
    await expect(authorize('staff', prometheus)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(authorize('kiosk', prometheus)).rejects.toMatchObject({ code: 'KIOSK_ONLY' });
    // The others keep what they had.
    expect(policy.identify(req('10.0.0.9', bearer(STATS))).staff).toBe(true);
    expect(policy.identify(req('10.0.0.9', bearer(ANY_AREA))).staff).toBe(true);
  });
});
