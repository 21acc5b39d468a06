/**
 * PostgreSQL LISTEN/NOTIFY on one channel: how the agents of a centre tell each other what happened. Sending goes
 * through the pool (`pg_notify`, delivered when it commits, i.e. at once outside a transaction); listening holds one
 * dedicated connection, opened again with a growing pause (up to 10 s) whenever it drops, so a server restart
 * costs the events sent while it was down and nothing else.
 */
import pg from 'pg';

/** PostgreSQL refuses a notification payload of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7900;

export interface ChannelHooks {
  onMessage(payload: string): void;
  /** The listening connection dropped or could not be opened; it will be tried again. */
  onDown?(err: unknown): void;
  /** Listening again after a drop: events sent meanwhile were missed. */
  onUp?(): void;
}

export class PostgresChannel {
  private client: pg.Client | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private delayMs = 250;
  private wasDown = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly channel: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  }

  /** Sends one notification; false (not sent) when the payload is too large for PostgreSQL. */
  async notify(payload: string): Promise<boolean> {
    if (Buffer.byteLength(payload) >= MAX_PAYLOAD_BYTES) return false;
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
    return true;
  }

  /** Starts listening; resolves once the first LISTEN is in place (or failed, then retried in the background). */
  async listen(hooks: ChannelHooks): Promise<void> {
    await this.connect(hooks);
  }

  private async connect(hooks: ChannelHooks): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, connectionTimeoutMillis: 3000, application_name: 'motcua-kiosk-events' });
    const lost = (err: unknown): void => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      this.retry(hooks, err);
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('listening connection ended')));
    client.on('notification', (msg) => {
      if (msg.channel === this.channel && msg.payload !== undefined) hooks.onMessage(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.retry(hooks, err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = 250;
    if (this.wasDown) {
      this.wasDown = false;
      hooks.onUp?.();
    }
  }

  private retry(hooks: ChannelHooks, err: unknown): void {
    if (this.stopped) return;
    if (!this.wasDown) hooks.onDown?.(err);
    this.wasDown = true;
    this.timer = setTimeout(() => void this.connect(hooks), this.delayMs);
    this.timer.unref();
    this.delayMs = Math.min(this.delayMs * 2, 10_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
