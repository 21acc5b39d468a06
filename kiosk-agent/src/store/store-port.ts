/**
 * The store port: what domain code knows of where its data lives (docs/ARCHITECTURE.md "The walls"). Two adapters
 * stand behind it — SQLite on a lone kiosk (sqlite-store.ts) and PostgreSQL for a centre whose kiosks share one
 * queue (postgres-store.ts) — and one contract suite runs against both (tests/agent/store/).
 *
 * Repositories write one SQL both adapters accept: `?` placeholders (the PostgreSQL adapter numbers them), no
 * dialect-only functions (a `dialect` check where there is no common form), integers for flags. Rows come back with
 * JavaScript numbers for integer and numeric columns in both.
 */
import { isAgentError } from '../errors/agent-error';

export type SqlValue = string | number | null;
export type SqlParams = readonly SqlValue[];

/** Statements on one connection: the store itself (each statement commits alone) or an open transaction. */
export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
}

export interface TransactionOptions {
  /**
   * Transactions that read, decide and write (the next ticket to call, a compartment to give) name what they
   * decide on: two with the same key never overlap. SQLite runs every write transaction alone anyway (IMMEDIATE);
   * PostgreSQL takes a transaction-scoped advisory lock on the key, so agents of one centre decide in turn.
   */
  lock?: string;
}

export interface SqlStore extends SqlExecutor {
  /**
   * Runs `fn` in one transaction: everything it writes commits together or not at all. Inside, use `tx` only
   * (the store itself would wait for the transaction to end); await nothing but the store (no device, no network).
   * A statement that fails fails the transaction, even if the body catches it and goes on (PostgreSQL discards the
   * rest after it): the call then rejects with TransactionAbortedError and nothing is kept.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A small write in its own transaction: proof the store takes writes now. */
  probeWrite(): Promise<void>;
  /** The store's own consistency check, for the technician's self-test. */
  integrityCheck(): Promise<{ ok: boolean; detail: string }>;
  /** Where the data lives, without secrets (a file path, or host/port/database). */
  readonly location: string;
  close(): Promise<void>;
}

/** Rows of a single-column query as plain values. */
export async function pluckAll<T>(q: SqlExecutor, sql: string, params?: SqlParams): Promise<T[]> {
  const rows = await q.all<Record<string, T>>(sql, params);
  return rows.map((r) => Object.values(r)[0] as T);
}

/** The first column of the first row, or undefined. */
export async function pluck<T>(q: SqlExecutor, sql: string, params?: SqlParams): Promise<T | undefined> {
  const row = await q.get<Record<string, T>>(sql, params);
  return row ? (Object.values(row)[0] as T) : undefined;
}

/**
 * A transaction whose body went on after one of its statements failed: nothing it wrote was kept. It carries its
 * cause's code, so a store failure (SQLITE_FULL, PG_UNAVAILABLE) is still told apart from a bug.
 */
export class TransactionAbortedError extends Error {
  override name = 'TransactionAbortedError';
  readonly code: string | undefined;
  constructor(cause: unknown) {
    super(`transaction rolled back: a statement in it failed${cause ? ` (${(cause as Error).message})` : ''}`, { cause });
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/** What a transaction whose statement failed rejects with: a coded refusal as it was, anything else wrapped. */
export function abortedBy(cause: unknown): unknown {
  return isAgentError(cause) ? cause : new TransactionAbortedError(cause);
}

/** A unique constraint refused the write (SQLite's and PostgreSQL's own codes): someone else got there first. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * A domain's repositories, reachable outside a transaction (`read`) and inside one (`transaction`): the same
 * bundle built on the open transaction's executor, so everything the body writes commits together.
 */
export interface UnitOfWork<R> {
  readonly read: R;
  transaction<T>(fn: (repos: R) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export function unitOfWork<R>(store: SqlStore, make: (q: SqlExecutor) => R): UnitOfWork<R> {
  return {
    read: make(store),
    transaction: (fn, options) => store.transaction((tx) => fn(make(tx)), options),
  };
}
