/**
 * A snapshot before every migration (README "Backups and restore"): an agent that finds its store at an older schema
 * writes a copy of it as it was, named with the versions from and to, before migrating — into `<dataDir>/snapshots/`
 * or `backup.dir` — and a snapshot it cannot write stops the start with the store untouched. On PostgreSQL only the
 * agent that migrates (the one holding the migration lock) makes it, however many start together. A fresh store
 * (nothing to lose) gets none.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPgDump } from '../../kiosk-agent/src/backup/postgres-backup';
import { runPgTool } from '../../kiosk-agent/src/backup/pg-tools';
import { inspectSqliteFile } from '../../kiosk-agent/src/backup/sqlite-backup';
import { startKioskAgent } from '../../kiosk-agent/src/compose/start-agent';
import { MIGRATIONS } from '../../kiosk-agent/src/store/migrations/index';
import { migratePostgres } from '../../kiosk-agent/src/store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../kiosk-agent/src/store/postgres/postgres-migrations';
import { migrate } from '../../kiosk-agent/src/store/sqlite';
import { getJson } from '../support/http';
import { freshDatabase, postgresPool } from '../support/postgres-cluster';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const OLDER = LATEST - 1;
const TICKET = `INSERT INTO tickets (id, day, service_id, seq, number, issued_at_ms) VALUES ('ve-cu-0001', '2026-12-01', 'tu-phap', 7, 'A007', 1000)`;

/** A kiosk store as an agent of the previous version left it: migrated to OLDER only, one ticket in it. */
function olderSqliteStore(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'kiosk.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.filter((m) => m.version <= OLDER));
  db.exec(TICKET);
  db.close();
}

describe('snapshot before a migration, SQLite', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('the agent snapshots the older store into <dataDir>/snapshots/, then migrates; the next start finds nothing to do', async () => {
    const dataDir = join(dir.path, 'older');
    olderSqliteStore(dataDir);
    let agent = await startKioskAgent({ config: testConfig(dataDir) });
    try {
      const files = readdirSync(join(dataDir, 'snapshots'));
      expect(files).toEqual([expect.stringMatching(new RegExp(`^motcua-kiosk-sqlite-\\d{8}T\\d{6}Z-premigrate-v${OLDER}-to-v${LATEST}\\.sqlite$`))]);
      const snapshot = new Database(join(dataDir, 'snapshots', files[0]!), { readonly: true });
      expect(snapshot.prepare('SELECT number FROM tickets').pluck().all()).toEqual(['A007']);
      snapshot.close();
      expect(inspectSqliteFile(join(dataDir, 'snapshots', files[0]!)).version).toBe(OLDER);
      // The store itself went on to the newest schema with its ticket.
      expect((await getJson<{ number: string }>(`${agent.url}/api/tickets/ve-cu-0001`)).body.number).toBe('A007');
    } finally {
      await agent.stop();
    }
    agent = await startKioskAgent({ config: testConfig(dataDir) });
    await agent.stop();
    expect(readdirSync(join(dataDir, 'snapshots'))).toHaveLength(1);
  });

  it('a fresh store has nothing to keep: no snapshot', async () => {
    const dataDir = join(dir.path, 'fresh');
    const agent = await startKioskAgent({ config: { ...testConfig(dataDir), backup: { dir: join(dir.path, 'fresh-usb') } } });
    await agent.stop();
    expect(existsSync(join(dataDir, 'snapshots'))).toBe(false);
    expect(existsSync(join(dir.path, 'fresh-usb'))).toBe(false);
  });

  it('a snapshot that cannot be written stops the start, says why and what to do, and leaves the store as it was', async () => {
    const dataDir = join(dir.path, 'blocked');
    olderSqliteStore(dataDir);
    const notAFolder = join(dir.path, 'usb-not-mounted');
    writeFileSync(notAFolder, ''); // backup.dir names a file: nothing can be written under it
    const refused = await startKioskAgent({ config: { ...testConfig(dataDir), backup: { dir: notAFolder } } }).catch((err: unknown) => err as Error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).name).toBe('StoreOpenError'); // main.ts: one line, exit 2
    expect((refused as Error).message).toContain(`could not write the snapshot before migrating v${OLDER} → v${LATEST} into ${notAFolder}`);
    expect((refused as Error).message).toContain('Chưa nâng cấp CSDL vì không tạo được bản chụp trước khi nâng cấp');
    const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(OLDER);
    db.close();
  });
});

describe('snapshot before a migration, PostgreSQL', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('two agents start together on an older database: the one that migrates snapshots it, once', async () => {
    const url = await freshDatabase();
    const pool = postgresPool(url, 1);
    await migratePostgres(pool, POSTGRES_MIGRATIONS.filter((m) => m.version <= OLDER));
    await pool.query(TICKET);
    await pool.end();
    const usb = join(dir.path, 'usb');
    const kiosk = (id: string) => ({
      ...testConfig(join(dir.path, id)),
      kiosk: { id, name: { vi: id, en: id } },
      store: { driver: 'postgres' as const, url },
      backup: { dir: usb },
    });
    const agents = await Promise.all([startKioskAgent({ config: kiosk('sanh-a') }), startKioskAgent({ config: kiosk('sanh-b') })]);
    try {
      const files = readdirSync(usb);
      expect(files).toEqual([expect.stringMatching(new RegExp(`^motcua-sanh-[ab]-postgres-\\d{8}T\\d{6}Z-premigrate-v${OLDER}-to-v${LATEST}\\.pgdump$`))]);
      const dump = join(usb, files[0]!);
      expect((await inspectPgDump(dump)).version).toBe(OLDER);
      expect(await runPgTool('pg_restore', ['--data-only', '--table=tickets', '--file=-', dump])).toContain('ve-cu-0001');
      expect((await getJson<{ number: string }>(`${agents[1].url}/api/tickets/ve-cu-0001`)).body.number).toBe('A007');
    } finally {
      await Promise.all(agents.map((a) => a.stop()));
    }
  });
});
