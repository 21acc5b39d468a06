/**
 * The agent's calls out (core/http-client.ts, used instead of fetch under --jitless) against a real local server:
 * what arrives, what comes back, and the three ways a call must end rather than hang or fill the memory — a
 * time-out, an answer too large, a server that is not there.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCall } from '../../../kiosk-agent/src/core/http-client';
import { closeServer, listenOnLoopback } from '../../support/loopback-server';

const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
  if (req.url === '/huge') return void res.end(Buffer.alloc(64 * 1024, 'x'));
  if (req.url === '/missing') return void res.writeHead(404).end('{"message":"không có"}');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, echo: body }));
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => answer(req, res, body));
});
let base = '';

describe('httpCall', () => {
  beforeAll(async () => {
    base = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  });
  afterAll(() => closeServer(server));

  it('posts the body with its length and headers, and reads a JSON answer', async () => {
    const res = await httpCall(`${base}/sms`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: '{"text":"Mời số A012 đến Quầy số 3"}' });
    expect([res.status, res.ok]).toEqual([200, true]);
    expect(res.json()).toEqual({ ok: true, echo: '{"text":"Mời số A012 đến Quầy số 3"}' });
    const got = received.at(-1)!;
    expect([got.method, got.url, got.headers.authorization]).toEqual(['POST', '/sms', 'Bearer t']);
    expect(Number(got.headers['content-length'])).toBe(Buffer.byteLength('{"text":"Mời số A012 đến Quầy số 3"}'));
  });

  it('an error status is an answer, not an exception', async () => {
    const res = await httpCall(`${base}/missing`);
    expect([res.status, res.ok, res.text]).toEqual([404, false, '{"message":"không có"}']);
  });

  it('a time-out rejects with the signal\'s reason (TimeoutError), long before the server answers', async () => {
    const t0 = Date.now();
    const err = await httpCall(`${base}/slow`, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((err as DOMException).name).toBe('TimeoutError');
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('an answer larger than maxBytes is refused', async () => {
    await expect(httpCall(`${base}/huge`, { maxBytes: 1024 })).rejects.toThrow('larger than 1024 bytes');
    expect((await httpCall(`${base}/huge`)).text).toHaveLength(64 * 1024);
  });

  it('a server that is not there, and a scheme it does not speak, reject', async () => {
    const closed = createServer();
    const port = await listenOnLoopback(closed);
    await closeServer(closed);
    await expect(httpCall(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(httpCall('ftp://127.0.0.1/')).rejects.toThrow('unsupported protocol');
  });
});
