/**
 * A small stand-in for a province one-stop system: GET /api/dossiers/:code answers from a table (404 when
 * unknown), POST /api/dossiers/:code/status records the report. It can fail the next N requests with 503, answer
 * slowly, or go away entirely, as real ones do.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

export interface ReceivedReport {
  code: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export class FakeOneStop {
  readonly dossiers = new Map<string, Record<string, unknown>>();
  readonly reports: ReceivedReport[] = [];
  readonly lookups: string[] = [];
  failNext = 0;
  delayMs = 0;
  private server: Server | undefined;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        setTimeout(() => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
        }, this.delayMs);
      });
    });
    this.port = await listenOnLoopback(this.server, port);
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    await closeServer(s);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    let raw = '';
    for await (const chunk of req) raw += (chunk as Buffer).toString();
    if (this.failNext > 0) {
      this.failNext -= 1;
      return { status: 503, body: { message: 'bảo trì' } };
    }
    const m = /^\/api\/dossiers\/([^/]+)(\/status)?$/.exec(req.url ?? '');
    if (!m) return { status: 404 };
    const code = decodeURIComponent(m[1]!);
    if (req.method === 'GET' && !m[2]) {
      this.lookups.push(code);
      const d = this.dossiers.get(code);
      return d ? { status: 200, body: { data: d } } : { status: 404, body: { message: 'không có' } };
    }
    if (req.method === 'POST' && m[2]) {
      this.reports.push({ code, body: JSON.parse(raw) as Record<string, unknown>, authorization: req.headers.authorization });
      return { status: 200, body: { ok: true } };
    }
    return { status: 405 };
  }
}
