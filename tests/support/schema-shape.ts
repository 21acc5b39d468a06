/**
 * A store's schema as plain data, read from SQLite's PRAGMAs or from PostgreSQL's catalogs into the same form, so a
 * test can compare the two stores table by table (tests/integration/postgres-schema.test.ts).
 *
 * Indexes are the ones a migration created by name (CREATE INDEX). The indexes each database makes by itself for a
 * PRIMARY KEY or UNIQUE constraint (SQLite's sqlite_autoindex_*, PostgreSQL's *_pkey and *_key) are left out of
 * `indexes` on both sides and compared as constraints instead: `primaryKey` and `unique`.
 */
import type { Db } from '../../kiosk-agent/src/store/sqlite';
import type pg from 'pg';

export interface ColumnShape {
  name: string;
  nullable: boolean;
  /** The default as written, without PostgreSQL's cast ('waiting'::text → 'waiting'); null when none. */
  default: string | null;
  /** The declared type as the database names it: SQLite's INTEGER, TEXT; PostgreSQL's bigint, integer, text. */
  type: string;
  /** Filled in by the database when an insert leaves it out: SQLite's INTEGER PRIMARY KEY, PostgreSQL's identity. */
  autoId: boolean;
}

export interface IndexShape {
  name: string;
  unique: boolean;
  partial: boolean;
  columns: string[];
}

export interface TableShape {
  columns: ColumnShape[];
  primaryKey: string[];
  /** Each UNIQUE constraint's columns, sorted. */
  unique: string[][];
  /** `column → table(column)` for each foreign key, sorted. */
  foreignKeys: string[];
  /** Sorted by name. */
  indexes: IndexShape[];
}

export type SchemaShape = Record<string, TableShape>;

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

export function sqliteSchemaShape(db: Db): SchemaShape {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const shape: SchemaShape = {};
  for (const table of tables) {
    const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const rowidAlias = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : undefined;
    const indexList = db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number; origin: string; partial: number }[];
    const columnsOf = (index: string): string[] => (db.prepare(`PRAGMA index_info(${index})`).all() as { name: string | null }[]).map((c) => c.name ?? '<expression>');
    const fks = db.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string; table: string; to: string }[];
    // table_info reports notnull = 0 for a key column that is NOT NULL all the same: a rowid alias, or any
    // PRIMARY KEY column of a STRICT table (an ordinary table takes a NULL key, an old SQLite quirk).
    const strict = (db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(table) as number) === 1;
    const keyNotNull = (c: { name: string; pk: number }): boolean => c.pk > 0 && (strict || c.name === rowidAlias);
    shape[table] = {
      columns: info.map((c) => ({ name: c.name, nullable: c.notnull === 0 && !keyNotNull(c), default: c.dflt_value, type: c.type, autoId: c.name === rowidAlias })),
      primaryKey: pk.map((c) => c.name),
      unique: indexList.filter((i) => i.origin === 'u').map((i) => columnsOf(i.name)).sort(),
      foreignKeys: fks.map((f) => `${f.from} → ${f.table}(${f.to})`).sort(),
      indexes: indexList
        .filter((i) => i.origin === 'c')
        .map((i) => ({ name: i.name, unique: i.unique === 1, partial: i.partial === 1, columns: columnsOf(i.name) }))
        .sort(byName),
    };
  }
  return shape;
}

export async function postgresSchemaShape(db: pg.Pool | pg.Client): Promise<SchemaShape> {
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await db.query(sql, params)).rows as T[];
  const tables = await rows<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\"");
  const shape: SchemaShape = {};
  for (const { name: table } of tables) {
    const columns = await rows<{ name: string; nullable: string; dflt: string | null; type: string; identity: string }>(
      `SELECT column_name AS name, is_nullable AS nullable, column_default AS dflt, data_type AS type, is_identity AS identity
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    // Constraints with their columns in key order (unnest WITH ORDINALITY keeps conkey's order).
    const constraints = await rows<{ type: string; columns: string[]; ref: string | null }>(
      `SELECT c.contype AS type,
              ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
              CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text || '(' ||
                (SELECT string_agg(a.attname, ', ') FROM unnest(c.confkey) k(attnum)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) || ')' END AS ref
         FROM pg_constraint c WHERE c.conrelid = $1::regclass`,
      [table],
    );
    // Indexes not made for a constraint; a key column of 0 is an expression.
    const indexes = await rows<{ name: string; unique: boolean; partial: boolean; columns: string[] }>(
      `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
              ARRAY(SELECT COALESCE(a.attname::text, '<expression>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
                      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [table],
    );
    shape[table] = {
      columns: columns.map((c) => ({
        name: c.name,
        nullable: c.nullable === 'YES',
        default: c.dflt === null ? null : c.dflt.replace(/::[a-z ]+$/, ''),
        type: c.type,
        autoId: c.identity === 'YES',
      })),
      primaryKey: constraints.find((c) => c.type === 'p')?.columns ?? [],
      unique: constraints.filter((c) => c.type === 'u').map((c) => c.columns).sort(),
      foreignKeys: constraints
        .filter((c) => c.type === 'f')
        .map((c) => `${c.columns.join(', ')} → ${c.ref}`)
        .sort(),
      indexes: indexes.sort(byName),
    };
  }
  return shape;
}
