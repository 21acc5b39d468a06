/** PostgreSQL migrations of the procedure catalogue: the same versions, names and meaning as ../migrations/catalogue-migrations.ts. */
import type { Migration } from '../migrations/migration';

export const CATALOGUE_MIGRATIONS: readonly Migration[] = [
  {
    version: 17,
    name: 'procedure catalogue',
    sql: `
      -- The province's published procedures, upserted by code at each import; documents is a JSON array as text
      -- (read in code, as in SQLite); the folded columns are searched with LIKE (the database's C collation).
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
        imported_at_ms BIGINT NOT NULL
      );
      CREATE INDEX procedures_field ON procedures (field);
    `,
  },
];
