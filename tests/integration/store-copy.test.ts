/**
 * A kiosk moves into its centre's PostgreSQL (`npm run store:copy`): its queue, dossiers, locker contents and
 * procedure catalogue come along, verified by counts, and an agent started on PostgreSQL under the kiosk's new id goes
 * on where the SQLite one stopped — the next number follows, the result in its locker is still there to collect,
 * here and only here, and the catalogue is searched without importing it again.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProcedureList } from '../../shared/procedure-schemas';
import { startKioskAgent } from '../../kiosk-agent/src/compose/start-agent';
import { MIGRATIONS } from '../../kiosk-agent/src/store/migrations/index';
import { migrate } from '../../kiosk-agent/src/store/sqlite';
import { COPIED_TABLES } from '../../kiosk-agent/src/store/store-copy';
import { getJson, postJson } from '../support/http';
import { depositInLocker, STAFF } from '../support/lockers';
import { freshDatabase } from '../support/postgres-cluster';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const DOSSIER = '000.00.15.H29-251201-0777';
const LOCKER = { driver: 'simulated', boards: [{ address: 0, locks: 4 }] } as const;

function storeCopy(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/store-copy.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const CATALOGUE = {
  procedures: [
    { code: '1.001193.H38', name: 'Đăng ký khai sinh', field: 'Hộ tịch', agency: 'UBND cấp xã', timeLimit: 'Trong ngày', fee: 'Miễn lệ phí', documents: ['Tờ khai đăng ký khai sinh'] },
    { code: '2.000815.000.00.00.H38', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', agency: 'UBND cấp xã', timeLimit: 'Trong ngày', fee: '2.000 đồng/trang', documents: ['Bản chính'] },
  ],
};

describe('npm run store:copy', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('copies every table of the kiosk but the migration log, the write probe and the alert claims, which are the target\'s own', () => {
    // A table added by a migration and forgotten here would stay behind on the kiosk, silently (the catalogue did).
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    db.close();
    expect([...COPIED_TABLES].sort()).toEqual(tables.filter((t) => !['schema_migrations', 'store_probe', 'alert_claims'].includes(t)).sort());
  });

  it('copies a kiosk into PostgreSQL, verified by counts, and the kiosk goes on there under its new id', async () => {
    const lone = await startKioskAgent({ config: { ...testConfig(dir.path), locker: LOCKER } });
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await postJson<{ number: string }>(`${lone.url}/api/tickets`, { serviceId: 'tu-phap' })).body.number);
    expect((await postJson(`${lone.url}/api/counters/1/call-next`, {}, STAFF)).status).toBe(200);
    const deposited = await depositInLocker(lone, DOSSIER);
    expect((await postJson<{ imported: number }>(`${lone.url}/api/procedures/import`, CATALOGUE, STAFF)).body.imported).toBe(2);
    await lone.stop();
    expect(numbers).toEqual(['A001', 'A002', 'A003']);

    const url = await freshDatabase();
    const copy = storeCopy(['--from', `sqlite:${dir.path}`, '--to', url, '--kiosk', 'sanh-a']);
    expect(copy.out).toMatch(/tickets\s+3 →\s+3/);
    expect(copy.out).toMatch(/dossiers\s+\d+ →\s+\d+/);
    expect(copy.out).toMatch(/procedures\s+2 →\s+2/);
    expect(copy.out).toContain('Đã chép xong');
    expect(copy.status).toBe(0);

    // Copying again into the same database would mix two queues: refused, with why.
    const again = storeCopy(['--from', `sqlite:${dir.path}`, '--to', url]);
    expect(again.status).toBe(2);
    expect(again.out).toContain('already holds 3 rows in tickets');

    const inCentre = await startKioskAgent({
      config: { ...testConfig(dir.path), locker: LOCKER, kiosk: { id: 'sanh-a', name: { vi: 'Ki-ốt sảnh A', en: 'Lobby kiosk A' } }, store: { driver: 'postgres', url } },
    });
    const other = tempDir();
    const elsewhere = await startKioskAgent({
      config: { ...testConfig(other.path), locker: LOCKER, kiosk: { id: 'sanh-b', name: { vi: 'Ki-ốt sảnh B', en: 'Lobby kiosk B' } }, store: { driver: 'postgres', url } },
    });
    try {
      expect((await postJson<{ number: string }>(`${inCentre.url}/api/tickets`, { serviceId: 'tu-phap' })).body.number).toBe('A004');
      // The catalogue came along: searched on PostgreSQL without diacritics, from either kiosk of the centre.
      for (const agent of [inCentre, elsewhere]) {
        const found = (await getJson<ProcedureList>(`${agent.url}/api/procedures?q=${encodeURIComponent('dang ky khai sinh')}`)).body;
        expect(found.procedures.map((p) => [p.code, p.name])).toEqual([['1.001193.H38', 'Đăng ký khai sinh']]);
      }
      expect((await getJson<{ documents: string[] }>(`${inCentre.url}/api/procedures/2.000815.000.00.00.H38`)).body.documents).toEqual(['Bản chính']);
      const here = await postJson<{ inLocker: boolean; lockerElsewhere?: unknown }>(`${inCentre.url}/api/pickup/lookup`, { code: DOSSIER });
      expect(here.body).toMatchObject({ inLocker: true });
      expect(here.body.lockerElsewhere).toBeUndefined();
      // At the other kiosk: where to go, and its locker does not open for this result.
      const there = await postJson(`${elsewhere.url}/api/pickup/lookup`, { code: DOSSIER });
      expect(there.body).toMatchObject({ inLocker: false, lockerElsewhere: { kioskId: 'sanh-a', kioskName: { vi: 'Ki-ốt sảnh A' } } });
      const open = await postJson<{ error: { code: string; message: string } }>(`${elsewhere.url}/api/pickup/open`, { code: DOSSIER, pickupCode: deposited.pickupCode });
      expect(open.status).toBe(409);
      expect(open.body.error.code).toBe('LOCKER_AT_OTHER_KIOSK');
      expect(open.body.error.message).toContain('Ki-ốt sảnh A');
      expect(elsewhere.simulators.locker!.isOpen(deposited.board, deposited.lock)).toBe(false);
      // At its own kiosk, the code from the SMS opens its compartment.
      const mine = await postJson<{ compartment: { board: number; lock: number } }>(`${inCentre.url}/api/pickup/open`, { code: DOSSIER, pickupCode: deposited.pickupCode });
      expect(mine.status).toBe(200);
      expect(mine.body.compartment).toEqual({ board: deposited.board, lock: deposited.lock });
      expect(inCentre.simulators.locker!.isOpen(deposited.board, deposited.lock)).toBe(true);
    } finally {
      await elsewhere.stop();
      await inCentre.stop();
      other.cleanup();
    }
  }, 90_000);
});
