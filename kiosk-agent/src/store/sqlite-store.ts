/**
 * The SQLite adapter of the store port (store-port.ts): one better-sqlite3 connection, WAL, a statement cache.
 *
 * better-sqlite3 is synchronous and one connection has one transaction at a time, so transactions take turns:
 * each waits for the one before it, then runs BEGIN IMMEDIATE … COMMIT with its own executor. A statement on the
 * store itself waits too while a transaction is open (it would otherwise land inside that transaction). A
 * statement on the store issued from inside a transaction would wait for itself forever: that is a bug, and it
 * throws at once (AsyncLocalStorage knows which transaction the caller runs in).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statement } from 'better-sqlite3';
import type { Db } from './sqlite';
import { probeWrite } from './sqlite';
import { abortedBy, type SqlExecutor, type SqlParams, type SqlStore, type TransactionOptions } from './store-port';

class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite';
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  statement(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  allNow<T>(sql: string, params: SqlParams = []): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  getNow<T>(sql: string, params: SqlParams = []): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  runNow(sql: string, params: SqlParams = []): { changes: number } {
    const s = this.statement(sql);
    // A statement with RETURNING gives rows: run() would refuse it, all() runs it and counts what it changed.
    if (s.reader) return { changes: s.all(...params).length };
    return { changes: s.run(...params).changes };
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return attempt(() => this.allNow<T>(sql, params));
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return attempt(() => this.getNow<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return attempt(() => this.runNow(sql, params));
  }
}

function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

/** The executor a transaction hands to its body; it refuses use after the transaction ended. */
class TxExecutor implements SqlExecutor {
  readonly dialect = 'sqlite';
  open = true;
  /** The first statement that failed: the transaction fails with it, as it does in PostgreSQL. */
  failed: unknown;

  constructor(private readonly base: SqliteExecutor) {}

  private check(): void {
    if (!this.open) throw new Error('store transaction already ended: a statement ran after its transaction (missing await?)');
  }

  private track<T>(fn: () => T): Promise<T> {
    return attempt(() => {
      this.check();
      try {
        return fn();
      } catch (err) {
        this.failed ??= err;
        throw err;
      }
    });
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.track(() => this.base.allNow<T>(sql, params));
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.track(() => this.base.getNow<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return this.track(() => this.base.runNow(sql, params));
  }
}

export class SqliteStore implements SqlStore {
  readonly dialect = 'sqlite';
  private readonly exec: SqliteExecutor;
  /** Resolves when the transaction in progress (if any) has ended. */
  private turn: Promise<void> = Promise.resolve();
  private busy = false;
  private readonly inTx = new AsyncLocalStorage<true>();

  constructor(
    readonly db: Db,
    readonly location: string,
  ) {
    this.exec = new SqliteExecutor(db);
  }

  private whenFree<T>(fn: () => T): Promise<T> {
    if (this.inTx.getStore()) {
      return Promise.reject(new Error('the store was used directly inside one of its transactions: use the transaction\'s executor'));
    }
    if (!this.busy) return attempt(fn);
    return this.turn.then(() => this.whenFree(fn));
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.whenFree(() => this.exec.allNow<T>(sql, params));
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.whenFree(() => this.exec.getNow<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return this.whenFree(() => this.exec.runNow(sql, params));
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    if (this.inTx.getStore()) throw new Error('a store transaction was started inside another: pass the open transaction on instead');
    while (this.busy) await this.turn;
    this.busy = true;
    let release!: () => void;
    this.turn = new Promise((r) => (release = r));
    const tx = new TxExecutor(this.exec);
    try {
      this.exec.runNow('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await this.inTx.run(true, () => fn(tx));
      } catch (err) {
        tx.open = false;
        if (this.db.inTransaction) this.exec.runNow('ROLLBACK');
        throw err;
      }
      tx.open = false;
      if (tx.failed !== undefined) throw abortedBy(tx.failed);
      this.exec.runNow('COMMIT');
      return result;
    } catch (err) {
      // A COMMIT that failed (disk full) leaves the transaction open: roll it back so the next one can begin.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      tx.open = false;
      this.busy = false;
      release();
    }
  }

  probeWrite(): Promise<void> {
    return this.whenFree(() => probeWrite(this.db));
  }

  integrityCheck(): Promise<{ ok: boolean; detail: string }> {
    return this.whenFree(() => {
      const result = String(this.db.pragma('quick_check', { simple: true }));
      return { ok: result === 'ok', detail: `SQLite quick_check: ${result}` };
    });
  }

  async close(): Promise<void> {
    while (this.busy) await this.turn;
    this.db.close();
  }
}
