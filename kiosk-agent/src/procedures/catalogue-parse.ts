/**
 * The province's procedure catalogue, as exported (pure): CSV (UTF-8, `;`, RFC 4180 quotes that may hold `;` and
 * line breaks, a BOM or not; header `Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ
 * phí;Thành phần hồ sơ;Địa chỉ trang`, the papers separated by `|`) or the same fields as JSON items. Each record is
 * checked alone: a bad one is refused with its line and the reason in Vietnamese, the rest are imported (the first
 * of two records with one code wins, the second is refused: a catalogue naming a code twice is a mistake to see).
 */
import type { Procedure } from '../../../shared/procedure-schemas';
import { isProcedureCode } from '../../../shared/dossier-code';
import { PROCEDURE_TEXT } from '../i18n/procedure-text';
import { foldHeader, splitCsv } from '../pickup/dossier-csv';

export interface CatalogueRefusal {
  line: number;
  reason: string;
}

export interface ParsedCatalogue {
  procedures: { line: number; procedure: Procedure }[];
  refused: CatalogueRefusal[];
  /**
   * Set when the file as a whole cannot be read (not JSON, not a list, empty, no code or name column): no record in
   * it was looked at, and `refused` holds this one reason. The command line says so as a file problem (exit 2).
   */
  unreadable?: string;
}

const wholeFile = (line: number, reason: string): ParsedCatalogue => ({ procedures: [], refused: [{ line, reason }], unreadable: reason });

type Column = keyof Procedure;

/** Header names, folded (foldHeader: no diacritics, spaces or punctuation), Vietnamese as exported or English. */
const HEADERS: Record<Column, string[]> = {
  code: ['mathutuc', 'code', 'ma'],
  name: ['tenthutuc', 'name', 'ten'],
  field: ['linhvuc', 'field'],
  agency: ['coquanthuchien', 'agency', 'coquan'],
  timeLimit: ['thoihangiaiquyet', 'timelimit', 'thoihan'],
  fee: ['philephi', 'fee', 'phi', 'lephi'],
  documents: ['thanhphanhoso', 'documents', 'giayto'],
  url: ['diachitrang', 'url', 'duongdan', 'lienket'],
};
const TEXT_LIMIT = 2000;
const DOCUMENTS_LIMIT = 60;

/** The papers of a CSV cell: `|` between them; blank ones dropped. */
export function splitDocuments(cell: string): string[] {
  return cell
    .split('|')
    .map((d) => d.replace(/\s+/g, ' ').trim())
    .filter((d) => d !== '');
}

const clean = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, ' ').trim() : '');

/** One record's fields → a procedure, or the reason it is refused. */
function checked(raw: { code: string; name: string; field: string; agency: string; timeLimit: string; fee: string; documents: string[]; url: string }): Procedure | string {
  if (raw.code === '') return PROCEDURE_TEXT.missingCode;
  if (!isProcedureCode(raw.code)) return PROCEDURE_TEXT.badCode(raw.code);
  if (raw.name === '') return PROCEDURE_TEXT.missingName;
  for (const column of ['name', 'field', 'agency', 'timeLimit', 'fee', 'url'] as const) if (raw[column].length > TEXT_LIMIT) return PROCEDURE_TEXT.tooLong(column);
  if (raw.documents.length > DOCUMENTS_LIMIT || raw.documents.some((d) => d.length > TEXT_LIMIT)) return PROCEDURE_TEXT.tooLong('documents');
  if (raw.url !== '' && !/^https?:\/\/\S+$/i.test(raw.url)) return PROCEDURE_TEXT.badUrl;
  return { ...raw, code: raw.code.toUpperCase(), url: raw.url === '' ? null : raw.url };
}

/** Refuses the second and later records of a code; keeps the first. */
function collect(records: { line: number; result: Procedure | string }[]): ParsedCatalogue {
  const out: ParsedCatalogue = { procedures: [], refused: [] };
  const seen = new Map<string, number>();
  for (const { line, result } of records) {
    if (typeof result === 'string') out.refused.push({ line, reason: result });
    else if (seen.has(result.code)) out.refused.push({ line, reason: PROCEDURE_TEXT.duplicate(result.code, seen.get(result.code)!) });
    else {
      seen.set(result.code, line);
      out.procedures.push({ line, procedure: result });
    }
  }
  return out;
}

export function parseCatalogueCsv(text: string): ParsedCatalogue {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header, ...records] = splitCsv(text, firstLine.includes(';') ? ';' : ',');
  if (!header) return wholeFile(1, PROCEDURE_TEXT.empty);
  const index = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const folded = foldHeader(name);
    for (const [column, names] of Object.entries(HEADERS) as [Column, string[]][]) if (names.includes(folded) && !index.has(column)) index.set(column, i);
  });
  const missing = (['code', 'name'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) return wholeFile(header.line, PROCEDURE_TEXT.missingColumns(missing.map((c) => (c === 'code' ? 'Mã thủ tục' : 'Tên thủ tục'))));
  const cell = (fields: string[], c: Column): string => (index.has(c) ? (fields[index.get(c)!] ?? '') : '');
  return collect(
    records.map((r) => ({
      line: r.line,
      result: checked({
        code: clean(cell(r.fields, 'code')),
        name: clean(cell(r.fields, 'name')),
        field: clean(cell(r.fields, 'field')),
        agency: clean(cell(r.fields, 'agency')),
        timeLimit: clean(cell(r.fields, 'timeLimit')),
        fee: clean(cell(r.fields, 'fee')),
        documents: splitDocuments(cell(r.fields, 'documents')),
        url: clean(cell(r.fields, 'url')),
      }),
    })),
  );
}

/** JSON items `{ code, name, field, agency, timeLimit, fee, documents[], url }`; `line` is the item's position from 1. */
export function parseCatalogueItems(items: readonly unknown[]): ParsedCatalogue {
  return collect(
    items.map((item, i) => {
      const line = i + 1;
      if (!item || typeof item !== 'object' || Array.isArray(item)) return { line, result: PROCEDURE_TEXT.notAnObject };
      const o = item as Record<string, unknown>;
      const docs = o.documents ?? [];
      const documents = typeof docs === 'string' ? splitDocuments(docs) : Array.isArray(docs) && docs.every((d) => typeof d === 'string') ? docs.map(clean).filter((d) => d !== '') : undefined;
      if (!documents) return { line, result: PROCEDURE_TEXT.badDocuments };
      const [code, name, field, agency, timeLimit, fee, url] = [o.code, o.name, o.field, o.agency, o.timeLimit, o.fee, o.url].map(clean) as [string, string, string, string, string, string, string];
      return { line, result: checked({ code, name, field, agency, timeLimit, fee, documents, url }) };
    }),
  );
}

/** A catalogue file: JSON (an array of items, or `{ procedures: [...] }`) when it starts with `[` or `{`, else CSV. */
export function parseCatalogueFile(text: string): ParsedCatalogue {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('[') && !body.startsWith('{')) return parseCatalogueCsv(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return wholeFile(1, PROCEDURE_TEXT.badJson((err as Error).message));
  }
  const items = Array.isArray(value) ? value : (value as { procedures?: unknown }).procedures;
  return Array.isArray(items) ? parseCatalogueItems(items) : wholeFile(1, PROCEDURE_TEXT.notAList);
}
