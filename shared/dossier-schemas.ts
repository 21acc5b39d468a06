/**
 * Dossiers (hồ sơ) as the kiosk knows them. Statuses follow the one-stop systems' codes (1 mới đăng ký … 10 đã trả
 * kết quả, docs/ARCHITECTURE.md "Domain facts"), named; `in-locker` is "đã có kết quả" with the papers in a compartment. "Quá hạn" is not
 * stored: it is derived from the due date.
 */
import { z } from 'zod';
import { LocalizedTextSchema } from './api-schemas';
import { DossierPaymentSchema, FeesSchema } from './payment-schemas';

export const DOSSIER_STATUSES = [
  'registered', // 1 mới đăng ký
  'received', // 2 được tiếp nhận
  'rejected', // 3 không được tiếp nhận
  'processing', // 4 đang xử lý
  'needs-supplement', // 5 yêu cầu bổ sung
  'needs-payment', // 6 yêu cầu thực hiện nghĩa vụ tài chính
  'withdrawn', // 7 công dân rút hồ sơ
  'stopped', // 8 dừng xử lý
  'ready', // 9 đã xử lý xong, result at the counter
  'in-locker', // 9 đã xử lý xong, result in a locker compartment
  'returned', // 10 đã trả kết quả
] as const;
export const DossierStatusSchema = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatusSchema>;

/** One-stop system status codes (1–10) to kiosk statuses; code 9 means "at the counter" until deposited. */
export const STATUS_FROM_ONE_STOP_CODE: Record<number, DossierStatus> = {
  1: 'registered',
  2: 'received',
  3: 'rejected',
  4: 'processing',
  5: 'needs-supplement',
  6: 'needs-payment',
  7: 'withdrawn',
  8: 'stopped',
  9: 'ready',
  10: 'returned',
};

const IsoDate = z.iso.date();

export const UpsertDossierRequestSchema = z.strictObject({
  code: z.string().min(1).max(64),
  procedure: z.string().min(1).max(500),
  applicantName: z.string().min(1).max(200),
  phone: z.string().regex(/^\+?\d{8,15}$/, 'digits only, 8–15 long').optional(),
  dueDate: IsoDate,
  status: z.union([DossierStatusSchema, z.number().int().min(1).max(10)]),
  /** Fees collected at handover ("thu sau"); absent: the dossier's fees stay as they were, `[]`: none. */
  fees: FeesSchema.optional(),
});
export type UpsertDossierRequest = z.infer<typeof UpsertDossierRequestSchema>;

export const PickupLookupRequestSchema = z.strictObject({ code: z.string().min(1).max(2048) });

/** What the citizen may see at the kiosk: the applicant and phone masked. */
export const DossierLookupSchema = z.object({
  code: z.string(),
  procedure: z.string(),
  status: DossierStatusSchema,
  dueDate: z.string(),
  overdue: z.boolean(),
  applicant: z.string(),
  phone: z.string().optional(),
  /** In a compartment of this kiosk's locker: the citizen types the pickup code here. */
  inLocker: z.boolean(),
  /** In the locker of another kiosk of the centre: where to go instead. */
  lockerElsewhere: z.object({ kioskId: z.string(), kioskName: LocalizedTextSchema }).optional(),
  /** In this kiosk's locker with fees not paid in full: the amount and the VietQR to pay it. */
  payment: DossierPaymentSchema.optional(),
});
export type DossierLookup = z.infer<typeof DossierLookupSchema>;

export const DossierRecordSchema = z.object({
  code: z.string(),
  procedure: z.string(),
  applicantName: z.string(),
  phone: z.string().optional(),
  dueDate: z.string(),
  status: DossierStatusSchema,
  updatedAt: z.string(),
  fees: z.array(z.object({ name: z.string(), amount: z.number().int() })).optional(),
});

export const COMPARTMENT_SIZES = ['S', 'M', 'L'] as const;
export const CompartmentSizeSchema = z.enum(COMPARTMENT_SIZES);
export type CompartmentSize = z.infer<typeof CompartmentSizeSchema>;

/** `size`: the smallest compartment the papers need (S < M < L); the smallest free one that fits is used. */
export const DepositRequestSchema = z.strictObject({ dossierCode: z.string().min(1).max(64), size: CompartmentSizeSchema.optional() });
export const CompartmentSchema = z.object({ board: z.number().int(), lock: z.number().int() });
export const DepositResponseSchema = z.object({
  compartment: CompartmentSchema.extend({ size: CompartmentSizeSchema }),
  pickupCode: z.string().regex(/^\d{6}$/),
});
export const PickupOpenRequestSchema = z.strictObject({ code: z.string().min(1).max(2048), pickupCode: z.string().regex(/^\d{6}$/, 'six digits') });
export const PickupOpenResponseSchema = z.object({ compartment: CompartmentSchema });

export const CompartmentViewSchema = z.object({
  board: z.number().int(),
  lock: z.number().int(),
  size: CompartmentSizeSchema,
  dossierCode: z.string().optional(),
  depositedAt: z.string().optional(),
  overdue: z.boolean(),
});
export const CompartmentListSchema = z.array(CompartmentViewSchema);
export const RecallRequestSchema = z.strictObject({ dossierCode: z.string().min(1).max(64) });

/**
 * A satisfaction rating; `level` 1 (least satisfied) … the site's scale (most satisfied). `pickup`: from the
 * kiosk after a handover, reference = the dossier code. `counter`: a counter visit, reference = the ticket id,
 * once the counter finished it (from a rating pad at the counter).
 */
export const RatingRequestSchema = z.strictObject({
  subject: z.enum(['pickup', 'counter']),
  reference: z.string().min(1).max(2048),
  level: z.number().int().min(1).max(5),
  /** Ids of the configured reasons (`feedback.reasons`) the citizen ticked. */
  reasons: z.array(z.string().min(1).max(40)).max(12).optional(),
});
export type RatingRequest = z.infer<typeof RatingRequestSchema>;
export const RatingResponseSchema = z.object({ id: z.number().int(), level: z.number().int(), scale: z.number().int() });

/** A CSV export of dossiers (see README "Importing dossiers"); up to ~10,000 rows per request. */
export const DossierImportRequestSchema = z.strictObject({ csv: z.string().min(1).max(2_000_000) });
export const DossierImportResponseSchema = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

export const RemindRequestSchema = z.strictObject({ dossierCode: z.string().min(1).max(64) });
export const RemindResponseSchema = z.object({ to: z.string() });

/** POST /api/pickup/resume: whether a pause of every pickup (too many wrong codes) was in force and is lifted. */
export const PickupResumeResponseSchema = z.object({ resumed: z.boolean() });
