/**
 * Which backups rotation keeps (kiosk-agent/src/backup/backup-rotation.ts): the newest of each of the last keepDaily
 * days, then the newest of each of keepWeekly ISO weeks before them; never the one just made, never a file that is
 * not this kiosk's regular backup of this store.
 */
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../kiosk-agent/src/backup/backup-names';
import { isoWeekOf, planRotation } from '../../../kiosk-agent/src/backup/backup-rotation';
import { localDayKey } from '../../../kiosk-agent/src/core/local-time';

const name = (iso: string, version = 15): string => backupFileName({ kioskId: 'sanh-a', kind: 'sqlite', at: Date.parse(iso), purpose: 'backup', version });

/** One backup every night at 19:00 UTC (02:00 in Hà Nội) from `first` for `days` days. */
function nightly(first: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => name(new Date(Date.parse(`${first}T19:00:00Z`) + i * 86_400_000).toISOString()));
}

const policy = { kioskId: 'sanh-a', kind: 'sqlite' as const, keepDaily: 7, keepWeekly: 4 };

describe('backup file names', () => {
  it('say who, what, when, which schema and why, and read back the same', () => {
    const at = Date.parse('2026-12-02T03:15:00Z');
    expect(name('2026-12-02T03:15:00Z')).toBe('motcua-sanh-a-sqlite-20261202T031500Z-v15.sqlite');
    const snap = backupFileName({ kioskId: 'sanh-a', kind: 'postgres', at, purpose: 'premigrate', version: 14, toVersion: 15 });
    expect(snap).toBe('motcua-sanh-a-postgres-20261202T031500Z-premigrate-v14-to-v15.pgdump');
    expect(parseBackupFileName(snap)).toEqual({ kioskId: 'sanh-a', kind: 'postgres', at, purpose: 'premigrate', version: 14, toVersion: 15 });
    expect(parseBackupFileName('motcua-sanh-a-postgres-20261202T031500Z-prerestore-v15.pgdump')).toMatchObject({ purpose: 'prerestore', version: 15 });
  });

  it('a file being written, or renamed by hand, or of the wrong extension is not a backup', () => {
    expect(parseBackupFileName('.motcua-sanh-a-sqlite-20261202T031500Z-4242.partial')).toBeUndefined();
    expect(parseBackupFileName('motcua-sanh-a-sqlite-20261202T031500Z-v15.sqlite.bak')).toBeUndefined();
    expect(parseBackupFileName('motcua-sanh-a-sqlite-20261202T031500Z-v15.pgdump')).toBeUndefined();
    expect(parseBackupFileName('kiosk.sqlite')).toBeUndefined();
  });

  it('ISO weeks start on Monday and the first holds a Thursday', () => {
    expect(isoWeekOf('2026-12-02')).toBe('2026-W49');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday in 2025's first week
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49'); // Sunday
    expect(isoWeekOf('2026-12-07')).toBe('2026-W50'); // Monday
  });
});

describe('rotation', () => {
  it('60 nightly backups: the last 7 nights, then the newest of each of the 4 ISO weeks before them', () => {
    const all = nightly('2026-10-04', 60); // the last is 2026-12-02
    const plan = planRotation(all, { ...policy, justMade: all.at(-1)! });
    const kept = plan.keep.map((n) => parseBackupFileName(n)!.at).map((ms) => new Date(ms).toISOString().slice(0, 10));
    expect(kept).toEqual([
      '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', // dailies
      '2026-11-25', // Wednesday of W48: the dailies begin on its Thursday, this is the newest of W48 before them
      '2026-11-22', '2026-11-15', '2026-11-08', // the Sundays of W47, W46, W45
    ]);
    expect(plan.remove).toHaveLength(60 - 11);
    expect(new Set([...plan.keep, ...plan.remove]).size).toBe(60);
  });

  it('several backups a day keep only the newest of each day; weeklies come from days before every daily', () => {
    const all = [
      name('2026-12-02T19:00:00Z'),
      name('2026-12-02T08:00:00Z'), // same day, older: goes
      name('2026-12-01T19:00:00Z'),
      name('2026-12-01T01:00:00Z'), // same day as the oldest daily: not a weekly either
      name('2026-11-24T19:00:00Z'), // W48 (Tue)
      name('2026-11-23T19:00:00Z'), // W48 (Mon): older in its week
    ];
    const plan = planRotation(all, { ...policy, keepDaily: 2, keepWeekly: 4 });
    expect(plan.keep).toEqual([name('2026-12-02T19:00:00Z'), name('2026-12-01T19:00:00Z'), name('2026-11-24T19:00:00Z')]);
    expect(plan.remove.sort()).toEqual([name('2026-12-02T08:00:00Z'), name('2026-12-01T01:00:00Z'), name('2026-11-23T19:00:00Z')].sort());
  });

  it('days are the centre\'s: 23:30 and 00:30 in Hà Nội are two days though one UTC day', () => {
    const late = name('2026-12-01T16:30:00Z'); // 23:30 on 1 Dec in Hà Nội
    const early = name('2026-12-01T17:30:00Z'); // 00:30 on 2 Dec in Hà Nội
    const inHanoi = planRotation([late, early], { ...policy, keepDaily: 2, dayOf: (ms) => localDayKey(ms, 'Asia/Ho_Chi_Minh') });
    expect(inHanoi.remove).toEqual([]);
    const inUtc = planRotation([late, early], { ...policy, keepDaily: 2 });
    expect(inUtc.remove).toEqual([late]);
  });

  it('never removes the backup just made, even with no dailies kept or a clock set back', () => {
    const all = nightly('2026-11-20', 10);
    const justMade = name('2026-11-01T10:00:00Z'); // the PC's clock was wrong: it looks oldest
    const plan = planRotation([...all, justMade], { ...policy, keepDaily: 0, keepWeekly: 0, justMade });
    expect(plan.keep).toEqual([justMade]);
    expect(plan.remove).toHaveLength(10);
  });

  it('leaves alone what is not this kiosk\'s regular backup of this store: other kiosks, snapshots, partial and foreign files', () => {
    const mine = nightly('2026-11-01', 20);
    const others = [
      'motcua-sanh-b-sqlite-20261001T190000Z-v15.sqlite', // another kiosk on the same share
      'motcua-sanh-a-postgres-20261001T190000Z-v15.pgdump', // the same kiosk's other store
      'motcua-sanh-a-sqlite-20261001T190000Z-premigrate-v14-to-v15.sqlite', // the way back from an upgrade
      '.motcua-sanh-a-sqlite-20261001T190000Z-999.partial',
      'ảnh chụp màn hình.png',
      'notes.txt',
      'motcua-sanh-a-sqlite-20261001T190000Z-v15.sqlite.copy',
    ];
    const plan = planRotation([...others, ...mine], { ...policy, keepDaily: 3, keepWeekly: 1 });
    for (const o of others) {
      expect(plan.remove).not.toContain(o);
      expect(plan.keep).not.toContain(o);
    }
    expect(plan.keep).toHaveLength(4);
    expect(plan.remove).toHaveLength(16);
  });

  it('fewer backups than the counts: all kept', () => {
    const all = nightly('2026-11-30', 3);
    expect(planRotation(all, policy)).toEqual({ keep: [...all].reverse(), remove: [] });
  });
});
