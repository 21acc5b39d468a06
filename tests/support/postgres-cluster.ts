/**
 * PostgreSQL for tests: one throwaway cluster per Vitest worker process, as tests/e2e/browser.ts shares one Chromium.
 * Starting a cluster costs about a second and a half (initdb, then the server), a database about a tenth of one, so
 * each test file or test asks for a database of its own (`freshDatabase()`) on the worker's cluster, started by the
 * first to ask. Nothing stops it explicitly: when the worker exits (Vitest ends it with SIGTERM), the exit handlers
 * of scripts/throwaway-postgres-cleanup.ts stop it and remove its folder.
 *
 * The worker's cluster runs without fsync (a killed server still keeps every committed row; only a crash of the
 * machine would lose them). A test that stops, kills or restarts PostgreSQL must not do it to the cluster other
 * files' databases live on: it takes a cluster of its own with `separatePostgres()` and stops it itself.
 */
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres, type ThrowawayPostgresOptions } from '../../scripts/throwaway-postgres';

let shared: Promise<ThrowawayPostgres> | undefined;

/** The worker's cluster, started on first use. A start that failed is tried again by the next caller. */
export function sharedPostgres(): Promise<ThrowawayPostgres> {
  shared ??= startThrowawayPostgres({ fsync: false }).catch((err: unknown) => {
    shared = undefined;
    throw err;
  });
  return shared;
}

/** A new, empty database on the worker's cluster: its connection URL. */
export async function freshDatabase(): Promise<string> {
  return (await sharedPostgres()).createDatabase();
}

/**
 * A cluster of the caller's own, to stop, kill or restart: the caller stops it (afterAll). fsync is on unless asked
 * otherwise, so what survives a restart is what a real server would keep.
 */
export function separatePostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  return startThrowawayPostgres({ fsync: true, ...options });
}

/**
 * A pool on a test database that reads int8 (BIGINT: milliseconds, ids, counts) as a JS number, as the store's
 * PostgreSQL adapter does, so rows compare equal to SQLite's. End it after use (`pool.end()`).
 */
export function postgresPool(url: string, max = 4): pg.Pool {
  const types = new pg.TypeOverrides();
  types.setTypeParser(20, (text: string) => Number(text));
  return new pg.Pool({ connectionString: url, types, max });
}
