/** Migration 19 (alert claims) in PostgreSQL dialect: the same version and meaning as migrations/alert-migrations.ts. */
import type { Migration } from '../migrations/migration';

export const ALERT_MIGRATIONS: readonly Migration[] = [
  {
    version: 19,
    name: 'alert claims',
    sql: `
      CREATE TABLE alert_claims (
        alert TEXT NOT NULL,
        spell_key BIGINT NOT NULL,
        kiosk_id TEXT NOT NULL,
        claimed_at_ms BIGINT NOT NULL,
        sent_at_ms BIGINT,
        PRIMARY KEY (alert, spell_key)
      );
    `,
  },
];
