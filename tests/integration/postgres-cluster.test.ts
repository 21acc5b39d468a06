/**
 * The throwaway PostgreSQL the store's PostgreSQL tests stand on (scripts/throwaway-postgres.ts,
 * tests/support/postgres-cluster.ts): databases apart from each other, committed rows that outlive a restart and a
 * crash of the server, and a clear answer on a machine without PostgreSQL. That no server outlives the process that
 * started it is tests/integration/postgres-cluster-cleanup.test.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPostgresBinDir, PostgresNotInstalledError } from '../../scripts/postgres-binaries';
import type { ThrowawayPostgres } from '../../scripts/throwaway-postgres';
import { freshDatabase, separatePostgres } from '../support/postgres-cluster';
import { tempDir } from '../support/temp-dir';

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const tableNames = (url: string): Promise<string[]> =>
  withClient(url, async (c) => (await c.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.name));

describe('the worker cluster', () => {
  test('two fresh databases are apart: a table made in one is absent from the other, and the same name is free there', async () => {
    const [first, second] = await Promise.all([freshDatabase(), freshDatabase()]);
    expect(first).not.toBe(second);
    await withClient(first, (c) => c.query("CREATE TABLE tickets (id TEXT PRIMARY KEY); INSERT INTO tickets VALUES ('A001')"));

    expect(await tableNames(first)).toEqual(['tickets']);
    expect(await tableNames(second)).toEqual([]);
    await withClient(second, (c) => c.query('CREATE TABLE tickets (id BIGINT)'));
    expect((await withClient(first, (c) => c.query('SELECT id FROM tickets'))).rows).toEqual([{ id: 'A001' }]);
  });

  test('text sorts byte by byte, as in SQLite (the C locale): capitals before small letters, Đ after z', async () => {
    const url = await freshDatabase();
    const sorted = await withClient(url, async (c) => {
      await c.query("CREATE TABLE t (s TEXT); INSERT INTO t VALUES ('b'), ('Đ'), ('B'), ('a'), ('A')");
      return (await c.query<{ s: string }>('SELECT s FROM t ORDER BY s')).rows.map((r) => r.s);
    });
    expect(sorted).toEqual(['A', 'B', 'a', 'b', 'Đ']);
  });
});

describe('a cluster of its own, stopped and started by the test', () => {
  let cluster: ThrowawayPostgres;
  let url: string;
  beforeAll(async () => {
    cluster = await separatePostgres();
    url = await cluster.createDatabase('lobby');
    await withClient(url, (c) => c.query('CREATE TABLE tickets (number TEXT PRIMARY KEY, issued_at_ms BIGINT NOT NULL)'));
  });
  afterAll(() => cluster?.stop());

  test('it runs with fsync on, on 127.0.0.1 and the port it says', async () => {
    expect(url).toBe(`postgresql://kiosk@127.0.0.1:${cluster.port}/lobby`);
    const settings = await withClient(url, async (c) => (await c.query("SELECT current_setting('fsync') AS fsync, host(inet_server_addr()) AS addr")).rows[0]);
    expect(settings).toEqual({ fsync: 'on', addr: '127.0.0.1' });
  });

  test('a committed row is there after restart(); an uncommitted one is not', async () => {
    const open = new pg.Client({ connectionString: url });
    open.on('error', () => undefined); // the restart ends this session: expected
    await open.connect();
    await open.query('BEGIN');
    await open.query("INSERT INTO tickets VALUES ('A999', 2)");
    await withClient(url, (c) => c.query("INSERT INTO tickets VALUES ('A001', 1)"));

    await cluster.restart();

    const rows = await withClient(url, async (c) => (await c.query('SELECT number FROM tickets ORDER BY number')).rows);
    expect(rows).toEqual([{ number: 'A001' }]);
    await open.end().catch(() => undefined);
  });

  test('after kill() a client is refused (ECONNREFUSED) while the worker cluster answers; after start() the row is back', async () => {
    await withClient(url, (c) => c.query("INSERT INTO tickets VALUES ('B002', 3)"));
    const other = await freshDatabase();

    await cluster.kill();

    const refused = await withClient(url, () => Promise.resolve()).catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
    expect((await withClient(other, (c) => c.query('SELECT 1 AS one'))).rows).toEqual([{ one: 1 }]);

    await cluster.start();

    const rows = await withClient(url, async (c) => (await c.query('SELECT number FROM tickets ORDER BY number')).rows);
    expect(rows).toEqual([{ number: 'A001' }, { number: 'B002' }]);
  });
});

test('stop() ends the server and removes its folder; a URL to it is refused afterwards', async () => {
  const cluster = await separatePostgres({ fsync: false });
  const url = await cluster.createDatabase();
  expect(existsSync(join(cluster.dir, 'data', 'PG_VERSION'))).toBe(true);

  await cluster.stop();

  expect(existsSync(cluster.dir)).toBe(false);
  expect(await withClient(url, () => Promise.resolve()).catch((err: unknown) => err)).toMatchObject({ code: 'ECONNREFUSED' });
  await expect(cluster.start()).rejects.toThrow(/stopped and removed/);
});

describe('finding PostgreSQL', () => {
  test('the newest installed version is chosen by number (15 over 9.6), and only one that has an initdb', () => {
    const root = tempDir();
    try {
      for (const version of ['9.6', '15', '16']) mkdirSync(join(root.path, version, 'bin'), { recursive: true });
      for (const version of ['9.6', '15']) writeFileSync(join(root.path, version, 'bin', 'initdb'), ''); // 16: client only
      expect(findPostgresBinDir(root.path)).toBe(join(root.path, '15', 'bin'));
    } finally {
      root.cleanup();
    }
  });

  test('none installed: one line in English and one in Vietnamese, each saying to apt-get install postgresql', () => {
    const root = tempDir();
    try {
      const err = (() => {
        try {
          return findPostgresBinDir(root.path);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(PostgresNotInstalledError);
      const lines = (err as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Chưa cài PostgreSQL .*apt-get install postgresql/);
      expect(lines[1]).toMatch(/^PostgreSQL is not installed .*apt-get install postgresql/);
    } finally {
      root.cleanup();
    }
  });
});
