/**
 * Backups (README "Backups and restore"): where `npm run backup` writes (a USB disk or a network share mounted on the
 * kiosk PC, relative to the config file like the other paths) and how many it keeps: the newest of each of the last
 * `keepDaily` days, then the newest of each of `keepWeekly` ISO weeks before those. Pre-migration snapshots go to the
 * same folder (or `<dataDir>/snapshots/` without this section) and are never rotated away.
 */
import { z } from 'zod';

export const BackupConfigSchema = z
  .strictObject({
    dir: z.string().min(1),
    keepDaily: z.number().int().min(0).max(366).default(7),
    keepWeekly: z.number().int().min(0).max(520).default(4),
  })
  .optional();

export type BackupConfig = NonNullable<z.infer<typeof BackupConfigSchema>>;
