/**
 * The PostgreSQL schema is the SQLite schema (kiosk-agent/src/store/postgres/postgres-migrations.ts against
 * kiosk-agent/src/store/migrations/index.ts), and migratePostgres behaves as the store needs it to when agents
 * start together, start again, or meet a schema newer than they know. Each test has a fresh database on the
 * worker's cluster (tests/support/postgres-cluster.ts). What the constraints do with rows, and what the data steps
 * of the migrations do, is tests/integration/postgres-schema-rows.test.ts.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIGRATIONS, type Migration } from '../../kiosk-agent/src/store/migrations/index';
import { MIGRATION_LOCK_KEY, migratePostgres, StoreSchemaTooNewError } from '../../kiosk-agent/src/store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../kiosk-agent/src/store/postgres/postgres-migrations';
import { migrate } from '../../kiosk-agent/src/store/sqlite';
import { freshDatabase, postgresPool } from '../support/postgres-cluster';
import { postgresSchemaShape, sqliteSchemaShape, type SchemaShape } from '../support/schema-shape';

const ALL_VERSIONS = MIGRATIONS.map((m) => m.version);

/** The 0/1 flags: SQLite INTEGER columns that stay INTEGER (int4) in PostgreSQL; every other INTEGER is BIGINT. */
const FLAGS = ['tickets.printed'];
/**
 * SQLite INTEGER PRIMARY KEYs (rowids, which SQLite fills in when an insert leaves them out) that are plain keys in
 * PostgreSQL rather than identities: the migrator always writes the version, and an identity would not mean the
 * same anyway (versions written explicitly do not move its sequence on). Every other one is an identity.
 */
const PLAIN_KEYS = ['schema_migrations.version'];

function sqliteShape(): SchemaShape {
  const db = new Database(':memory:');
  try {
    migrate(db, MIGRATIONS);
    return sqliteSchemaShape(db);
  } finally {
    db.close();
  }
}

/** Runs `use` with a pool on a fresh database and ends the pool afterwards. */
async function onFreshDatabase<T>(use: (pool: pg.Pool, url: string) => Promise<T>): Promise<T> {
  const url = await freshDatabase();
  const pool = postgresPool(url);
  try {
    return await use(pool, url);
  } finally {
    await pool.end();
  }
}

/** From a session of its own: an advisory lock is reentrant, so the session that held it would always get it. */
async function lockIsFree(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS got', [MIGRATION_LOCK_KEY])).rows[0]!.got;
  } finally {
    await client.end();
  }
}

const sqlite = sqliteShape();
const tables = Object.keys(sqlite);


/** The newest schema version this agent knows. */
const NEWEST = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
describe('a fresh database migrated by migratePostgres has the schema of a fresh SQLite store', () => {
  let postgres: SchemaShape;
  let ran: number[];
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = postgresPool(await freshDatabase());
    ran = await migratePostgres(pool, POSTGRES_MIGRATIONS);
    postgres = await postgresSchemaShape(pool);
  });
  afterAll(() => pool?.end());

  test('the same migrations: versions and names, in order, and all of them ran', async () => {
    expect(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name }))).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(ran).toEqual(ALL_VERSIONS);
    const rows = (await pool.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  });

  test('the same tables', () => {
    expect(tables).toContain('schema_migrations');
    expect(Object.keys(postgres)).toEqual(tables);
  });

  // The types differ by design (INTEGER → bigint…): they are checked by the next test, everything else here.
  test.each(tables)('%s: columns (order, nullability, defaults, generated ids), primary key, UNIQUEs, foreign keys, indexes', (table) => {
    const withoutTypes = (shape: SchemaShape, plainKeys: string[] = []) => ({
      ...shape[table]!,
      columns: shape[table]!.columns.map(({ type: _type, ...c }) => ({ ...c, autoId: c.autoId && !plainKeys.includes(`${table}.${c.name}`) })),
    });
    expect(withoutTypes(postgres)).toEqual(withoutTypes(sqlite, PLAIN_KEYS));
  });

  test('types: INTEGER is bigint but for the 0/1 flags (integer), TEXT is text; nothing else is used', () => {
    const expected = (table: string, column: string, sqliteType: string): string => {
      if (sqliteType === 'TEXT') return 'text';
      if (sqliteType === 'INTEGER') return FLAGS.includes(`${table}.${column}`) ? 'integer' : 'bigint';
      return `(no rule for ${sqliteType})`;
    };
    for (const table of tables) {
      const want = sqlite[table]!.columns.map((c) => `${c.name} ${expected(table, c.name, c.type)}`);
      expect(postgres[table]!.columns.map((c) => `${c.name} ${c.type}`), table).toEqual(want);
    }
  });
});

describe('migratePostgres', () => {
  test('a second run applies nothing and leaves the rows of the first', async () => {
    await onFreshDatabase(async (pool) => {
      await migratePostgres(pool, POSTGRES_MIGRATIONS, { now: () => new Date('2025-07-04T01:00:00Z') });
      expect(await migratePostgres(pool, POSTGRES_MIGRATIONS)).toEqual([]);
      const rows = (await pool.query('SELECT DISTINCT applied_at FROM schema_migrations')).rows;
      expect(rows).toEqual([{ applied_at: '2025-07-04T01:00:00.000Z' }]);
    });
  });

  test('five agents starting together on one fresh database: all succeed, one of them applies each version once', async () => {
    await onFreshDatabase(async (_pool, url) => {
      const agents = Array.from({ length: 5 }, () => postgresPool(url, 2));
      try {
        const results = await Promise.all(agents.map((pool) => migratePostgres(pool, POSTGRES_MIGRATIONS)));
        expect(results.filter((r) => r.length > 0)).toEqual([ALL_VERSIONS]);
        expect(results.filter((r) => r.length === 0)).toHaveLength(4);
      } finally {
        await Promise.all(agents.map((pool) => pool.end()));
      }
      const pool = postgresPool(url);
      try {
        const counts = (await pool.query('SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version')).rows;
        expect(counts).toEqual(ALL_VERSIONS.map((version) => ({ version, n: 1 })));
      } finally {
        await pool.end();
      }
    });
  });

  test('a database whose schema is newer (version 999) is refused, nothing is applied, and the lock is free again', async () => {
    await onFreshDatabase(async (pool, url) => {
      await pool.query("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01T00:00:00.000Z')");

      const refused = await migratePostgres(pool, POSTGRES_MIGRATIONS).catch((err: unknown) => err);

      expect(refused).toBeInstanceOf(StoreSchemaTooNewError);
      expect(refused).toMatchObject({ name: 'StoreSchemaTooNewError', databaseVersion: 999, knownVersion: NEWEST });
      expect((refused as Error).message).toBe(
        `the database's schema is version 999, this agent knows up to ${NEWEST}: upgrade this agent (or restore a backup made for this version)`,
      );
      const tablesNow = (await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows;
      expect(tablesNow).toEqual([{ tablename: 'schema_migrations' }]);
      expect(await lockIsFree(url)).toBe(true);
    });
  });

  test('a migration that fails leaves nothing of itself, records nothing, says which one failed, and frees the lock', async () => {
    const broken: Migration = { version: NEWEST + 1, name: 'broken', sql: 'CREATE TABLE half_done (id BIGINT); SELECT no_such_function()' };
    await onFreshDatabase(async (pool, url) => {
      const failed = await migratePostgres(pool, [...POSTGRES_MIGRATIONS, broken]).catch((err: unknown) => err);

      expect((failed as Error).message).toMatch(new RegExp(`^PostgreSQL migration ${NEWEST + 1} \\(broken\\) failed: function no_such_function\\(\\) does not exist`));
      expect((failed as Error).cause).toMatchObject({ code: '42883' });
      const versions = (await pool.query('SELECT max(version) AS v FROM schema_migrations')).rows;
      expect(versions).toEqual([{ v: NEWEST }]);
      expect((await pool.query("SELECT to_regclass('half_done') AS t")).rows).toEqual([{ t: null }]);
      expect(await lockIsFree(url)).toBe(true);
    });
  });

  test('an agent waits for the lock while another holds it, and with lockTimeoutMs gives up instead', async () => {
    await onFreshDatabase(async (pool, url) => {
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
        await expect(migratePostgres(pool, POSTGRES_MIGRATIONS, { lockTimeoutMs: 200 })).rejects.toMatchObject({ code: '55P03' });

        const waiting = migratePostgres(pool, POSTGRES_MIGRATIONS);
        await new Promise((r) => setTimeout(r, 300));
        expect((await pool.query("SELECT to_regclass('schema_migrations') AS t")).rows).toEqual([{ t: null }]);
        await holder.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
        expect(await waiting).toEqual(ALL_VERSIONS);
      } finally {
        await holder.end();
      }
    });
  });
});
