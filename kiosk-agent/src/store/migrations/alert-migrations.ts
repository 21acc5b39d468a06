/**
 * Migration 19 (issue 20, one stuck-outbox alert per centre), SQLite dialect; the PostgreSQL one is
 * postgres/postgres-alert-migrations.ts, the same version. Never edit a released migration: add a new one.
 */
import type { Migration } from './migration';

export const ALERT_MIGRATIONS: readonly Migration[] = [
  {
    version: 19,
    name: 'alert claims',
    sql: `
      -- An alert about something the centre's agents share (the outbox) is sent by one of them per spell
      -- (monitoring/alert-claims.ts): the agent whose write claims the row sends it. spell_key is the spell's identity
      -- as every agent sees it alike (a stuck outbox: created_at_ms of its oldest undelivered row), so a spell that
      -- ends and starts again is a new row. claimed_at_ms is renewed by the holder at each check; a claim not renewed
      -- for the lease (its agent stopped) is taken over. sent_at_ms: every number accepted it; nobody sends it again.
      CREATE TABLE alert_claims (
        alert TEXT NOT NULL,
        spell_key INTEGER NOT NULL,
        kiosk_id TEXT NOT NULL,
        claimed_at_ms INTEGER NOT NULL,
        sent_at_ms INTEGER,
        PRIMARY KEY (alert, spell_key)
      ) STRICT;
    `,
  },
];
