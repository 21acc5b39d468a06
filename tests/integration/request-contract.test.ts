/**
 * The contract at the edge, request by request: odd path parameters are 400 (never a 500 with a stack in the log),
 * the caller is checked before a body is read, foreign Host and Origin headers are refused, statistics ranges are
 * bounded, and the public health answer tells a stranger nothing about the devices.
 */
import { request } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';

/** A raw request, so the test can set Host and send a body without fetch's rules. */
function raw(url: string, options: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: ErrorBody }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as ErrorBody }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const logLines: string[] = [];
const it = agentTest({ logger: pino({ level: 'info' }, new Writable({ write: (c: Buffer, _e, done) => (logLines.push(c.toString()), done()) })) });

describe('the request contract', () => {
  it('a path id longer than 64 characters is 400 VALIDATION_FAILED naming the parameter, on every route that takes one', async ({ agent }) => {
    const long = 'x'.repeat(65);
    const answers = [
      await getJson<ErrorBody>(`${agent.url}/api/tickets/${long}`),
      await getJson<ErrorBody>(`${agent.url}/api/counters/${long}`, STAFF),
      await postJson<ErrorBody>(`${agent.url}/api/counters/${long}/finish`, {}, STAFF),
      await postJson<ErrorBody>(`${agent.url}/api/counters/${long}/call-next`, {}, STAFF),
    ];
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(a.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'path.id', message: expect.any(String) }] });
    }
    // Nothing reached the error mapper's "unhandled error" path (which logs a stack).
    expect(logLines.filter((l) => l.includes('unhandled error'))).toEqual([]);
  });

  it('reads no body before it knows the caller: an anonymous 3 MB import is 401 at once, a staff one 413', async ({ agent }) => {
    const csv = JSON.stringify({ csv: 'x'.repeat(3 * 1024 * 1024) });
    const anonymous = await raw(`${agent.url}/api/dossiers/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: csv });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHORIZED');
    const officer = await raw(`${agent.url}/api/dossiers/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...STAFF }, body: csv });
    expect(officer.status).toBe(413);
    expect(officer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a Host it does not answer to (DNS rebinding) and a browser Origin from another site', async ({ agent }) => {
    const rebound = await raw(`${agent.url}/api/services`, { method: 'GET', headers: { host: 'attacker.example:8080' } });
    expect(rebound.status).toBe(421);
    expect(rebound.body.error.code).toBe('HOST_NOT_ALLOWED');
    const foreign = await raw(`${agent.url}/api/tickets`, { method: 'POST', headers: { origin: 'http://attacker.example', 'content-type': 'application/json' }, body: '{"serviceId":"tu-phap"}' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
    const own = await raw(`${agent.url}/api/services`, { method: 'GET', headers: { origin: agent.url } });
    expect(own.status).toBe(200);
  });

  it('statistics cover at most 366 days at a time', async ({ agent }) => {
    const two = await getJson<ErrorBody>(`${agent.url}/api/stats?from=2025-01-01&to=2026-12-31`, STAFF);
    expect(two.status).toBe(400);
    expect(two.body.error.fields).toContainEqual({ path: 'query.to', message: 'at most 366 days at a time' });
    expect((await getJson(`${agent.url}/api/stats?from=2026-01-01&to=2026-12-31`, STAFF)).status).toBe(200);
  });
});
