/**
 * Dossier codes (mã hồ sơ, TT 01/2018 Art. 19): `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, e.g.
 * `000.00.15.H29-250704-0012` — receiving agency, receipt date, daily sequence. Slips carry it as a barcode, or
 * in a QR as the bare code, a lookup URL (`…/tra-cuu?SGT=<ID>&MHS=<code>`) or JSON. Procedure codes
 * (`1.000948.H38`, `2.001218.000.00.00.H38`) look similar and must never be taken for a dossier code.
 */
const CODE = /(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})/i;
const EXACT = new RegExp(`^${CODE.source}$`, 'i');
const JSON_KEYS = ['MHS', 'mhs', 'maHoSo', 'MaHoSo', 'ma_ho_so', 'dossierCode', 'code', 'soHoSo'];

export interface DossierCode {
  code: string;
  agency: string;
  receivedOn: string;
  sequence: number;
}

export type SlipParse = { ok: true; dossier: DossierCode; source: 'barcode' | 'url' | 'json' } | { ok: false; reason: 'empty' | 'procedure-code' | 'no-dossier-code' | 'bad-date' };

function validDate(yy: string, mm: string, dd: string): boolean {
  const y = 2000 + Number(yy);
  const m = Number(mm);
  const d = Number(dd);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function fromMatch(m: RegExpExecArray): DossierCode | 'bad-date' {
  const [, agency, yy, mm, dd, seq] = m as unknown as [string, string, string, string, string, string];
  if (!validDate(yy, mm, dd)) return 'bad-date';
  return { code: `${agency.toUpperCase()}-${yy}${mm}${dd}-${seq}`, agency: agency.toUpperCase(), receivedOn: `20${yy}-${mm}-${dd}`, sequence: Number(seq) };
}

/** Exactly a dossier code (trimmed, any case), or undefined. */
export function parseDossierCode(text: string): DossierCode | undefined {
  const m = EXACT.exec(text.trim());
  const parsed = m ? fromMatch(m) : undefined;
  return typeof parsed === 'object' ? parsed : undefined;
}

const PROCEDURE_CODE = /^[12]\.\d{6}(\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2}$/i;
const PROCEDURE_CODE_IN_TEXT = /(?<![\d.])[12]\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2})?\.[A-Z]\d{2}(?![\w.])/i;

/** Exactly a procedure code (`1.000948.H38`, `2.001218.000.00.00.H38`), trimmed, any case. */
export function isProcedureCode(text: string): boolean {
  return PROCEDURE_CODE.test(text.trim());
}

/**
 * The procedure code a scan carries, upper-cased: the bare code, or a URL that holds one (the QR posted in the
 * centre, "Công khai Thủ tục hành chính số", links to the procedure's public page); undefined otherwise.
 */
export function procedureCodeIn(raw: string): string | undefined {
  const text = raw.trim();
  if (PROCEDURE_CODE.test(text)) return text.toUpperCase();
  if (!/^https?:\/\//i.test(text)) return undefined;
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a malformed escape: read the URL as it is
  }
  return PROCEDURE_CODE_IN_TEXT.exec(decoded)?.[0].toUpperCase();
}

function candidatesFromJson(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return [];
    const record = value as Record<string, unknown>;
    return JSON_KEYS.flatMap((k) => (typeof record[k] === 'string' ? [record[k] as string] : []));
  } catch {
    return [];
  }
}

function candidatesFromUrl(text: string): string[] | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    const named = ['MHS', 'mhs', 'maHoSo', 'code'].flatMap((k) => url.searchParams.getAll(k));
    return [...named, decodeURIComponent(url.pathname), decodeURIComponent(url.search)];
  } catch {
    return [text];
  }
}

/** Reads what a scanner or the keypad produced from an appointment slip. */
export function parseSlipCode(raw: string): SlipParse {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (PROCEDURE_CODE.test(text)) return { ok: false, reason: 'procedure-code' };
  const tryAll = (candidates: string[], source: 'barcode' | 'url' | 'json'): SlipParse | undefined => {
    let badDate = false;
    for (const c of candidates) {
      const m = CODE.exec(c);
      if (!m) continue;
      const parsed = fromMatch(m);
      if (parsed === 'bad-date') badDate = true;
      else return { ok: true, dossier: parsed, source };
    }
    return badDate ? { ok: false, reason: 'bad-date' } : undefined;
  };
  if (text.startsWith('{')) return tryAll(candidatesFromJson(text), 'json') ?? { ok: false, reason: 'no-dossier-code' };
  const url = candidatesFromUrl(text);
  if (url) return tryAll(url, 'url') ?? { ok: false, reason: procedureCodeIn(text) ? 'procedure-code' : 'no-dossier-code' };
  const exact = EXACT.exec(text);
  if (exact) {
    const parsed = fromMatch(exact);
    return parsed === 'bad-date' ? { ok: false, reason: 'bad-date' } : { ok: true, dossier: parsed, source: 'barcode' };
  }
  return tryAll([text], 'barcode') ?? { ok: false, reason: 'no-dossier-code' };
}
