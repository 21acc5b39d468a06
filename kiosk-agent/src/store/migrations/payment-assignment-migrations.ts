/**
 * Migration 18 (issue 21, unmatched transfers assigned by staff), SQLite dialect; the PostgreSQL twin is
 * postgres/postgres-payment-assignment-migrations.ts, the same version. Never edit a released migration: add a new one.
 */
import type { Migration } from './migration';

export const PAYMENT_ASSIGNMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 18,
    name: 'unmatched transfers assigned to a dossier by staff',
    sql: `
      -- An unmatched transfer an officer placed on a dossier (POST /api/payments/unmatched/:id/assign): the row is
      -- kept, resolved, with which dossier it went to and who placed it (NULL for an integration token; the staff
      -- audit names the token). The money itself is a bank payment on that dossier with the same transaction id.
      ALTER TABLE unmatched_payments ADD COLUMN resolved_dossier_code TEXT REFERENCES dossiers (code);
      ALTER TABLE unmatched_payments ADD COLUMN resolved_account_id INTEGER REFERENCES staff_accounts (id);
    `,
  },
];
