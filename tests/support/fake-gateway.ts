/**
 * A small stand-in for the SMS/Zalo gateway the webhook notifier posts to (`notifier.driver: "webhook"`): every
 * message it accepts, with the bearer token it came with, and a way to refuse the next N with 503, as a gateway in
 * maintenance does (`failNext = Infinity`: down until set back to 0), or to refuse one number's messages (`refuseTo`).
 */
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

export interface GatewayMessage {
  to: string;
  text: string;
  reference: string;
  /** The Authorization header, when the kiosk sent one. */
  auth?: string;
}

export class FakeGateway {
  readonly received: GatewayMessage[] = [];
  failNext = 0;
  /** Numbers whose messages it refuses with 503 while listed (one subscriber it cannot reach, the others fine). */
  readonly refuseTo = new Set<string>();
  private server: Server | undefined;
  private port = 0;

  /** The webhook URL to configure. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (this.failNext > 0) {
          this.failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        if (this.refuseTo.has((JSON.parse(body) as GatewayMessage).to)) {
          res.writeHead(503).end();
          return;
        }
        this.received.push({ ...(JSON.parse(body) as GatewayMessage), ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    this.port = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    await closeServer(s);
  }
}
