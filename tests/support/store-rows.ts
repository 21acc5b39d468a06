/**
 * Every row of chosen tables of a store, SQLite file or PostgreSQL database, in a stable order: to compare what a
 * store holds before and after something (a backup restored) table by table.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { postgresPool } from './postgres-cluster';

export type Rows = Record<string, Record<string, unknown>[]>;

export interface StoreLocation {
  kind: 'sqlite' | 'postgres';
  /** The data folder (SQLite) or the database URL (PostgreSQL). */
  where: string;
}

/** Rows ordered by every column, so the order does not depend on how the store laid them out. */
export async function storeRows(at: StoreLocation, tables: readonly string[]): Promise<Rows> {
  const rows: Rows = {};
  if (at.kind === 'sqlite') {
    const db = new Database(join(at.where, 'kiosk.sqlite'), { readonly: true });
    try {
      for (const t of tables) {
        const n = (db.prepare(`PRAGMA table_info(${t})`).all() as unknown[]).length;
        rows[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`).all() as Record<string, unknown>[];
      }
    } finally {
      db.close();
    }
    return rows;
  }
  const pool = postgresPool(at.where, 1);
  try {
    for (const t of tables) {
      const n = Number((await pool.query(`SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [t])).rows[0].n);
      rows[t] = (await pool.query(`SELECT * FROM ${t} ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`)).rows as Record<string, unknown>[];
    }
  } finally {
    await pool.end();
  }
  return rows;
}

/** Runs statements on a stopped store directly (a test damaging data). */
export async function onStore(at: StoreLocation, statements: readonly string[]): Promise<void> {
  if (at.kind === 'sqlite') {
    const db = new Database(join(at.where, 'kiosk.sqlite'));
    try {
      for (const s of statements) db.exec(s);
    } finally {
      db.close();
    }
    return;
  }
  const pool = postgresPool(at.where, 1);
  try {
    for (const s of statements) await pool.query(s);
  } finally {
    await pool.end();
  }
}
