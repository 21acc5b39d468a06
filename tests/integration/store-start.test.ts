/**
 * Starting on a store the agent must not use: one clear line (with what to do, in Vietnamese) and exit 2, nothing
 * listening — a store a newer agent migrated (SQLite and PostgreSQL), a centre server that is not there.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startKioskAgent } from '../../kiosk-agent/src/compose/start-agent';
import { MIGRATIONS } from '../../kiosk-agent/src/store/migrations/index';
import { POSTGRES_MIGRATIONS } from '../../kiosk-agent/src/store/postgres/postgres-migrations';
import { spawnAgent } from '../support/agent-process';
import { freshDatabase } from '../support/postgres-cluster';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

async function refusedStart(config: object): Promise<{ code: number | null; output: string; ms: number }> {
  const dir = tempDir();
  const file = join(dir.path, 'site.json');
  writeFileSync(file, JSON.stringify(config));
  const started = Date.now();
  const agent = spawnAgent(['--config', file]);
  const exit = await agent.exited;
  dir.cleanup();
  return { code: exit.code, output: agent.output(), ms: Date.now() - started };
}

describe('a store the agent must not use stops start-up', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('SQLite migrated by a newer agent: refused, the file untouched', async () => {
    const data = join(dir.path, 'newer');
    const first = await startKioskAgent({ config: testConfig(data) });
    await first.stop();
    const db = new Database(join(data, 'kiosk.sqlite'));
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x')`).run();
    db.close();
    const r = await refusedStart({ ...testConfig(data) });
    expect(r.code).toBe(2);
    // Both versions, so the technician knows which agent the store needs.
    expect(r.output).toContain(`the database's schema is version 999, this agent knows up to ${Math.max(...MIGRATIONS.map((m) => m.version))}`);
    expect(r.output).toContain('Hãy cài phiên bản ki-ốt mới nhất');
    const after = new Database(join(data, 'kiosk.sqlite'), { readonly: true });
    expect(after.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 999 });
    after.close();
  });

  it('PostgreSQL migrated by a newer agent: refused the same way', async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    await client.query(`INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')`);
    await client.end();
    const r = await refusedStart({ ...testConfig(join(dir.path, 'pg-newer')), store: { driver: 'postgres', url } });
    expect(r.code).toBe(2);
    expect(r.output).toContain(`the database's schema is version 999, this agent knows up to ${Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version))}`);
    expect(r.output).toContain('Hãy cài phiên bản ki-ốt mới nhất');
    expect(r.output).not.toContain('secret');
  });

  it('a centre server that does not answer: waits as long as configured, then one line saying what to check', async () => {
    const url = 'postgres://kiosk:secret@127.0.0.1:1/motcua';
    const r = await refusedStart({ ...testConfig(join(dir.path, 'pg-down')), store: { driver: 'postgres', url, waitAtStartMs: 1500 } });
    expect(r.code).toBe(2);
    expect(r.output).toContain('cannot use the store postgres://127.0.0.1:1/motcua');
    expect(r.output).toContain('Không kết nối được máy chủ PostgreSQL');
    expect(r.output).not.toContain('secret'); // the password never reaches the output
    expect(r.ms).toBeGreaterThan(1400);
    expect(r.ms).toBeLessThan(20_000);
  });
});
