/**
 * One machine on the centre's network for tests/integration/lan-second-host.test.ts (a phone, a counter PC, a
 * remote touchscreen, or the kiosk itself), run inside a network namespace:
 *   ip netns exec <ns> node --import tsx tests/support/lan-client.ts http://10.231.x.1:port
 * It reads one JSON command per line on stdin and writes one JSON line per result on stdout (LanReply):
 *   {"op":"http","id":1,"method":"POST","path":"/api/tickets","headers":{…},"body":{…}} → {"op":"http","id":1,"status":201,"body":…}
 *   {"op":"ws","id":2,"headers":{…},"auth":{"type":"auth",…}} → {"op":"ws","id":2,"open":true} or {…,"refused":403}
 *   and every message that socket receives → {"op":"message","id":2,"text":"<the raw text>"}
 * HTTP goes through node:http, not fetch: fetch would not send a forged `Host` header. stdin closed → exit.
 */
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

export type LanCommand =
  | { op: 'http'; id: number; method: string; path: string; headers?: Record<string, string>; body?: unknown }
  | { op: 'ws'; id: number; headers?: Record<string, string>; auth?: Record<string, string> };

export type LanReply =
  | { op: 'http'; id: number; status: number; body: unknown }
  | { op: 'ws'; id: number; open?: true; refused?: number; error?: string }
  | { op: 'message'; id: number; text: string };

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8080');
const emit = (reply: LanReply): void => void process.stdout.write(`${JSON.stringify(reply)}\n`);
const sockets: WebSocket[] = [];

function http(c: Extract<LanCommand, { op: 'http' }>): void {
  const payload = c.body === undefined ? undefined : JSON.stringify(c.body);
  const headers = { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...c.headers };
  const req = request(new URL(c.path, base), { method: c.method, headers }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      emit({ op: 'http', id: c.id, status: res.statusCode ?? 0, body });
    });
  });
  req.on('error', (err) => emit({ op: 'http', id: c.id, status: 0, body: err.message }));
  req.end(payload);
}

function openSocket(c: Extract<LanCommand, { op: 'ws' }>): void {
  const url = new URL('/api/events', base);
  url.protocol = 'ws:';
  const ws = new WebSocket(url, { headers: c.headers ?? {} });
  sockets.push(ws);
  ws.on('open', () => {
    emit({ op: 'ws', id: c.id, open: true });
    if (c.auth) ws.send(JSON.stringify(c.auth));
  });
  ws.on('unexpected-response', (_req, res) => {
    emit({ op: 'ws', id: c.id, refused: res.statusCode ?? 0 });
    res.resume();
  });
  ws.on('message', (data: Buffer) => emit({ op: 'message', id: c.id, text: data.toString('utf8') }));
  ws.on('error', (err) => emit({ op: 'ws', id: c.id, error: err.message }));
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line) as LanCommand;
  if (command.op === 'http') http(command);
  else openSocket(command);
});
lines.on('close', () => {
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
