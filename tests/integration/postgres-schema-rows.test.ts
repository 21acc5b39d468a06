/**
 * The two schemas mean the same for rows: the same statements are run on a fresh SQLite store and on a fresh
 * PostgreSQL database (kiosk-agent/src/store/postgres/postgres-migrations.ts), and each is accepted by both or
 * refused by both for the same reason (a CHECK, a UNIQUE or partial UNIQUE index, a foreign key, NOT NULL); rows
 * written before a migration come out of its data steps the same. Rows are read from PostgreSQL with int8 as a JS
 * number, as the store's adapter reads them (tests/support/postgres-cluster.ts `postgresPool`).
 */
import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../kiosk-agent/src/store/migrations/index';
import { migratePostgres } from '../../kiosk-agent/src/store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../kiosk-agent/src/store/postgres/postgres-migrations';
import { migrate, type Db } from '../../kiosk-agent/src/store/sqlite';
import { freshDatabase, postgresPool } from '../support/postgres-cluster';

type Outcome = 'ok' | 'check' | 'unique' | 'foreign key' | 'not null';
type Row = Record<string, unknown>;

/** The same SQL text on both stores, one statement at a time, in order; what each says, in the same words. */
interface TwoStores {
  run(sql: string): Promise<{ sqlite: Outcome; postgres: Outcome }>;
  rows(sql: string): Promise<{ sqlite: Row[]; postgres: Row[] }>;
  migrateUpTo(version: number): Promise<void>;
  close(): Promise<void>;
}

const SQLITE_CODES: Record<string, Outcome> = {
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign key',
  SQLITE_CONSTRAINT_NOTNULL: 'not null',
};
const POSTGRES_CODES: Record<string, Outcome> = { '23514': 'check', '23505': 'unique', '23503': 'foreign key', '23502': 'not null' };

function outcome(err: unknown, codes: Record<string, Outcome>): Outcome {
  const code = (err as { code?: string }).code ?? '';
  const known = codes[code];
  if (!known) throw err; // a syntax error or anything else is the test's mistake, not an outcome
  return known;
}

async function twoStores(): Promise<TwoStores> {
  const db: Db = new Database(':memory:');
  db.pragma('foreign_keys = ON'); // as openStore() sets it
  const pool: pg.Pool = postgresPool(await freshDatabase(), 1);
  return {
    async run(sql) {
      let sqlite: Outcome = 'ok';
      let postgres: Outcome = 'ok';
      try {
        db.exec(sql);
      } catch (err) {
        sqlite = outcome(err, SQLITE_CODES);
      }
      await pool.query(sql).catch((err: unknown) => (postgres = outcome(err, POSTGRES_CODES)));
      return { sqlite, postgres };
    },
    async rows(sql) {
      return { sqlite: db.prepare(sql).all() as Row[], postgres: (await pool.query(sql)).rows as Row[] };
    },
    async migrateUpTo(version) {
      migrate(db, MIGRATIONS.filter((m) => m.version <= version));
      await migratePostgres(pool, POSTGRES_MIGRATIONS.filter((m) => m.version <= version));
    },
    async close() {
      db.close();
      await pool.end();
    },
  };
}

const dossier = (code: string): string =>
  `INSERT INTO dossiers (code, procedure, applicant_name, due_date, status, created_at_ms, updated_at_ms) VALUES ('${code}', '1.000948.H38', 'Nguyễn Văn A', '2025-07-10', 'ready', 1, 1)`;
const ticket = (id: string, seq: number, extra = ''): string =>
  `INSERT INTO tickets (id, day, service_id, seq, number, issued_at_ms${extra ? ', status' : ''}) VALUES ('${id}', '2025-07-04', 'S1', ${seq}, 'A00${seq}', ${1000 + seq}${extra ? `, '${extra}'` : ''})`;
const deposit = (code: string, state: string): string =>
  `INSERT INTO deposits (dossier_code, board, lock, state, created_at_ms, updated_at_ms) VALUES ('${code}', 1, 7, '${state}', 5, 5)`;
const rating = (reference: string, level: number, scale: number): string =>
  `INSERT INTO ratings (at_ms, subject, reference, level, scale) VALUES (9, 'pickup', '${reference}', ${level}, ${scale})`;

describe('the same statements, the same answers', () => {
  let stores: TwoStores;
  beforeAll(async () => {
    stores = await twoStores();
    await stores.migrateUpTo(9);
    for (const sql of [dossier('D1'), dossier('D2'), ticket('T1', 1)]) expect(await stores.run(sql)).toEqual({ sqlite: 'ok', postgres: 'ok' });
  });
  afterAll(() => stores?.close());

  const probes: [string, string, Outcome][] = [
    ['a ticket in a status that does not exist', ticket('T2', 2, 'lost'), 'check'],
    ['a second ticket with the same day, service and sequence number', ticket('T3', 1), 'unique'],
    ['a dossier without a code (a NULL key, which only STRICT keeps out of SQLite)', "INSERT INTO dossiers (code, procedure, applicant_name, due_date, status, created_at_ms, updated_at_ms) VALUES (NULL, 'p', 'A', '2025-07-10', 'ready', 1, 1)", 'not null'],
    ['a ticket without a number', "INSERT INTO tickets (id, day, service_id, seq, issued_at_ms) VALUES ('T4', '2025-07-04', 'S1', 4, 1)", 'not null'],
    ['a deposit for a dossier that does not exist', deposit('D9', 'opening'), 'foreign key'],
    ['a deposit in progress', deposit('D1', 'opening'), 'ok'],
    ['a second deposit in progress for the same dossier (partial UNIQUE index)', deposit('D1', 'awaiting-door'), 'unique'],
    ['a finished deposit beside it (outside the index)', deposit('D1', 'done'), 'ok'],
    ['a deposit in progress for another dossier', deposit('D2', 'opening'), 'ok'],
    ['a deposit in a state that does not exist', deposit('D2', 'lost'), 'check'],
    ['a handover', "INSERT INTO handovers VALUES ('D1', 1, 7, 'unlocking', 5, 5)", 'ok'],
    ['a second handover for the same dossier', "INSERT INTO handovers VALUES ('D1', 1, 8, 'unlocking', 6, 6)", 'unique'],
    ['a handover in a state that does not exist', "INSERT INTO handovers VALUES ('D2', 1, 7, 'ajar', 5, 5)", 'check'],
    ['a rating above its scale (the two-column CHECK)', rating('D1', 4, 3), 'check'],
    ['a rating of 0', rating('D1', 0, 3), 'check'],
    ['a scale of 4 levels', rating('D1', 3, 4), 'check'],
    ['a rating of 5 on 5', rating('D1', 5, 5), 'ok'],
    ['a second rating of the same pickup', rating('D1', 1, 3), 'unique'],
    ['a counter action that does not exist', "INSERT INTO ticket_events (ticket_id, day, at_ms, action) VALUES ('T1', '2025-07-04', 7, 'dance')", 'check'],
    ['a counter action on a ticket that does not exist', "INSERT INTO ticket_events (ticket_id, day, at_ms, action) VALUES ('T9', '2025-07-04', 7, 'call')", 'foreign key'],
    ['a call', "INSERT INTO ticket_events (ticket_id, day, at_ms, action, counter_id) VALUES ('T1', '2025-07-04', 7, 'call', 'Q3')", 'ok'],
    ['a diagnostics outcome that does not exist', "INSERT INTO diagnostics_audit (at_ms, action, outcome) VALUES (1, 'printer.test', 'maybe')", 'check'],
    ['a second store probe row, given id 2', 'INSERT INTO store_probe (id, at_ms) VALUES (2, 1)', 'check'],
    ['the store probe row, its id left out (it becomes 1)', 'INSERT INTO store_probe (at_ms) VALUES (5)', 'ok'],
    ['another probe row, its id left out (it would be 2)', 'INSERT INTO store_probe (at_ms) VALUES (6)', 'check'],
    ['a pickup audit row, its id left out', "INSERT INTO pickup_audit (at_ms, dossier_code, action, result) VALUES (8, 'D1', 'open', 'ok')", 'ok'],
  ];

  // In order: each probe sees the rows the earlier ones left.
  test.each(probes)('%s', async (_what, sql, expected) => {
    expect(await stores.run(sql)).toEqual({ sqlite: expected, postgres: expected });
  });

  test('the rows they left read back the same, defaults included (status waiting, printed 0, recalls 0)', async () => {
    for (const sql of ['SELECT * FROM tickets ORDER BY id', 'SELECT * FROM handovers', 'SELECT * FROM store_probe', 'SELECT * FROM dossiers ORDER BY code']) {
      const { sqlite, postgres } = await stores.rows(sql);
      expect(postgres, sql).toEqual(sqlite);
    }
    expect((await stores.rows('SELECT status, printed, recalls FROM tickets')).postgres).toEqual([{ status: 'waiting', printed: 0, recalls: 0 }]);
  });

  test('generated ids increase in both, but a refused insert leaves a gap in PostgreSQL and none in SQLite', async () => {
    for (const table of ['deposits', 'ratings', 'ticket_events', 'pickup_audit']) {
      const { sqlite, postgres } = await stores.rows(`SELECT * FROM ${table} ORDER BY id`);
      const withoutId = (rows: Row[]) => rows.map(({ id: _id, ...rest }) => rest);
      expect(withoutId(postgres), table).toEqual(withoutId(sqlite));
    }
    const ids = async (table: string) => (await stores.rows(`SELECT id FROM ${table} ORDER BY id`));
    expect(await ids('deposits')).toEqual({ sqlite: [{ id: 1 }, { id: 2 }, { id: 3 }], postgres: [{ id: 2 }, { id: 4 }, { id: 5 }] });
    expect(await ids('ticket_events')).toEqual({ sqlite: [{ id: 1 }], postgres: [{ id: 3 }] });
  });
});

test('rows written before migrations 7 and 9 come out of their data steps the same', async () => {
  const stores = await twoStores();
  try {
    await stores.migrateUpTo(6);
    const before = [
      dossier('D1'),
      dossier('D2'),
      dossier('D3'),
      "INSERT INTO tickets (id, day, service_id, seq, number, issued_at_ms, status, called_at_ms, counter_id) VALUES ('T1', '2025-07-04', 'S1', 1, 'A001', 1001, 'called', 2000, 'Q1')",
      ticket('T2', 2),
      // Two deposits in progress for D1 (the race migration 9 closes): the newer one stays, the older fails.
      "INSERT INTO deposits VALUES (1, 'D1', 1, 1, 'opening', 1, 1), (2, 'D1', 1, 2, 'awaiting-door', 2, 2), (3, 'D2', 1, 3, 'opening', 3, 3), (4, 'D3', 1, 4, 'done', 4, 4)",
      `INSERT INTO outbox (id, kind, payload, next_attempt_ms, done_at_ms, created_at_ms) VALUES
         (1, 'notify', '{"dossierCode":"D1","phone":"0912345678"}', 10, NULL, 1),
         (2, 'notify', '{"dossierCode":"D2"}', 10, 99, 1),
         (3, 'report', '{"dossierCode":"D3"}', 10, NULL, 1),
         (4, 'notify', '{"phone":"0912345678"}', 10, NULL, 1),
         (5, 'notify', '{"dossierCode":12}', 10, NULL, 1)`,
    ];
    for (const sql of before) expect(await stores.run(sql), sql).toEqual({ sqlite: 'ok', postgres: 'ok' });

    await stores.migrateUpTo(9);

    for (const sql of ['SELECT * FROM tickets ORDER BY id', 'SELECT * FROM deposits ORDER BY id', 'SELECT * FROM outbox ORDER BY id', 'SELECT * FROM dossiers ORDER BY code']) {
      const { sqlite, postgres } = await stores.rows(sql);
      expect(postgres, sql).toEqual(sqlite);
    }
    const { postgres } = await stores.rows('SELECT id, state FROM deposits ORDER BY id');
    expect(postgres.map((r) => r.state)).toEqual(['failed', 'awaiting-door', 'opening', 'done']);
    const expiring = await stores.rows('SELECT id, expires_with FROM outbox ORDER BY id');
    expect(expiring.postgres.map((r) => r.expires_with)).toEqual(['D1', null, null, null, '12']);
  } finally {
    await stores.close();
  }
});
