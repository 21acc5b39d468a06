/**
 * The PostgreSQL adapter of the store port (store-port.ts): a `pg` pool to the centre's server, shared by every
 * kiosk agent of the centre.
 *
 * - SQL arrives with `?` placeholders (the one SQL both adapters read) and is numbered here ($1, $2…).
 * - int8 and numeric come back as JavaScript numbers, as SQLite gives them (counts, millisecond times).
 * - A transaction with a `lock` takes `pg_advisory_xact_lock` on it first: agents deciding on the same thing (the
 *   next ticket, a free compartment) take turns, and the lock ends with the transaction whatever happens.
 * - A server that cannot be reached fails fast (`connectionTimeoutMillis`) with an error coded PG_UNAVAILABLE, which
 *   the store health and the error mapper turn into 503 STORE_UNAVAILABLE; the pool reconnects by itself. A pool
 *   emits `error` when an idle connection dies (the server restarted): it is reported, never thrown.
 */
import pg from 'pg';
import { AgentError } from '../../errors/agent-error';
import { abortedBy, TransactionAbortedError, type SqlExecutor, type SqlParams, type SqlStore, type TransactionOptions } from '../store-port';

/** Numbers the `?` placeholders of a statement, leaving quoted text and identifiers alone. */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      n += 1;
      out += `$${n}`;
    } else out += ch;
  }
  return out;
}

const INT8 = 20;
const NUMERIC = 1700;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** PostgreSQL's own refusals (SQLSTATE, five characters) are answers; anything else is the link to it failing. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0|58)/;

/** The error a caller sees when the server cannot be reached or the connection broke: code PG_UNAVAILABLE. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly code = 'PG_UNAVAILABLE';
  constructor(cause: unknown) {
    super(`PostgreSQL unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * Text PostgreSQL cannot store (a NUL byte, bytes that are not UTF-8) is a bad request, not a failing store: the
 * person is told to fix what they sent, as a validation error.
 */
const BAD_TEXT = new Set(['22021', '22P05']);

function normalise(err: unknown): unknown {
  const sqlstate = (err as { code?: unknown } | null)?.code;
  if (typeof sqlstate === 'string' && BAD_TEXT.has(sqlstate)) {
    return new AgentError('VALIDATION_FAILED', 'Dữ liệu gửi lên có ký tự không hợp lệ (ví dụ ký tự NUL). Vui lòng sửa lại rồi gửi lại.', {
      fields: [{ path: '(body)', message: 'text with a character PostgreSQL cannot store (NUL)' }],
    });
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SQLSTATE.test(code) && !UNAVAILABLE_SQLSTATE.test(code)) return err;
  return err instanceof StoreUnavailableError ? err : new StoreUnavailableError(err);
}

/** Whether an error is one this adapter says the server is unreachable with (also true for the SQLSTATEs above). */
export function isUnavailable(err: unknown): boolean {
  return err instanceof StoreUnavailableError;
}

/**
 * The same question for an error straight from `pg` (not through this adapter: the migrations at start-up): a
 * socket error (ECONNREFUSED…), a connection-class SQLSTATE, or pg's own uncoded words for a dropped link. Unlike
 * `normalise`, an uncoded error of ours (a schema too new) is not taken for one.
 */
export function isUnreachable(err: unknown): boolean {
  if (isUnavailable(err)) return true;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return /^E[A-Z]+$/.test(code) || UNAVAILABLE_SQLSTATE.test(code);
  return /timeout exceeded when trying to connect|Connection terminated/.test((err as Error)?.message ?? '');
}

const cache = new Map<string, string>();
function compiled(sql: string): string {
  let text = cache.get(sql);
  if (text === undefined) {
    text = numberPlaceholders(sql);
    if (cache.size < 2000) cache.set(sql, text);
  }
  return text;
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

class PgExecutor implements SqlExecutor {
  readonly dialect = 'postgres';
  open = true;
  /** The first statement that failed: PostgreSQL refuses the rest of the transaction after it. */
  failed: unknown;

  constructor(private readonly on: Queryable) {}

  protected async query<T>(sql: string, params: SqlParams = []): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    if (!this.open) throw new Error('store transaction already ended: a statement ran after its transaction (missing await?)');
    try {
      return await this.on.query<T & pg.QueryResultRow>(compiled(sql), params as unknown[]);
    } catch (err) {
      const coded = normalise(err);
      this.failed ??= coded;
      throw coded;
    }
  }

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows;
  }

  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.query<T>(sql, params)).rows[0];
  }

  async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }
}

export interface PostgresStoreOptions {
  url: string;
  poolSize?: number;
  /** How long a request waits for a connection before it is told the store is unavailable. */
  connectTimeoutMs?: number;
  /** An idle connection died (the server restarted, the network dropped). */
  onIdleError?: (err: unknown) => void;
}

/** host:port/database of a connection URL, without user or password (for logs, health and diagnostics). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgres://(invalid url)';
  }
}

export class PostgresStore extends PgExecutor implements SqlStore {
  readonly location: string;

  constructor(
    readonly pool: pg.Pool,
    url: string,
  ) {
    super(pool);
    this.location = describeUrl(url);
  }

  static create(options: PostgresStoreOptions): PostgresStore {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      application_name: 'motcua-kiosk',
      types: typeParsers,
    });
    pool.on('error', (err) => options.onIdleError?.(err));
    return new PostgresStore(pool, options.url);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw normalise(err);
    }
    // A connection that drops while checked out emits 'error' on its client as well as failing the query: the query's
    // rejection is what this transaction answers with; the event must not become an uncaught exception.
    let broken: unknown;
    const onClientError = (err: unknown): void => {
      broken ??= err;
    };
    client.on('error', onClientError);
    const tx = new PgExecutor(client);
    try {
      await tx.run('BEGIN');
      if (options?.lock) await tx.run('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`motcua:${options.lock}`]);
      const result = await fn(tx);
      // Closed before COMMIT goes out: a statement the body forgot to await is refused, never run after the commit.
      tx.open = false;
      if (tx.failed !== undefined) {
        // The body caught a failed statement and went on: PostgreSQL discarded everything, so this transaction
        // fails too rather than resolve as if its writes were kept (SQLite's adapter does the same).
        throw abortedBy(tx.failed);
      }
      let commit: pg.QueryResult;
      try {
        commit = await client.query('COMMIT');
      } catch (err) {
        throw normalise(err); // the server went away during the commit: unknown outcome, a store failure (503)
      }
      if (commit.command !== 'COMMIT') throw new TransactionAbortedError(undefined);
      return result;
    } catch (err) {
      if (isUnavailable(err)) broken = err;
      else await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
      throw err;
    } finally {
      tx.open = false;
      client.off('error', onClientError);
      // A connection that failed is dropped, not handed to the next request.
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : new Error(String(broken)));
    }
  }

  async probeWrite(): Promise<void> {
    await this.run('INSERT INTO store_probe (id, at_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms', [Date.now()]);
  }

  async integrityCheck(): Promise<{ ok: boolean; detail: string }> {
    const row = await this.get<{ version: string; schema: number }>(
      `SELECT current_setting('server_version') AS version, (SELECT MAX(version) FROM schema_migrations) AS schema`,
    );
    return { ok: true, detail: `PostgreSQL ${row?.version ?? '?'} at ${this.location}, schema ${row?.schema ?? '?'}` };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
