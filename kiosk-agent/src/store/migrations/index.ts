/**
 * Schema migrations, applied in order inside one transaction each. Never edit a released migration: add a new one.
 */
import type { Migration } from './migration';

export type { Migration };

import { FEE_MIGRATIONS } from './fee-migrations';
import { CENTRE_MIGRATIONS } from './centre-migrations';
import { CATALOGUE_MIGRATIONS } from './catalogue-migrations';
import { PAYMENT_ASSIGNMENT_MIGRATIONS } from './payment-assignment-migrations';
import { ALERT_MIGRATIONS } from './alert-migrations';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'queue tickets',
    sql: `
      CREATE TABLE daily_sequences (
        day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (day, service_id)
      ) STRICT;

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        priority TEXT,
        status TEXT NOT NULL DEFAULT 'waiting'
          CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no-show')),
        issued_at_ms INTEGER NOT NULL,
        counter_id TEXT,
        called_at_ms INTEGER,
        serving_at_ms INTEGER,
        done_at_ms INTEGER,
        printed INTEGER NOT NULL DEFAULT 0,
        print_error TEXT,
        UNIQUE (day, service_id, seq)
      ) STRICT;
      CREATE INDEX tickets_waiting ON tickets (day, service_id, status, issued_at_ms);
      CREATE INDEX tickets_done ON tickets (service_id, done_at_ms) WHERE done_at_ms IS NOT NULL;

      -- Consecutive priority calls per service and day: the fairness rule's memory, kept durable so a restart
      -- does not hand priority tickets a fresh streak.
      CREATE TABLE queue_state (
        day TEXT NOT NULL,
        service_id TEXT NOT NULL,
        priority_streak INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, service_id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'dossiers',
    sql: `
      CREATE TABLE dossiers (
        code TEXT PRIMARY KEY,
        procedure TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        phone TEXT,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL,
        locker_board INTEGER,
        locker_lock INTEGER,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      ) STRICT;

      -- Every pickup attempt, for the audit trail (never the pickup code itself).
      CREATE TABLE pickup_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        dossier_code TEXT,
        action TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pickup_audit_dossier ON pickup_audit (dossier_code, at_ms);
    `,
  },
  {
    version: 3,
    name: 'locker deposits and handovers',
    sql: `
      ALTER TABLE dossiers ADD COLUMN pickup_code_hash TEXT;
      ALTER TABLE dossiers ADD COLUMN deposited_at_ms INTEGER;
      ALTER TABLE dossiers ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE dossiers ADD COLUMN locked_until_ms INTEGER;

      -- A deposit is recorded before the compartment is unlocked, so a crash leaves a trace to resume from.
      CREATE TABLE deposits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier_code TEXT NOT NULL REFERENCES dossiers (code),
        board INTEGER NOT NULL,
        lock INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('opening', 'awaiting-door', 'done', 'failed')),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX deposits_active ON deposits (state) WHERE state IN ('opening', 'awaiting-door');

      -- One handover per dossier, ever (UNIQUE): a compartment is never opened twice for the same result.
      CREATE TABLE handovers (
        dossier_code TEXT PRIMARY KEY REFERENCES dossiers (code),
        board INTEGER NOT NULL,
        lock INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('unlocking', 'opened', 'unlock-failed', 'door-closed', 'needs-staff')),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'outbox',
    sql: `
      -- Messages and reports that must reach another system: retried with backoff until acknowledged.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_ms INTEGER NOT NULL,
        done_at_ms INTEGER,
        last_error TEXT,
        created_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_attempt_ms) WHERE done_at_ms IS NULL;
    `,
  },
  {
    version: 5,
    name: 'satisfaction ratings',
    sql: `
      -- One rating per served thing: a pickup (reference = dossier code) or, later, a counter visit (ticket id).
      -- The scale is stored with each rating so a site that moves from 3 to 5 levels keeps its history readable.
      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        subject TEXT NOT NULL CHECK (subject IN ('pickup', 'counter')),
        reference TEXT NOT NULL,
        counter_id TEXT,
        level INTEGER NOT NULL CHECK (level >= 1 AND level <= scale),
        scale INTEGER NOT NULL CHECK (scale IN (3, 5)),
        UNIQUE (subject, reference)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'overdue reminders',
    sql: `
      -- When the applicant was last reminded of a result still waiting in a compartment (one automatic reminder).
      ALTER TABLE dossiers ADD COLUMN reminded_at_ms INTEGER;
    `,
  },
  {
    version: 7,
    name: 'counter actions',
    sql: `
      -- A ticket keeps the service it was issued for (its number and UNIQUE (day, service_id, seq) belong to it);
      -- a transfer moves it to another service's queue (queue_service_id) or to one counter (target_counter_id),
      -- at the front or the end (queue_key_ms orders each queue; the issue time until a transfer).
      ALTER TABLE tickets ADD COLUMN queue_service_id TEXT;
      UPDATE tickets SET queue_service_id = service_id;
      ALTER TABLE tickets ADD COLUMN queue_key_ms INTEGER;
      UPDATE tickets SET queue_key_ms = issued_at_ms;
      ALTER TABLE tickets ADD COLUMN target_counter_id TEXT;
      -- The wait a citizen sat through ends at the first call, even if the ticket is transferred and called again.
      ALTER TABLE tickets ADD COLUMN first_called_at_ms INTEGER;
      UPDATE tickets SET first_called_at_ms = called_at_ms;
      ALTER TABLE tickets ADD COLUMN recalls INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX tickets_queue ON tickets (day, queue_service_id, status, queue_key_ms);
      CREATE INDEX tickets_target ON tickets (day, target_counter_id, status, queue_key_ms) WHERE target_counter_id IS NOT NULL;
      CREATE INDEX tickets_at_counter ON tickets (counter_id, status) WHERE status IN ('called', 'serving');

      -- What counters did, in order: the lobby display's "last calls" and the statistics come from here.
      CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES tickets (id),
        day TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('call', 'recall', 'serve', 'finish', 'no-show', 'transfer')),
        counter_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX ticket_events_day ON ticket_events (day, action, at_ms);
    `,
  },
  {
    version: 8,
    name: 'technician diagnostics audit',
    sql: `
      -- Every technician sign-in attempt and every diagnostics action, kept on the kiosk for support and audit.
      -- Failed sign-ins are counted from here, so a restart does not lift a lockout.
      CREATE TABLE diagnostics_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        detail TEXT
      ) STRICT;
      CREATE INDEX diagnostics_audit_action ON diagnostics_audit (action, at_ms);
    `,
  },
  {
    version: 9,
    name: 'network safety: one deposit per dossier, guessing limits, expiring messages, retention',
    sql: `
      -- At most one deposit in progress per dossier, enforced by the store whatever the code does. A store that
      -- already has two (the race this fixes) keeps the newest; the older ones end as failed.
      UPDATE deposits SET state = 'failed'
        WHERE state IN ('opening', 'awaiting-door')
          AND id NOT IN (SELECT MAX(id) FROM deposits WHERE state IN ('opening', 'awaiting-door') GROUP BY dossier_code);
      CREATE UNIQUE INDEX deposits_one_active ON deposits (dossier_code) WHERE state IN ('opening', 'awaiting-door');

      -- Per-dossier lockouts (five wrong codes each); after pickup.guessing.lockoutsBeforeStaff only staff hand over.
      ALTER TABLE dossiers ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
      -- Every pickup at this kiosk paused after too many wrong codes; lifted by time or by staff.
      CREATE TABLE pickup_pauses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at_ms INTEGER NOT NULL,
        until_ms INTEGER NOT NULL,
        wrong_codes INTEGER NOT NULL,
        lifted_at_ms INTEGER
      ) STRICT;
      CREATE INDEX pickup_audit_action ON pickup_audit (action, at_ms);

      -- A message that carries a pickup code expires with that code (recall, handover): it is never sent late.
      ALTER TABLE outbox ADD COLUMN expires_with TEXT;
      UPDATE outbox SET expires_with = json_extract(payload, '$.dossierCode') WHERE kind = 'notify' AND done_at_ms IS NULL;
      CREATE INDEX outbox_expiring ON outbox (expires_with) WHERE expires_with IS NOT NULL AND done_at_ms IS NULL;
      CREATE INDEX outbox_done ON outbox (done_at_ms) WHERE done_at_ms IS NOT NULL;

      -- Retention: when a returned dossier lost its applicant's name and phone.
      ALTER TABLE dossiers ADD COLUMN anonymised_at_ms INTEGER;
      CREATE INDEX dossiers_finished ON dossiers (status, updated_at_ms) WHERE anonymised_at_ms IS NULL;

      -- The store's write probe (store-health.ts): one row, rewritten.
      CREATE TABLE store_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at_ms INTEGER NOT NULL) STRICT;
    `,
  },
  ...CENTRE_MIGRATIONS,
  ...FEE_MIGRATIONS,
  ...CATALOGUE_MIGRATIONS,
  ...PAYMENT_ASSIGNMENT_MIGRATIONS,
  ...ALERT_MIGRATIONS,
];
