/**
 * Migrations from the centre work on (version 10 and later), SQLite dialect; the PostgreSQL ones are
 * postgres/postgres-centre-migrations.ts, the same versions. Never edit a released migration: add a new one.
 */
import type { Migration } from './migration';

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
  {
    version: 13,
    name: 'appointments; a parked ticket',
    // The tickets table is rebuilt (SQLite cannot change a CHECK in place): see Migration.rebuildsTables.
    rebuildsTables: true,
    sql: `
      -- A visit booked ahead (a phone page, a counter, the province's booking system) for one slot of a service, and
      -- checked in at the kiosk for a ticket. The code is what the citizen types or scans; phone and name are
      -- personal data, cleared by retention once the day is over. \`address\` is the booking client's network
      -- address (public bookings only), for the limit per address.
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL,
        day TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        phone TEXT,
        name TEXT,
        source TEXT NOT NULL CHECK (source IN ('public', 'staff', 'integration')),
        address TEXT,
        booked_by TEXT,
        created_at_ms INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked-in', 'cancelled')),
        ticket_id TEXT REFERENCES tickets (id),
        checked_in_at_ms INTEGER
      ) STRICT;
      CREATE INDEX appointments_slot ON appointments (service_id, start_ms);
      CREATE INDEX appointments_phone ON appointments (phone, day) WHERE phone IS NOT NULL;
      CREATE INDEX appointments_address ON appointments (address, created_at_ms) WHERE address IS NOT NULL;

      -- Tickets gain: the appointment checked in for it and its booked time (the queue calls it at that time), and
      -- a new status 'parked' (the citizen stepped away to photocopy a paper; the counter calls it back later).
      CREATE TABLE tickets_next (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        priority TEXT,
        status TEXT NOT NULL DEFAULT 'waiting'
          CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no-show', 'parked')),
        issued_at_ms INTEGER NOT NULL,
        counter_id TEXT,
        called_at_ms INTEGER,
        serving_at_ms INTEGER,
        done_at_ms INTEGER,
        printed INTEGER NOT NULL DEFAULT 0,
        print_error TEXT,
        queue_service_id TEXT,
        queue_key_ms INTEGER,
        target_counter_id TEXT,
        first_called_at_ms INTEGER,
        recalls INTEGER NOT NULL DEFAULT 0,
        phone TEXT,
        notified_near_at_ms INTEGER,
        notified_called_at_ms INTEGER,
        appointment_id TEXT,
        booked_at_ms INTEGER,
        parked_at_ms INTEGER,
        UNIQUE (day, service_id, seq)
      ) STRICT;
      INSERT INTO tickets_next (id, day, service_id, seq, number, priority, status, issued_at_ms, counter_id, called_at_ms,
        serving_at_ms, done_at_ms, printed, print_error, queue_service_id, queue_key_ms, target_counter_id,
        first_called_at_ms, recalls, phone, notified_near_at_ms, notified_called_at_ms)
      SELECT id, day, service_id, seq, number, priority, status, issued_at_ms, counter_id, called_at_ms,
        serving_at_ms, done_at_ms, printed, print_error, queue_service_id, queue_key_ms, target_counter_id,
        first_called_at_ms, recalls, phone, notified_near_at_ms, notified_called_at_ms FROM tickets;
      DROP TABLE tickets;
      ALTER TABLE tickets_next RENAME TO tickets;
      CREATE INDEX tickets_waiting ON tickets (day, service_id, status, issued_at_ms);
      CREATE INDEX tickets_done ON tickets (service_id, done_at_ms) WHERE done_at_ms IS NOT NULL;
      CREATE INDEX tickets_queue ON tickets (day, queue_service_id, status, queue_key_ms);
      CREATE INDEX tickets_target ON tickets (day, target_counter_id, status, queue_key_ms) WHERE target_counter_id IS NOT NULL;
      CREATE INDEX tickets_at_counter ON tickets (counter_id, status) WHERE status IN ('called', 'serving');
      CREATE INDEX tickets_parked ON tickets (day, counter_id) WHERE status = 'parked';

      -- A counter's events gain 'park' (calling a parked ticket back is a 'call').
      CREATE TABLE ticket_events_next (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        day TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('call', 'recall', 'serve', 'finish', 'no-show', 'transfer', 'park')),
        counter_id TEXT,
        detail TEXT
      ) STRICT;
      INSERT INTO ticket_events_next (id, ticket_id, day, at_ms, action, counter_id, detail)
      SELECT id, ticket_id, day, at_ms, action, counter_id, detail FROM ticket_events;
      DROP TABLE ticket_events;
      ALTER TABLE ticket_events_next RENAME TO ticket_events;
      CREATE INDEX ticket_events_day ON ticket_events (day, action, at_ms);
    `,
  },
  {
    version: 14,
    name: 'officers sign in as themselves; what staff do is audited',
    sql: `
      -- An account per officer (issue 19): the password as a scrypt hash, a role, disabled rather than deleted (the
      -- audit names it). Wrong passwords in a row lock it for a while, and the lock survives a restart.
      CREATE TABLE staff_accounts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        disabled_at_ms INTEGER,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER
      ) STRICT;
      -- A signed-in officer: the token only as its SHA-256, ended by sign-out, idleness, the day's limit or a
      -- disabled account.
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
        counter_id TEXT,
        created_at_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        ended_at_ms INTEGER
      ) STRICT;
      CREATE INDEX staff_sessions_live ON staff_sessions (account_id) WHERE ended_at_ms IS NULL;
      -- Who did what: every staff action through the API, with the officer signed in (or the integration token's
      -- name), the day, what it was done to (a ticket number, a dossier code, an account) and where.
      CREATE TABLE staff_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        day TEXT NOT NULL,
        account_id INTEGER REFERENCES staff_accounts (id),
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        counter_id TEXT,
        kiosk_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX staff_audit_day ON staff_audit (day, action);
      CREATE INDEX staff_audit_account ON staff_audit (account_id, day);
      -- Which officer did each counter action (null for an integration token): ratings and reports per officer.
      ALTER TABLE ticket_events ADD COLUMN account_id INTEGER;
    `,
  },
  {
    version: 15,
    name: 'ratings name the officer; deposits name who put the result in',
    sql: `
      -- A rating is attributed to the officer who finished the ticket, or for a pickup to the officer who put the
      -- result in the compartment (Circular 01/2018: evaluation per dossier and per officer). Reasons are the
      -- configured reason ids, joined by commas; the dossier code is the one the officer entered for the visit.
      ALTER TABLE ratings ADD COLUMN account_id INTEGER;
      ALTER TABLE ratings ADD COLUMN dossier_code TEXT;
      ALTER TABLE ratings ADD COLUMN reasons TEXT;
      CREATE INDEX ratings_account ON ratings (account_id, at_ms);
      ALTER TABLE deposits ADD COLUMN account_id INTEGER;
      -- The dossier an officer received or returned during a counter visit, entered at the console.
      ALTER TABLE tickets ADD COLUMN dossier_code TEXT;
    `,
  },
];
