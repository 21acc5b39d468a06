/**
 * Migrations from the centre work on (version 10 and later), SQLite dialect; the PostgreSQL ones are
 * postgres/postgres-centre-migrations.ts, the same versions. Never edit a released migration: add a new one.
 */
import type { Migration } from './index';

export const CENTRE_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'kiosks of a centre: lockers belong to a kiosk',
    sql: `
      -- A centre's kiosks share one store: each names itself (kiosks), and a locker's compartments, deposits,
      -- handovers and pickup pauses belong to the kiosk they are at. Rows from before are the lone kiosk's, whose
      -- default id is 'kiosk' (a lone SQLite kiosk renamed later takes them over at start-up).
      CREATE TABLE kiosks (
        id TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        seen_at_ms INTEGER NOT NULL
      ) STRICT;
      ALTER TABLE dossiers ADD COLUMN locker_kiosk_id TEXT;
      UPDATE dossiers SET locker_kiosk_id = 'kiosk' WHERE locker_board IS NOT NULL;
      ALTER TABLE deposits ADD COLUMN kiosk_id TEXT NOT NULL DEFAULT 'kiosk';
      ALTER TABLE handovers ADD COLUMN kiosk_id TEXT NOT NULL DEFAULT 'kiosk';
      ALTER TABLE pickup_pauses ADD COLUMN kiosk_id TEXT NOT NULL DEFAULT 'kiosk';
      ALTER TABLE pickup_audit ADD COLUMN kiosk_id TEXT;
      CREATE INDEX dossiers_in_locker ON dossiers (locker_kiosk_id, locker_board, locker_lock) WHERE status = 'in-locker';
    `,
  },
  {
    version: 11,
    name: 'a service closed for the rest of the day',
    sql: `
      -- A supervisor closes a service early (a power cut at the counters): no more tickets for it that day.
      CREATE TABLE service_closures (
        day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        closed_at_ms INTEGER NOT NULL,
        closed_by TEXT,
        PRIMARY KEY (day, service_id)
      ) STRICT;
    `,
  },
  {
    version: 12,
    name: 'a message before your turn',
    sql: `
      -- A phone left at the kiosk for "your turn is near" and "you are called": each message once (the times say it
      -- went), the phone cleared after the day (retention).
      ALTER TABLE tickets ADD COLUMN phone TEXT;
      ALTER TABLE tickets ADD COLUMN notified_near_at_ms INTEGER;
      ALTER TABLE tickets ADD COLUMN notified_called_at_ms INTEGER;
    `,
  },
];
