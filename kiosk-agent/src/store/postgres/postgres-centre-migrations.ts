/**
 * The centre-work migrations (version 10 and later) in PostgreSQL dialect: the same versions and meaning as
 * migrations/centre-migrations.ts (INTEGER → BIGINT for times, no STRICT).
 */
import type { Migration } from '../migrations/migration';

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
        seen_at_ms BIGINT NOT NULL
      );
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
        closed_at_ms BIGINT NOT NULL,
        closed_by TEXT,
        PRIMARY KEY (day, service_id)
      );
    `,
  },
  {
    version: 12,
    name: 'a message before your turn',
    sql: `
      -- A phone left at the kiosk for "your turn is near" and "you are called": each message once (the times say it
      -- went), the phone cleared after the day (retention).
      ALTER TABLE tickets ADD COLUMN phone TEXT;
      ALTER TABLE tickets ADD COLUMN notified_near_at_ms BIGINT;
      ALTER TABLE tickets ADD COLUMN notified_called_at_ms BIGINT;
    `,
  },
  {
    version: 13,
    name: 'appointments; a parked ticket',
    sql: `
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL,
        day TEXT NOT NULL,
        start_ms BIGINT NOT NULL,
        end_ms BIGINT NOT NULL,
        phone TEXT,
        name TEXT,
        source TEXT NOT NULL CHECK (source IN ('public', 'staff', 'integration')),
        address TEXT,
        booked_by TEXT,
        created_at_ms BIGINT NOT NULL,
        status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked-in', 'cancelled')),
        ticket_id TEXT REFERENCES tickets (id),
        checked_in_at_ms BIGINT
      );
      CREATE INDEX appointments_slot ON appointments (service_id, start_ms);
      CREATE INDEX appointments_phone ON appointments (phone, day) WHERE phone IS NOT NULL;
      CREATE INDEX appointments_address ON appointments (address, created_at_ms) WHERE address IS NOT NULL;

      ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
      ALTER TABLE tickets ADD CONSTRAINT tickets_status_check
        CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no-show', 'parked'));
      ALTER TABLE tickets ADD COLUMN appointment_id TEXT;
      ALTER TABLE tickets ADD COLUMN booked_at_ms BIGINT;
      ALTER TABLE tickets ADD COLUMN parked_at_ms BIGINT;
      CREATE INDEX tickets_parked ON tickets (day, counter_id) WHERE status = 'parked';
      ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_action_check;
      ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_action_check
        CHECK (action IN ('call', 'recall', 'serve', 'finish', 'no-show', 'transfer', 'park'));
    `,
  },
];
