/**
 * Schema migrations, applied in order inside one transaction each. Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
