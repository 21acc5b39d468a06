/** SQLite migrations of the procedure catalogue (issue 21); the PostgreSQL twin is postgres/postgres-catalogue-migrations.ts. */
import type { Migration } from './migration';

export const CATALOGUE_MIGRATIONS: readonly Migration[] = [
  {
    version: 17,
    name: 'procedure catalogue',
    sql: `
      -- The province's published procedures (README "Procedures at the kiosk"), upserted by code at each import.
      -- documents is a JSON array of the papers to bring (read in code). name_folded and search_folded are the name
      -- and code + name + field + agency + papers folded (shared/search-fold.ts: no diacritics, lower case, đ → d):
      -- both stores search them with LIKE, no full-text engine.
      CREATE TABLE procedures (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        field TEXT NOT NULL,
        agency TEXT NOT NULL,
        time_limit TEXT NOT NULL,
        fee TEXT NOT NULL,
        documents TEXT NOT NULL,
        url TEXT,
        name_folded TEXT NOT NULL,
        search_folded TEXT NOT NULL,
        imported_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX procedures_field ON procedures (field);
    `,
  },
];
