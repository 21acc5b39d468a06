/**
 * `npm run store:copy -- --from sqlite:./data/site --to postgres://user:pass@host:5432/motcua [--kiosk sanh-a]`:
 * copies a kiosk's SQLite store (the folder holding kiosk.sqlite) into the centre's PostgreSQL, migrated first, and
 * verifies the copy by counting every table. Stop the kiosk agent first: the copy reads its file as it is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postgresSnapshotHook, sqliteSnapshotHook } from '../kiosk-agent/src/backup/pre-migration-snapshot';
import { migratePostgres } from '../kiosk-agent/src/store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../kiosk-agent/src/store/postgres/postgres-migrations';
import { PostgresStore } from '../kiosk-agent/src/store/postgres/postgres-store';
import { openStore } from '../kiosk-agent/src/store/sqlite';
import { copySqliteToPostgres } from '../kiosk-agent/src/store/store-copy';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, kiosk: { type: 'string' } }, strict: true });
  const usage = 'usage: npm run store:copy -- --from sqlite:DATA_DIR --to postgres://user:password@host:5432/database [--kiosk KIOSK_ID]';
  if (!values.from?.startsWith('sqlite:') || !values.to || !/^postgres(ql)?:\/\//.test(values.to)) fail(usage);
  const dataDir = values.from.slice('sqlite:'.length);
  if (!existsSync(join(dataDir, 'kiosk.sqlite'))) fail(`Không thấy ${join(dataDir, 'kiosk.sqlite')} / no kiosk store in ${dataDir}`);
  if (values.kiosk !== undefined && !/^[a-z0-9][a-z0-9-]{0,31}$/.test(values.kiosk)) fail('--kiosk: lower-case letters, digits and dashes (e.g. sanh-a)');
  // Either store may be migrated on the way: a snapshot of it as it was goes to <dataDir>/snapshots/ first.
  const place = { dir: join(dataDir, 'snapshots'), kioskId: values.kiosk ?? 'kiosk' };
  const said = ({ path }: { path: string }): void => void process.stderr.write(`Bản chụp trước khi nâng cấp / snapshot before migrating: ${path}\n`);
  let source;
  try {
    source = openStore({ dataDir, beforeMigrate: sqliteSnapshotHook(place, said) });
  } catch (err) {
    fail(`Chưa chép được / copy failed: ${(err as Error).message}`);
  }
  const target = PostgresStore.create({ url: values.to, poolSize: 2 });
  try {
    await migratePostgres(target.pool, POSTGRES_MIGRATIONS, { beforeMigrate: postgresSnapshotHook(values.to, place, said) });
    const report = await copySqliteToPostgres(source, target, values.kiosk ? { kioskId: values.kiosk } : {});
    for (const r of report) process.stdout.write(`${r.table.padEnd(20)} ${String(r.source).padStart(8)} → ${String(r.target).padStart(8)}\n`);
    process.stdout.write(`Đã chép xong, số dòng khớp ở mọi bảng. / Copied; every table's row count matches (${target.location}).\n`);
  } catch (err) {
    fail(`Chưa chép được / copy failed: ${(err as Error).message}`);
  } finally {
    source.close();
    await target.close();
  }
}

void main();
