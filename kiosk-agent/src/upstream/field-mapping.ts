/**
 * Pure translation between a province one-stop system's JSON and the kiosk's dossier (site config `upstream.fields`,
 * `dueDateFormat`, `statusMap`). Every problem is named, so a technician setting up the mapping reads what is wrong
 * in the agent log instead of guessing.
 */
import { parseSlipCode } from '../../../shared/dossier-code';
import { DOSSIER_STATUSES, STATUS_FROM_ONE_STOP_CODE, type DossierStatus } from '../../../shared/dossier-schemas';
import type { UpstreamHttpConfig } from '../config/upstream-config-schema';
import type { StatusReport, UpstreamDossier } from './upstream-adapter';
import { FeesSchema, type Fee } from '../../../shared/payment-schemas';
import { FEES_CSV_TEXT } from '../i18n/payment-text';

type MappingConfig = Pick<UpstreamHttpConfig, 'fields' | 'dueDateFormat' | 'statusMap'>;

export function readPath(body: unknown, path: string): unknown {
  let at: unknown = body;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
}

function validIsoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export function parseDueDate(value: unknown, format: MappingConfig['dueDateFormat']): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = format === 'iso' ? /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text) : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return undefined;
  return format === 'iso' ? validIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : validIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

export function mapStatus(value: unknown, statusMap: MappingConfig['statusMap']): DossierStatus | undefined {
  if (value === undefined || value === null) return undefined;
  const key = String(value).trim();
  const mapped = Object.hasOwn(statusMap, key) ? statusMap[key] : /^\d+$/.test(key) ? Number(key) : key;
  if (typeof mapped === 'number') return STATUS_FROM_ONE_STOP_CODE[mapped];
  return (DOSSIER_STATUSES as readonly string[]).includes(mapped as string) ? (mapped as DossierStatus) : undefined;
}

/** A total in dong (one fee), or a list of { name|TenPhi, amount|SoTien }; undefined when absent, a string when wrong. */
export function mapFees(value: unknown): Fee[] | undefined | string {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))) {
    const amount = Number(value);
    return amount === 0 ? [] : FeesSchema.safeParse([{ name: FEES_CSV_TEXT.defaultName, amount }]).data ?? `"${String(value)}" is not an amount in dong`;
  }
  if (!Array.isArray(value)) return 'neither an amount nor a list of fees';
  const list = value.map((f: Record<string, unknown> | null) => ({ name: f?.name ?? f?.TenPhi ?? f?.tenPhi, amount: Number(f?.amount ?? f?.SoTien ?? f?.soTien) }));
  return FeesSchema.safeParse(list).data ?? 'a list of fees without a name or a whole positive amount';
}

export type MappedDossier = { ok: true; dossier: UpstreamDossier } | { ok: false; problems: string[] };

/** The system's JSON for one dossier → the kiosk's dossier; a `data` envelope is unwrapped when the code is inside. */
export function mapUpstreamDossier(body: unknown, cfg: MappingConfig): MappedDossier {
  const f = cfg.fields;
  const root = readPath(body, f.code) === undefined && readPath(body, `data.${f.code}`) !== undefined ? readPath(body, 'data') : body;
  const problems: string[] = [];
  const text = (path: string): string | undefined => {
    const v = readPath(root, path);
    return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  };

  const rawCode = text(f.code);
  const parsed = rawCode ? parseSlipCode(rawCode) : undefined;
  if (!rawCode) problems.push(`${f.code}: missing`);
  else if (!parsed?.ok || parsed.source !== 'barcode') problems.push(`${f.code}: "${rawCode}" is not a dossier code`);
  const procedure = text(f.procedure);
  if (!procedure) problems.push(`${f.procedure}: missing`);
  const applicantName = text(f.applicantName);
  if (!applicantName) problems.push(`${f.applicantName}: missing`);
  const rawPhone = text(f.phone);
  const phone = rawPhone ? rawPhone.replace(/[\s.-]/g, '') : null;
  if (phone !== null && !/^\+?\d{8,15}$/.test(phone)) problems.push(`${f.phone}: "${rawPhone}" is not a phone number`);
  const dueDate = parseDueDate(readPath(root, f.dueDate), cfg.dueDateFormat);
  if (!dueDate) problems.push(`${f.dueDate}: not a ${cfg.dueDateFormat} date`);
  const status = mapStatus(readPath(root, f.status), cfg.statusMap);
  if (!status) problems.push(`${f.status}: "${String(readPath(root, f.status))}" is not a known status (add it to upstream.statusMap)`);

  const fees = f.fees ? mapFees(readPath(root, f.fees)) : undefined;
  if (typeof fees === 'string') problems.push(`${f.fees}: ${fees}`);

  if (problems.length > 0 || !parsed?.ok) return { ok: false, problems };
  const dossier: UpstreamDossier = { code: parsed.dossier.code, procedure: procedure!, applicantName: applicantName!, phone, dueDate: dueDate!, status: status! };
  return { ok: true, dossier: Array.isArray(fees) ? { ...dossier, fees } : dossier };
}

/** The body of a status report, fields named as the system expects them. */
export function reportBody(report: StatusReport, cfg: Pick<UpstreamHttpConfig, 'fields' | 'report'>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  setPath(body, cfg.fields.code, report.dossierCode);
  setPath(body, cfg.report.statusField, report.statusCode);
  setPath(body, cfg.report.timeField, report.at);
  if (report.note) setPath(body, cfg.report.noteField, report.note);
  return body;
}
