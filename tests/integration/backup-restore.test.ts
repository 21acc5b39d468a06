/**
 * A backup made while the kiosk works, put back after the store went wrong (README "Backups and restore"), on each
 * store: tickets called and finished, dossiers, a deposit still in its locker and a handover done, the officers'
 * and the pickup audit — all as they were when the backup was made, and the kiosk goes on from there: the next
 * number follows, the result in the locker opens with the code from its SMS.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupNow } from '../../kiosk-agent/src/backup/make-backup';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { loadSiteConfigFile } from '../../kiosk-agent/src/config/load-config';
import { runBackupCli, writeSiteFile } from '../support/backup-cli';
import { postJson } from '../support/http';
import { depositInLocker } from '../support/lockers';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';
import { waitUntil } from '../support/socat';
import { onStore, storeRows, type StoreLocation } from '../support/store-rows';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

// Doors polled often: the test waits for each door it shuts.
const LOCKER = { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 } as const;
const HANDED_OVER = '000.00.15.H29-251201-0001';
const IN_LOCKER = '000.00.15.H29-251201-0002';
/** What the backup must hold exactly as it was: nothing writes these while the backup is made. */
const STILL_TABLES = ['dossiers', 'deposits', 'handovers', 'staff_audit', 'pickup_audit', 'staff_accounts'];

async function handOver(agent: RunningAgent, code: string, pickupCode: string): Promise<void> {
  const open = await postJson<{ compartment: { board: number; lock: number } }>(`${agent.url}/api/pickup/open`, { code, pickupCode });
  expect(open.status).toBe(200);
  agent.simulators.locker!.closeDoor(open.body.compartment.board, open.body.compartment.lock);
  await waitUntil(async () => (await postJson<{ status: string }>(`${agent.url}/api/pickup/lookup`, { code })).body.status === 'returned', 3000, `${code} returned`);
}

describe.each(['sqlite', 'postgres'] as const)('backup and restore on %s', (kind) => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('restores what the store held when the backup was made, and the kiosk goes on from there', async () => {
    const dataDir = join(dir.path, 'data');
    const url = kind === 'postgres' ? await freshDatabase() : undefined;
    const at: StoreLocation = { kind, where: url ?? dataDir };
    // `usb` is relative: beside the config file, as the technician's USB disk mount would be named there.
    const site = writeSiteFile(dir.path, { ...testConfig(dataDir), locker: LOCKER, ...(url ? { store: { driver: 'postgres', url } } : {}), backup: { dir: 'usb' } });
    let agent = await startKioskAgent({ configPath: site });
    let deposited;
    try {
      const officer = await signedIn(agent, 'lan', 'officer', '1');
      for (let i = 0; i < 3; i++) expect((await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' })).status).toBe(201);
      expect((await postJson(`${agent.url}/api/counters/1/call-next`, {}, officer)).status).toBe(200);
      expect((await postJson(`${agent.url}/api/counters/1/finish`, {}, officer)).status).toBe(200);
      expect((await postJson(`${agent.url}/api/counters/1/call-next`, {}, officer)).status).toBe(200);
      const first = await depositInLocker(agent, HANDED_OVER, {}, officer);
      await handOver(agent, HANDED_OVER, first.pickupCode);
      deposited = await depositInLocker(agent, IN_LOCKER, { applicantName: 'Trần Thị Bình' }, officer);

      const before = await storeRows(at, [...STILL_TABLES, 'tickets']);
      expect(before.handovers).toHaveLength(1);
      expect(before.staff_audit!.length).toBeGreaterThan(3);
      expect(before.pickup_audit!.length).toBeGreaterThan(0);

      // Tickets keep being issued while the backup is made.
      let writing = true;
      let issuedMeanwhile = 0;
      const writer = (async () => {
        while (writing) {
          expect((await postJson(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' })).status).toBe(201);
          issuedMeanwhile += 1;
        }
      })();
      await waitUntil(() => Promise.resolve(issuedMeanwhile > 0), 3000, 'a ticket issued');
      const backup = await runBackupCli('backup', ['--config', site]);
      writing = false;
      await writer;
      expect(backup.out).toContain('Đã sao lưu và kiểm tra');
      expect(backup.code).toBe(0);
      const files = readdirSync(join(dir.path, 'usb'));
      const ext = kind === 'sqlite' ? 'sqlite' : 'pgdump';
      expect(files).toEqual([expect.stringMatching(new RegExp(`^motcua-kiosk-${kind}-\\d{8}T\\d{6}Z-v\\d+\\.${ext}$`))]);
      expect(backup.out).toContain(files[0]);

      // After the backup: another handover, more tickets; then the agent stops and the store is damaged.
      await handOver(agent, IN_LOCKER, deposited.pickupCode);
      await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
      await agent.stop();
      await onStore(at, [
        'DELETE FROM staff_audit',
        'DELETE FROM pickup_audit',
        `UPDATE dossiers SET applicant_name = 'Sai tên'`,
        'DELETE FROM ticket_events',
        'DELETE FROM tickets',
        // A table of a newer schema (a rolled-back upgrade) holding a key into one the restore replaces.
        ...(kind === 'postgres' ? ['CREATE TABLE from_newer (dossier_code TEXT REFERENCES dossiers (code))'] : []),
      ]);

      const restore = await runBackupCli('restore', ['--config', site, join(dir.path, 'usb', files[0]!)]);
      expect(restore.out).toContain('Đã khôi phục');
      expect(restore.out).toMatch(/tickets \d+, dossiers 2, handovers 1/);
      expect(restore.code).toBe(0);
      if (kind === 'sqlite') {
        expect(restore.out).toMatch(/kept at: .*kiosk\.sqlite\.before-restore-\d{8}T\d{6}Z/);
        expect(readdirSync(dataDir).some((f) => /^kiosk\.sqlite\.before-restore-/.test(f))).toBe(true);
      } else {
        expect(restore.out).toMatch(/kept at: .*motcua-kiosk-postgres-\d{8}T\d{6}Z-prerestore-v\d+\.pgdump/);
        expect(restore.out).toContain('from_newer');
      }

      const after = await storeRows(at, [...STILL_TABLES, 'tickets', 'daily_sequences']);
      for (const t of STILL_TABLES) expect(after[t], t).toEqual(before[t]);
      // The A tickets as they were; of those issued during the backup, a consistent first part: D001…Dk, and the
      // day's counter at k (one snapshot, not a file read while it changed).
      const numbers = (p: string) => after.tickets!.filter((t) => String(t.number).startsWith(p));
      expect(numbers('A')).toEqual(before.tickets!);
      const d = numbers('D').map((t) => t.number).sort();
      expect(d.length).toBeLessThanOrEqual(issuedMeanwhile);
      expect(d).toEqual(Array.from({ length: d.length }, (_, i) => `D${String(i + 1).padStart(3, '0')}`));
      const dSeq = after.daily_sequences!.find((s) => s.service_id === 'dat-dai');
      expect(dSeq?.last_seq ?? 0).toBe(d.length);

      // The kiosk goes on from the backup: the next A number follows it, the result is in its locker again and the
      // code from its SMS opens it.
      agent = await startKioskAgent({ configPath: site });
      const next = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
      expect(next.body.number).toBe('A004');
      expect((await postJson(`${agent.url}/api/pickup/lookup`, { code: IN_LOCKER })).body).toMatchObject({ inLocker: true });
      expect((await postJson(`${agent.url}/api/pickup/lookup`, { code: HANDED_OVER })).body).toMatchObject({ status: 'returned', inLocker: false });
      const open = await postJson(`${agent.url}/api/pickup/open`, { code: IN_LOCKER, pickupCode: deposited.pickupCode });
      expect(open.status).toBe(200);
    } finally {
      await agent.stop();
    }
    expect(existsSync(join(dir.path, 'usb'))).toBe(true);
  });
});

describe('npm run backup and its folder', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('rotates this kiosk\'s old backups and nothing else; a folder it cannot write is one line and exit 1', async () => {
    const dataDir = join(dir.path, 'data');
    const usb = join(dir.path, 'usb');
    const site = writeSiteFile(dir.path, { ...testConfig(dataDir), kiosk: { id: 'sanh-a', name: { vi: 'A', en: 'A' } }, backup: { dir: usb, keepDaily: 2, keepWeekly: 1 } });
    const agent = await startKioskAgent({ configPath: site });
    await agent.stop();
    mkdirSync(usb);
    // Three nights of this kiosk's backups (old, 2026), and what else lives on a technician's USB disk.
    const old = ['20260105T190000Z', '20260106T190000Z', '20260107T190000Z'].map((t) => `motcua-sanh-a-sqlite-${t}-v15.sqlite`);
    const foreign = ['motcua-sanh-b-sqlite-20260105T190000Z-v15.sqlite', 'motcua-sanh-a-sqlite-20260101T190000Z-premigrate-v14-to-v15.sqlite', 'biên bản bàn giao.docx'];
    for (const f of [...old, ...foreign]) writeFileSync(join(usb, f), 'x');

    const made = await backupNow(loadSiteConfigFile(site));
    // Kept: today's (just made) and the newest older day as dailies, then the newest of an earlier ISO week.
    expect(made.rotation.removed).toEqual([old[0]]);
    expect(readdirSync(usb).sort()).toEqual([...foreign, old[1], old[2], made.path.slice(usb.length + 1)].sort());

    writeSiteFile(dir.path, { ...testConfig(dataDir), backup: { dir: join(usb, old[1]!) } }, 'onto-a-file.json');
    const refused = await runBackupCli('backup', ['--config', join(dir.path, 'onto-a-file.json')]);
    expect(refused.out).toMatch(/^Không tạo được thư mục sao lưu \/ cannot create the backup folder .*: EEXIST/);
    expect(refused.out.trim().split('\n')).toHaveLength(1);
    expect(refused.code).toBe(1);
  });
});
