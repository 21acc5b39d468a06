/** Dossier and pickup routes. Logic lives in pickup/; these only translate. */
import {
  CompartmentListSchema,
  DepositRequestSchema,
  RecallRequestSchema,
  RatingRequestSchema,
  RemindRequestSchema,
  RemindResponseSchema,
  DossierImportRequestSchema,
  DossierImportResponseSchema,
  RatingResponseSchema,
  DepositResponseSchema,
  DossierLookupSchema,
  DossierRecordSchema,
  PickupLookupRequestSchema,
  PickupOpenRequestSchema,
  PickupOpenResponseSchema,
  PickupResumeResponseSchema,
  UpsertDossierRequestSchema,
} from '../../../../shared/dossier-schemas';
import type { RatingService } from '../../feedback/rating-service';
import type { DossierRow } from '../../pickup/dossier-repository';
import type { DossierLookup } from '../../../../shared/dossier-schemas';
import type { DossierService } from '../../pickup/dossier-service';
import { officerOf } from '../route-auth';
import type { LockerDeposits } from '../../pickup/locker-deposits';
import type { LockerHandovers } from '../../pickup/locker-handovers';
import type { OverdueReminders } from '../../pickup/overdue-reminders';
import { plainAddress } from '../access-policy';
import { SlidingWindowLimiter } from '../rate-limiter';
import type { Request } from 'express';
import type { RouteRegistry } from '../route-registry';

const record = (d: DossierRow) => ({
  code: d.code,
  procedure: d.procedure,
  applicantName: d.applicantName,
  ...(d.phone ? { phone: d.phone } : {}),
  dueDate: d.dueDate,
  status: d.status,
  updatedAt: new Date(d.updatedAtMs).toISOString(),
  ...(d.fees ? { fees: d.fees } : {}),
});

export interface PickupRouteDeps {
  dossiers: DossierService;
  deposits: LockerDeposits;
  handovers: LockerHandovers;
  ratings: RatingService;
  reminders: OverdueReminders;
  /** A lookup of a result in this kiosk's locker gains its fees still due and the VietQR to pay them (payments/). */
  withPayment?: (lookup: DossierLookup) => Promise<DossierLookup>;
  /** Slip lookups one client may make per minute (pickup.guessing.lookupsPerMinute). */
  lookupsPerMinute: number;
  now: () => number;
}

export function registerPickupRoutes(r: RouteRegistry, deps: PickupRouteDeps): void {
  // Each answer says whether a dossier's result is in a locker: probing many codes quickly is refused.
  // Opening answers too whether a dossier exists and where it stands (before any code is checked): both count.
  const lookups = new SlidingWindowLimiter(deps.lookupsPerMinute, 60_000, deps.now);
  const throttle = (req: Request): void => {
    lookups.takeOrRefuse(plainAddress(req.socket.remoteAddress), (seconds) => `Đã tra cứu quá nhiều mã trong một phút. Vui lòng thử lại sau ${seconds} giây hoặc hỏi cán bộ tại quầy.`);
  };
  r.add(
    {
      method: 'post',
      path: '/api/dossiers',
      summary: 'Create or update a dossier known to the kiosk (status as a name or a one-stop code 1–10)',
      tag: 'pickup',
      auth: 'staff',
      body: UpsertDossierRequestSchema,
      responses: { 200: { description: 'The dossier as stored', schema: DossierRecordSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'DOSSIER_IN_LOCKER', 'DEPOSIT_IN_PROGRESS'],
    },
    async ({ body }) => record(await deps.dossiers.upsert(body)),
  );

  r.add(
    {
      method: 'post',
      path: '/api/dossiers/import',
      summary: 'Staff: create or update dossiers from a CSV export ({ csv }); good rows are stored, bad ones reported by line',
      tag: 'pickup',
      auth: 'staff',
      body: DossierImportRequestSchema,
      // A CSV export of a few thousand rows; read only after the staff token checked out.
      bodyLimit: '2mb',
      responses: { 200: { description: 'How many rows were stored, and why each other row was not', schema: DossierImportResponseSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'],
    },
    ({ body }) => deps.dossiers.importCsv(body.csv),
  );

  r.add(
    {
      method: 'post',
      path: '/api/pickup/lookup',
      summary: 'What a citizen may see of a dossier after scanning the slip: status, due date, applicant masked',
      tag: 'pickup',
      auth: 'kiosk',
      body: PickupLookupRequestSchema,
      responses: { 200: { description: 'The dossier, masked', schema: DossierLookupSchema } },
      errors: ['VALIDATION_FAILED', 'SLIP_CODE_INVALID', 'DOSSIER_NOT_FOUND', 'KIOSK_ONLY', 'RATE_LIMITED', 'UPSTREAM_UNAVAILABLE'],
    },
    async ({ req, body }) => {
      throttle(req);
      const lookup = await deps.dossiers.lookup(body.code);
      return deps.withPayment ? deps.withPayment(lookup) : lookup;
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/lockers/deposit',
      summary: 'Staff put a ready result in a free compartment: it is unlocked for the officer; the pickup code is returned',
      tag: 'pickup',
      auth: 'staff',
      body: DepositRequestSchema,
      responses: { 200: { description: 'Compartment opened; the dossier is "in locker" once its door is shut', schema: DepositResponseSchema } },
      errors: ['UNAUTHORIZED', 'DOSSIER_NOT_FOUND', 'DOSSIER_NOT_READY', 'DOSSIER_IN_LOCKER', 'DEPOSIT_IN_PROGRESS', 'LOCKER_FULL', 'LOCKER_TIMEOUT', 'LOCKER_DISABLED'],
    },
    ({ req, body }) => deps.deposits.deposit(body.dossierCode, body.size, officerOf(req)?.id ?? null),
  );

  r.add(
    {
      method: 'post',
      path: '/api/pickup/open',
      summary: 'Citizen pickup at the kiosk itself (never a counter PC): slip code + pickup code → the compartment opens (once per dossier)',
      tag: 'pickup',
      auth: 'kiosk-device',
      body: PickupOpenRequestSchema,
      responses: { 200: { description: 'The compartment that opened', schema: PickupOpenResponseSchema } },
      errors: [
        'KIOSK_ONLY',
        'PICKUP_CODE_INVALID',
        'PICKUP_LOCKED',
        'PICKUP_PAUSED',
        'PICKUP_NEEDS_STAFF',
        'PICKUP_ALREADY_DONE',
        'DOSSIER_NOT_IN_LOCKER',
        'DOSSIER_NOT_FOUND',
        'LOCKER_TIMEOUT',
        'LOCKER_DISABLED',
        'RATE_LIMITED',
      ],
    },
    ({ req, body }) => {
      throttle(req);
      return deps.handovers.open(body.code, body.pickupCode);
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/pickup/resume',
      summary: 'Staff: lift the pause of every pickup that too many wrong codes started (after checking the kiosk)',
      tag: 'pickup',
      auth: 'staff',
      responses: { 200: { description: 'Whether a pause was in force', schema: PickupResumeResponseSchema } },
      errors: ['UNAUTHORIZED'],
    },
    () => deps.handovers.resumePickups(),
  );

  r.add(
    {
      method: 'get',
      path: '/api/lockers',
      summary: 'Staff: every compartment, the dossier it holds and whether that result is overdue for collection',
      tag: 'pickup',
      auth: 'staff',
      responses: { 200: { description: 'Compartments', schema: CompartmentListSchema } },
      errors: ['UNAUTHORIZED'],
    },
    () => deps.deposits.compartments(),
  );

  r.add(
    {
      method: 'post',
      path: '/api/lockers/recall',
      summary: 'Staff take an uncollected result back: the compartment opens, the dossier is "ready" at the counter, its pickup code void',
      tag: 'pickup',
      auth: 'staff',
      body: RecallRequestSchema,
      responses: { 200: { description: 'The compartment that opened', schema: PickupOpenResponseSchema } },
      errors: ['UNAUTHORIZED', 'DOSSIER_NOT_IN_LOCKER', 'DOSSIER_NOT_FOUND', 'LOCKER_TIMEOUT'],
    },
    ({ body }) => deps.deposits.recall(body.dossierCode),
  );

  r.add(
    {
      method: 'post',
      path: '/api/lockers/remind',
      summary: 'Staff: remind the applicant (SMS/Zalo through the outbox) that their result is still waiting in a compartment',
      tag: 'pickup',
      auth: 'staff',
      body: RemindRequestSchema,
      responses: { 200: { description: 'Reminder queued; the phone it goes to, masked', schema: RemindResponseSchema } },
      errors: ['UNAUTHORIZED', 'DOSSIER_NOT_FOUND', 'DOSSIER_NOT_IN_LOCKER', 'DOSSIER_NO_PHONE'],
    },
    ({ body }) => deps.reminders.remind(body.dossierCode),
  );

  r.add(
    {
      method: 'post',
      path: '/api/ratings',
      summary: 'Satisfaction after a pickup or a counter visit (1 = không hài lòng … scale = rất hài lòng), from the kiosk itself (an officer cannot rate their own counter); once per pickup, only after it',
      tag: 'pickup',
      auth: 'kiosk-device',
      body: RatingRequestSchema,
      responses: { 201: { description: 'Rating recorded', schema: RatingResponseSchema } },
      errors: ['VALIDATION_FAILED', 'RATING_NOT_ALLOWED'],
    },
    async ({ body, res }) => {
      const rating = await deps.ratings.rate(body);
      res.status(201);
      return rating;
    },
  );
}
