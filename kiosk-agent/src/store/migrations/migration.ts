/** One schema migration: a version, a name, its SQL (both stores keep the same versions and names). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * SQLite only: the migration rebuilds a table (create the new one, copy, drop, rename; SQLite cannot change a
   * CHECK in place). Foreign keys are switched off around its transaction, as SQLite's documented procedure for
   * schema changes says (a DROP TABLE with keys on would delete the rows other tables point to), and checked with
   * `PRAGMA foreign_key_check` before it commits.
   */
  rebuildsTables?: boolean;
}
