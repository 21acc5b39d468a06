/**
 * `upstream` in the site config: where dossiers come from and where handovers are reported.
 *
 * - `{ "driver": "local" }` (default): dossiers are created by staff (`POST /api/dossiers`) or imported from CSV;
 *   nothing is reported anywhere else.
 * - `{ "driver": "http", "baseUrl": "https://motcua.tinh.gov.vn/api", … }`: the province's one-stop system.
 *   The kiosk GETs `baseUrl + lookupPath` (`{code}` replaced by the URL-encoded dossier code) before a lookup or a
 *   deposit, and sends `reportMethod baseUrl + reportPath` with `{ <statusField>: 1–10, <timeField>: ISO time,
 *   <noteField>: text }` after a handover (retried through the outbox until the system answers 2xx).
 *   `fields` names where each fact sits in the system's JSON (dotted paths, e.g. "data.hoSo.maHoSo"); `statusMap`
 *   translates the system's own status values when they are not the standard codes 1–10.
 */
import { z } from 'zod';
import { DossierStatusSchema } from '../../../shared/dossier-schemas';

const PathTemplate = z.string().regex(/^\/\S*\{code\}\S*$/, 'a path starting with / that contains {code}');
const FieldPath = z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'a dotted JSON path such as data.maHoSo');

export const UpstreamHttpConfigSchema = z.strictObject({
  driver: z.literal('http'),
  baseUrl: z.url(),
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  token: z.string().min(1).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  lookupPath: PathTemplate.default('/dossiers/{code}'),
  reportPath: PathTemplate.default('/dossiers/{code}/status'),
  reportMethod: z.enum(['POST', 'PUT']).default('POST'),
  fields: z
    .strictObject({
      code: FieldPath.default('MaHoSo'),
      procedure: FieldPath.default('TenThuTuc'),
      applicantName: FieldPath.default('ChuHoSo'),
      phone: FieldPath.default('SoDienThoai'),
      dueDate: FieldPath.default('NgayHenTra'),
      status: FieldPath.default('TrangThai'),
      /** Fees paid at handover (issue 21): a total in dong, or a list of { name|TenPhi, amount|SoTien }; unmapped by default. */
      fees: FieldPath.optional(),
    })
    .default({ code: 'MaHoSo', procedure: 'TenThuTuc', applicantName: 'ChuHoSo', phone: 'SoDienThoai', dueDate: 'NgayHenTra', status: 'TrangThai' }),
  /** "iso": 2025-07-10 (or a full ISO time, date part kept); "dd/MM/yyyy": 10/07/2025. */
  dueDateFormat: z.enum(['iso', 'dd/MM/yyyy']).default('iso'),
  /** The system's status value (as text) → a kiosk status name or a standard code 1–10. */
  statusMap: z.record(z.string(), z.union([DossierStatusSchema, z.number().int().min(1).max(10)])).default({}),
  report: z
    .strictObject({
      statusField: FieldPath.default('TrangThai'),
      timeField: FieldPath.default('ThoiGian'),
      noteField: FieldPath.default('GhiChu'),
    })
    .default({ statusField: 'TrangThai', timeField: 'ThoiGian', noteField: 'GhiChu' }),
});

export const UpstreamConfigSchema = z.discriminatedUnion('driver', [z.strictObject({ driver: z.literal('local') }), UpstreamHttpConfigSchema]);
export const UpstreamConfigWithDefaultSchema = UpstreamConfigSchema.default({ driver: 'local' });
export type UpstreamConfig = z.infer<typeof UpstreamConfigSchema>;
export type UpstreamHttpConfig = z.infer<typeof UpstreamHttpConfigSchema>;
