/** SQL for the procedure catalogue: one SQL for both stores (LIKE on folded columns, documents as JSON text read in code). */
import type { Procedure } from '../../../shared/procedure-schemas';
import type { SqlExecutor, SqlStore } from '../store/store-port';
import { foldForSearch } from '../../../shared/search-fold';
import { searchTextOf, type Rankable } from './procedure-ranking';

export interface ProcedureRow extends Procedure, Rankable {}

interface RawProcedure {
  code: string;
  name: string;
  field: string;
  agency: string;
  time_limit: string;
  fee: string;
  documents: string;
  url: string | null;
  name_folded: string;
}

const COLUMNS = 'code, name, field, agency, time_limit, fee, documents, url, name_folded';

function documentsOf(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

const toRow = (r: RawProcedure): ProcedureRow => ({
  code: r.code,
  name: r.name,
  field: r.field,
  agency: r.agency,
  timeLimit: r.time_limit,
  fee: r.fee,
  documents: documentsOf(r.documents),
  url: r.url,
  nameFolded: r.name_folded,
});

const UPSERT = `INSERT INTO procedures (code, name, field, agency, time_limit, fee, documents, url, name_folded, search_folded, imported_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field, agency = excluded.agency, time_limit = excluded.time_limit,
    fee = excluded.fee, documents = excluded.documents, url = excluded.url, name_folded = excluded.name_folded,
    search_folded = excluded.search_folded, imported_at_ms = excluded.imported_at_ms`;

export class ProcedureRepository {
  constructor(private readonly store: SqlStore) {}

  /** Every procedure in one transaction: an import lands whole or not at all. */
  async upsertAll(procedures: readonly Procedure[], nowMs: number): Promise<void> {
    await this.store.transaction(async (tx: SqlExecutor) => {
      for (const p of procedures) {
        await tx.run(UPSERT, [p.code, p.name, p.field, p.agency, p.timeLimit, p.fee, JSON.stringify(p.documents), p.url, foldForSearch(p.name), searchTextOf(p), nowMs]);
      }
    });
  }

  async get(code: string): Promise<ProcedureRow | undefined> {
    const row = await this.store.get<RawProcedure>(`SELECT ${COLUMNS} FROM procedures WHERE code = ?`, [code]);
    return row ? toRow(row) : undefined;
  }

  /**
   * Procedures holding every word somewhere (folded words: letters, digits and dots only, so nothing in them is a
   * LIKE wildcard), in one field or all; unranked (procedure-ranking.ts orders them).
   */
  async matching(words: readonly string[], field: string | undefined): Promise<ProcedureRow[]> {
    const where = [...(field !== undefined ? ['field = ?'] : []), ...words.map(() => 'search_folded LIKE ?')];
    const params = [...(field !== undefined ? [field] : []), ...words.map((w) => `%${w}%`)];
    const rows = await this.store.all<RawProcedure>(`SELECT ${COLUMNS} FROM procedures${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params);
    return rows.map(toRow);
  }

  /** Whether the catalogue holds any procedure at all. */
  async any(): Promise<boolean> {
    return (await this.store.get<{ code: string }>('SELECT code FROM procedures LIMIT 1')) !== undefined;
  }

  /** Every field with its number of procedures. */
  async fields(): Promise<{ name: string; count: number }[]> {
    return this.store.all<{ name: string; count: number }>('SELECT field AS "name", COUNT(*) AS "count" FROM procedures GROUP BY field ORDER BY field');
  }
}
