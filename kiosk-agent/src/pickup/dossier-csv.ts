/**
 * Dossiers from a CSV export (pure): what a centre without an integrated one-stop system exports from its
 * spreadsheet or the provincial portal. RFC 4180 quoting, `,` or `;` (Vietnamese Excel writes `;`), a UTF-8 BOM,
 * headers in English or Vietnamese with or without diacritics, dates as YYYY-MM-DD or dd/MM/yyyy, statuses as names
 * or one-stop codes 1–10. A bad row is reported with its line number and skipped; the good rows still count.
 */
import { UpsertDossierRequestSchema, type UpsertDossierRequest } from '../../../shared/dossier-schemas';
import { FEES_CSV_TEXT } from '../i18n/payment-text';

export interface CsvProblem {
  line: number;
  message: string;
}

type Column = 'code' | 'procedure' | 'applicantName' | 'phone' | 'dueDate' | 'status' | 'fees';

/** Header names as people write them, folded (lower case, no diacritics, no spaces or punctuation). */
const ALIASES: Record<Column, string[]> = {
  code: ['code', 'dossiercode', 'mahoso', 'mhs', 'sohoso'],
  procedure: ['procedure', 'thutuc', 'tenthutuc', 'thutuchanhchinh'],
  applicantName: ['applicantname', 'applicant', 'chuhoso', 'nguoinop', 'hoten', 'tennguoinop'],
  phone: ['phone', 'sodienthoai', 'dienthoai', 'sdt'],
  dueDate: ['duedate', 'ngayhentra', 'hentra', 'ngaytra'],
  status: ['status', 'trangthai', 'matrangthai'],
  // Optional (issue 21): files without it import as before, and keep the fees their dossiers already have.
  fees: ['fees', 'fee', 'phi', 'lephi', 'philephi', 'sotienphi', 'thusau'],
};
const REQUIRED: Column[] = ['code', 'procedure', 'applicantName', 'dueDate', 'status'];

export function foldHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Splits CSV text into records of fields, each with the line it starts on. */
export function splitCsv(text: string, delimiter: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

function isoDate(text: string): string | undefined {
  const t = text.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : (/^(\d{4})-(\d{2})-(\d{2})$/.exec(t)?.slice(1).map(Number) ?? []);
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : undefined;
}

const amountOf = (text: string): number | undefined => {
  const digits = text.replace(/(vnd|đồng|đ)$/i, '').replace(/[\s.,]/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : undefined;
};

/**
 * The fees cell: empty (the dossier's fees stay as they are), `0` (none), an amount (`50000`, `50.000`, `50.000 đ`:
 * one fee), or named amounts joined by `|` (`Lệ phí=30000|Phí sao y=20000`). Something else is passed on as it is,
 * for the schema to refuse with the line's number.
 */
export function parseFeesCell(cell: string): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  const whole = amountOf(text);
  if (whole !== undefined) return whole === 0 ? [] : [{ name: FEES_CSV_TEXT.defaultName, amount: whole }];
  return text.split('|').map((part) => {
    const [name = '', amount = ''] = part.split('=');
    return { name: name.trim(), amount: amountOf(amount) ?? amount.trim() };
  });
}

export function parseDossierCsv(text: string): { rows: { line: number; dossier: UpsertDossierRequest }[]; errors: CsvProblem[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...records] = splitCsv(text, delimiter);
  if (!header) return { rows: [], errors: [{ line: 1, message: 'tệp trống: cần một dòng tiêu đề và các dòng hồ sơ' }] };

  const index = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const folded = foldHeader(name);
    for (const [column, aliases] of Object.entries(ALIASES) as [Column, string[]][]) if (aliases.includes(folded) && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return { rows: [], errors: [{ line: header.line, message: `thiếu cột: ${missing.join(', ')} (ví dụ tiêu đề: ma_ho_so;thu_tuc;nguoi_nop;so_dien_thoai;ngay_hen_tra;trang_thai)` }] };
  }

  const rows: { line: number; dossier: UpsertDossierRequest }[] = [];
  const errors: CsvProblem[] = [];
  for (const r of records) {
    const get = (c: Column): string => (index.has(c) ? (r.fields[index.get(c)!] ?? '').trim() : '');
    const rawStatus = get('status');
    const dueDate = isoDate(get('dueDate'));
    const phone = get('phone').replace(/[\s.-]/g, '');
    const candidate = {
      code: get('code'),
      procedure: get('procedure'),
      applicantName: get('applicantName'),
      ...(phone ? { phone } : {}),
      dueDate: dueDate ?? get('dueDate'),
      status: /^\d+$/.test(rawStatus) ? Number(rawStatus) : rawStatus,
      ...(parseFeesCell(get('fees')) !== undefined ? { fees: parseFeesCell(get('fees')) } : {}),
    };
    const parsed = UpsertDossierRequestSchema.safeParse(candidate);
    if (parsed.success) rows.push({ line: r.line, dossier: parsed.data });
    else errors.push({ line: r.line, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'dòng'}: ${i.message}`).join('; ') });
  }
  return { rows, errors };
}
