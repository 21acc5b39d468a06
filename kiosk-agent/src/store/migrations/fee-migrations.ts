/**
 * Migration 16 (issue 21, fees by VietQR), SQLite dialect; the PostgreSQL one is postgres/postgres-fee-migrations.ts,
 * the same version. Never edit a released migration: add a new one.
 */
import type { Migration } from './migration';

export const FEE_MIGRATIONS: readonly Migration[] = [
  {
    version: 16,
    name: 'fees on dossiers, their payments, payments nobody matched',
    sql: `
      -- The fees a dossier carries ("thu sau": paid at handover), as JSON [{ "name", "amount" }] in whole dong, read
      -- in code; NULL: none known.
      ALTER TABLE dossiers ADD COLUMN fees TEXT;
      -- Each payment towards a dossier's fees: a bank transfer confirmed by the bank's webhook (its transaction id,
      -- UNIQUE so a webhook delivered twice is recorded once), or cash taken by an officer (account_id; no
      -- transaction id). A dossier is paid when its payments add up to its fees. \`day\` is the centre's local day of
      -- paid_at_ms, for the fees report.
      CREATE TABLE payments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier_code TEXT NOT NULL REFERENCES dossiers (code),
        amount INTEGER NOT NULL CHECK (amount > 0),
        method TEXT NOT NULL CHECK (method IN ('bank', 'cash')),
        transaction_id TEXT UNIQUE,
        paid_at_ms INTEGER NOT NULL,
        day TEXT NOT NULL,
        recorded_at_ms INTEGER NOT NULL,
        account_id INTEGER REFERENCES staff_accounts (id),
        CHECK ((method = 'bank') = (transaction_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX payments_dossier ON payments (dossier_code);
      CREATE INDEX payments_day ON payments (day);
      -- A transfer whose reference names no dossier: money received that staff must place or refund.
      CREATE TABLE unmatched_payments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reference TEXT NOT NULL,
        amount INTEGER NOT NULL,
        transaction_id TEXT NOT NULL UNIQUE,
        paid_at_ms INTEGER NOT NULL,
        received_at_ms INTEGER NOT NULL,
        resolved_at_ms INTEGER
      ) STRICT;
    `,
  },
];
