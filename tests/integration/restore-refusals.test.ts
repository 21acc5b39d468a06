/**
 * What `npm run restore` refuses, and says so in one line with its exit code, leaving the store as it was: an agent
 * still running (its store open, or its port answering), a backup whose schema is newer than this code, a file cut
 * short or damaged or not a backup at all; and a command given wrongly (exit 2).
 *
 * The command itself runs as a process where what it prints and its exit code are the point (and in
 * backup-restore.test.ts); the other refusals call what it calls, in this process: the command prints the refusal's
 * message as it is and exits with its code (kiosk-agent/src/backup/cli-common.ts), and each process start costs a
 * second.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../../kiosk-agent/src/backup/backup-errors';
import { backupNow } from '../../kiosk-agent/src/backup/make-backup';
import { restoreBackup } from '../../kiosk-agent/src/backup/restore-backup';
import { dumpPostgres } from '../../kiosk-agent/src/backup/postgres-backup';
import { startKioskAgent } from '../../kiosk-agent/src/compose/start-agent';
import { loadSiteConfigFile } from '../../kiosk-agent/src/config/load-config';
import { MIGRATIONS } from '../../kiosk-agent/src/store/migrations/index';
import { runBackupCli, writeSiteFile } from '../support/backup-cli';
import { postJson } from '../support/http';
import { freshDatabase } from '../support/postgres-cluster';
import { onStore } from '../support/store-rows';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

/** What the command would print and exit with, run in this process. */
async function restoreHere(site: string, file: string): Promise<{ code: number; out: string }> {
  try {
    await restoreBackup(loadSiteConfigFile(site), file);
    return { code: 0, out: '' };
  } catch (err) {
    if (err instanceof BackupError) return { code: err.exitCode, out: err.message };
    throw err;
  }
}

describe('npm run restore refuses', () => {
  const dir = tempDir();
  const dataDir = join(dir.path, 'data');
  let site: string;
  let good: string;
  const tickets = () => {
    const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
    const n = db.prepare('SELECT COUNT(*) FROM tickets').pluck().get();
    db.close();
    return n;
  };
  /** The store is as it was: the same tickets, nothing put aside. */
  const untouched = () => {
    expect(tickets()).toBe(2);
    expect(readdirSync(dataDir).filter((f) => f.includes('before-restore'))).toEqual([]);
  };
  const variant = (name: string, change: (bytes: Buffer) => Buffer) => {
    const file = join(dir.path, name);
    writeFileSync(file, change(readFileSync(good)));
    return file;
  };

  beforeAll(async () => {
    site = writeSiteFile(dir.path, { ...testConfig(dataDir), backup: { dir: 'usb' } });
    const agent = await startKioskAgent({ configPath: site });
    for (let i = 0; i < 2; i++) await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    await agent.stop();
    good = (await backupNow(loadSiteConfigFile(site))).path;
  });
  afterAll(() => dir.cleanup());

  it('while the agent runs: its store is open (any port), or its configured port answers', async () => {
    const agent = await startKioskAgent({ configPath: site });
    try {
      const open = await runBackupCli('restore', ['--config', site, good]);
      expect(open.out).toContain('đang được một chương trình khác mở');
      expect(open.out).toContain('stop the agent first');
      expect(open.code).toBe(1);
      const onItsPort = writeSiteFile(dir.path, { ...testConfig(dataDir), server: { host: '127.0.0.1', port: agent.port } }, 'on-port.json');
      const answering = await restoreHere(onItsPort, good);
      expect(answering.out).toContain(`Ki-ốt đang chạy (http://127.0.0.1:${agent.port}/api/health trả lời)`);
      expect(answering.code).toBe(1);
      expect((await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' })).status).toBe(201); // unharmed
    } finally {
      await agent.stop();
    }
    await onStore({ kind: 'sqlite', where: dataDir }, [`DELETE FROM tickets WHERE number = 'A003'`]);
    untouched();
  });

  describe('a file it must not restore', () => {
    it('a schema newer than this code: both versions named', async () => {
      const newer = variant('newer.sqlite', (b) => b);
      const db = new Database(newer);
      db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x')`).run();
      db.close();
      const r = await restoreHere(site, newer);
      expect(r.out).toContain(`Bản sao lưu có lược đồ v999, phiên bản ki-ốt này chỉ biết đến v${LATEST}`);
      expect(r.out).toContain(`the backup's schema is version 999, this agent knows up to ${LATEST}`);
      expect(r.code).toBe(1);
      untouched();
    });

    it('a file cut short (a USB disk pulled out during the copy)', async () => {
      const cut = variant('cut.sqlite', (b) => b.subarray(0, Math.floor(b.length / 2) + 100));
      const r = await restoreHere(site, cut);
      expect(r.out).toMatch(/^Tệp sao lưu bị hỏng hoặc không đầy đủ, không dùng được \/ the backup file is damaged or incomplete: .*cut\.sqlite \(truncated: /);
      expect(r.code).toBe(1);
      untouched();
    });

    it('a file with damaged pages', async () => {
      const damaged = variant('damaged.sqlite', (b) => {
        const copy = Buffer.from(b);
        copy.fill(0x5a, 4096 * 2, 4096 * 4); // pages 3 and 4 overwritten
        return copy;
      });
      const r = await restoreHere(site, damaged);
      expect(r.out).toContain('the backup file is damaged or incomplete');
      expect(r.code).toBe(1);
      untouched();
    });

    it('a file that is no backup at all', async () => {
      const notes = join(dir.path, 'notes.txt');
      writeFileSync(notes, 'ghi chú của kỹ thuật viên\n');
      const r = await restoreHere(site, notes);
      expect(r.out).toContain('not a kiosk backup (neither SQLite nor pg_dump)');
      expect(r.code).toBe(1);
      untouched();
    });

    it('a command given wrongly: no file, a file that is not there, a PostgreSQL dump for a SQLite kiosk (exit 2)', async () => {
      const none = await runBackupCli('restore', ['--config', site]);
      expect(none.out).toContain('usage: npm run restore -- --config FILE BACKUP_FILE');
      expect(none.code).toBe(2);
      const missing = await restoreHere(site, join(dir.path, 'usb', 'gone.sqlite'));
      expect(missing.out).toContain('Không có tệp / no such file');
      expect(missing.code).toBe(2);
      const dump = join(dir.path, 'centre.pgdump');
      writeFileSync(dump, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]));
      const wrongKind = await restoreHere(site, dump);
      expect(wrongKind.out).toContain('the backup is postgres, the site\'s store is sqlite');
      expect(wrongKind.code).toBe(2);
      untouched();
    });
  });
});

describe('npm run restore on PostgreSQL refuses', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('while an agent of the centre is connected, a newer schema, a dump cut short', async () => {
    const url = await freshDatabase();
    const site = writeSiteFile(dir.path, { ...testConfig(join(dir.path, 'data')), store: { driver: 'postgres', url } });
    const agent = await startKioskAgent({ configPath: site });
    const good = join(dir.path, 'good.pgdump');
    try {
      await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
      await dumpPostgres(url, good);
      const r = await restoreHere(site, good);
      expect(r.out).toMatch(/^Ki-ốt vẫn đang kết nối tới CSDL từ 127\.0\.0\.1 \/ agents are still connected to the database from 127\.0\.0\.1 \(\d+ sessions\)/);
      expect(r.code).toBe(1);
    } finally {
      await agent.stop();
    }
    const newerDb = await freshDatabase();
    const restored = await restoreHere(writeSiteFile(dir.path, { ...testConfig(join(dir.path, 'data')), store: { driver: 'postgres', url: newerDb } }, 'newer.json'), good);
    expect(restored.code).toBe(0); // into an empty database: nothing to keep aside
    await onStore({ kind: 'postgres', where: newerDb }, [`INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')`]);
    const newer = join(dir.path, 'newer.pgdump');
    await dumpPostgres(newerDb, newer);
    const tooNew = await restoreHere(site, newer);
    const cutFile = join(dir.path, 'cut.pgdump');
    writeFileSync(cutFile, readFileSync(good).subarray(0, Math.floor(readFileSync(good).length * 0.8)));
    const cut = await restoreHere(site, cutFile);
    expect(tooNew.out).toContain(`this agent knows up to ${LATEST}`);
    expect(tooNew.out).toContain('version 999');
    expect(tooNew.code).toBe(1);
    expect(cut.out).toContain('the backup file is damaged or incomplete');
    expect(cut.out).toContain('cut.pgdump (pg_restore');
    expect(cut.code).toBe(1);
  });
});
