/** Migration 18 (unmatched transfers assigned by staff) in PostgreSQL dialect: the same version and meaning as ../migrations/payment-assignment-migrations.ts. */
import type { Migration } from '../migrations/migration';

export const PAYMENT_ASSIGNMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 18,
    name: 'unmatched transfers assigned to a dossier by staff',
    sql: `
      ALTER TABLE unmatched_payments ADD COLUMN resolved_dossier_code TEXT REFERENCES dossiers (code);
      ALTER TABLE unmatched_payments ADD COLUMN resolved_account_id BIGINT REFERENCES staff_accounts (id);
    `,
  },
];
