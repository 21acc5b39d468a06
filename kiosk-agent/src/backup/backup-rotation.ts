/**
 * Which backups to keep (README "Backups and restore"): the newest backup of each of the `keepDaily` most recent days
 * that have one, then, among older backups, the newest of each of `keepWeekly` ISO weeks. Pure: the caller lists the
 * folder and deletes what `remove` names.
 *
 * Only this kiosk's regular backups of this store kind are considered: another kiosk's files on a shared folder, a
 * pre-migration or pre-restore snapshot (kept until a person deletes it: it is the way back from an upgrade), a file
 * still being written and anything else in the folder are never in `remove`. Neither is the backup just made.
 */
import { parseBackupFileName, type BackupName, type StoreKind } from './backup-names';

export interface RotationPolicy {
  kioskId: string;
  kind: StoreKind;
  keepDaily: number;
  keepWeekly: number;
  /** The backup just made: kept whatever the counts say. */
  justMade?: string;
  /** The day a backup belongs to, YYYY-MM-DD (the centre's local day; UTC by default). */
  dayOf?: (ms: number) => string;
}

export interface RotationPlan {
  keep: string[];
  remove: string[];
}

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The ISO 8601 week of a YYYY-MM-DD day, e.g. "2026-W49" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function planRotation(names: readonly string[], policy: RotationPolicy): RotationPlan {
  const dayOf = policy.dayOf ?? utcDay;
  const ours = names
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((b): b is { name: string; parsed: BackupName } => b.parsed?.purpose === 'backup' && b.parsed.kioskId === policy.kioskId && b.parsed.kind === policy.kind)
    // Newest first; two in one second by name, so the plan does not depend on the folder's listing order.
    .sort((a, b) => b.parsed.at - a.parsed.at || b.name.localeCompare(a.name));

  const keep = new Set<string>();
  const days = new Set<string>();
  // Weeklies come from days before every daily's day (YYYY-MM-DD compares as text).
  let oldestDailyDay = '9999-12-31';
  for (const b of ours) {
    if (days.size >= policy.keepDaily) break;
    const day = dayOf(b.parsed.at);
    if (days.has(day)) continue;
    days.add(day);
    keep.add(b.name);
    oldestDailyDay = day;
  }
  const weeks = new Set<string>();
  for (const b of ours) {
    if (weeks.size >= policy.keepWeekly) break;
    const day = dayOf(b.parsed.at);
    if (day >= oldestDailyDay) continue;
    const week = isoWeekOf(day);
    if (weeks.has(week)) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  if (policy.justMade !== undefined) keep.add(policy.justMade);
  return { keep: ours.filter((b) => keep.has(b.name)).map((b) => b.name), remove: ours.filter((b) => !keep.has(b.name)).map((b) => b.name) };
}
