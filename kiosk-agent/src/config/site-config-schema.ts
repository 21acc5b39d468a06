/**
 * The site config (README "Site config reference"). Every key is validated; unknown keys are errors so a typo
 * in a technician's file is reported instead of silently ignored. Defaults are the sensible values for a commune
 * centre in Vietnam.
 */
import { KioskIdentitySchema, StoreConfigSchema } from './centre-config-schema';
import { ClosedDaysSchema, ServiceHoursFields, WeekHoursSchema } from './opening-hours-schema';
import { AppointmentsConfigSchema, ServiceAppointmentsSchema } from './appointments-schema';
import { z } from 'zod';
import { FeedbackConfigSchema } from './feedback-config-schema';
import { BackupConfigSchema } from './backup-config-schema';
import { UpstreamConfigWithDefaultSchema } from './upstream-config-schema';
import { checkDisplays, DisplayConfigSchema, DisplayOptionsSchema } from './display-config-schema';
import { PickupGuessingSchema, PrivacyConfigSchema, SecretsConfigSchema, ServerConfigSchema, StaffTokenSchema } from './security-config-schema';
import { parsePinHash } from './technician-pin';
import { AlertsConfigSchema } from './alerts-config-schema';
import { PaymentsConfigSchema } from './payments-config-schema';
import { LocalizedTextSchema, PRIORITY_CATEGORIES, PriorityCategorySchema, ServiceIdSchema } from '../../../shared/api-schemas';

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const PrinterInterfaceSchema = z
  .string()
  .min(1)
  .refine(
    (v) => /^tcp:\/\/[^/:]+(:\d{1,5})?\/?$/i.test(v) || v.startsWith('/') || v.startsWith('serial:'),
    'expected tcp://host:port, a device path such as /dev/usb/lp0, or serial:/dev/ttyS0?baud=115200',
  );

/** Keys every printer driver shares: how the ticket is laid out and how the printer is watched. */
const printerCommon = {
  text: z.enum(['cp1258', 'raster']).default('cp1258'),
  /** `ESC t n` value of the Windows-1258 table; 52 on Epson, other numbers on some clones. */
  codePage: z.number().int().min(0).max(255).default(52),
  /** Characters per line in font A (48 on 80 mm paper, 32 on 58 mm). */
  columns: z.number().int().min(24).max(64).default(48),
  /** Printable dots per line (576 on 80 mm paper, 384 on 58 mm). */
  widthDots: z.number().int().min(256).max(832).multipleOf(8).default(576),
  timeoutMs: z.number().int().min(100).max(30_000).default(3000),
  /** While idle, the real-time status is read this often (0 = only before each job). */
  statusPollMs: z.number().int().min(0).max(600_000).default(5000),
};

export const PrinterConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({ driver: z.literal('escpos'), interface: PrinterInterfaceSchema, ...printerCommon }),
  z.strictObject({ driver: z.literal('simulated'), ...printerCommon }),
]);

// Scanner and locker are driven from the device issue on; their keys are validated now so a site file written
// for the full kiosk loads unchanged.
export const ScannerConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({
    driver: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(9600),
    suffix: z.enum(['CR', 'LF', 'CRLF', 'none']).default('CR'),
    /** With suffix "none": the silence (ms) that ends a code. */
    interByteTimeoutMs: z.number().int().min(10).max(2000).default(80),
  }),
  z.strictObject({ driver: z.literal('simulated'), suffix: z.enum(['CR', 'LF', 'CRLF', 'none']).default('CR') }),
  z.strictObject({ driver: z.literal('none') }),
]);

export const CompartmentSizeSchema = z.enum(['S', 'M', 'L']);

export const LockerBoardSchema = z
  .strictObject({
    address: z.number().int().min(0).max(15),
    locks: z.number().int().min(1).max(16).default(16),
    lockedBit: z.union([z.literal(0), z.literal(1)]).default(1),
    /**
     * The size of each compartment, lock 1 first (S for a few sheets, M for a folder, L for a land-title file
     * or a box). Deposits ask for a size and get the smallest free compartment that fits. Default: all M.
     */
    sizes: z.array(CompartmentSizeSchema).optional(),
  })
  .refine((b) => b.sizes === undefined || b.sizes.length === b.locks, { message: 'sizes must list one size per lock', path: ['sizes'] });

export const LockerConfigSchema = z.discriminatedUnion('driver', [
  z.strictObject({
    driver: z.literal('kerong-cu'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(19200),
    boards: z.array(LockerBoardSchema).min(1),
    /** RS485 is half-duplex: one request in flight, its reply awaited this long, then retried. */
    replyTimeoutMs: z.number().int().min(50).max(5000).default(500),
    retries: z.number().int().min(0).max(5).default(2),
    /** How often idle boards are read for door changes. */
    pollMs: z.number().int().min(0).max(60_000).default(1000),
  }),
  z.strictObject({
    driver: z.literal('simulated'),
    boards: z.array(LockerBoardSchema).min(1).default([{ address: 0, locks: 16, lockedBit: 1 }]),
    pollMs: z.number().int().min(0).max(60_000).default(1000),
  }),
  z.strictObject({ driver: z.literal('none') }),
]);

export const ServiceConfigSchema = z.strictObject({
  id: ServiceIdSchema,
  prefix: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
  name: LocalizedTextSchema,
  /** Average minutes a counter spends on one ticket before history exists. */
  defaultServiceMinutes: z.number().positive().max(240).optional(),
  ...ServiceHoursFields,
  /** Public booking of visits for this service (appointments-schema.ts); absent: staff and integrations only. */
  appointments: ServiceAppointmentsSchema.optional(),
});

export const CounterConfigSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'letters, digits and dashes'),
  name: LocalizedTextSchema.optional(),
  services: z.array(ServiceIdSchema).min(1),
});

export const SiteConfigSchema = z
  .strictObject({
    center: z.strictObject({
      name: z.string().min(1),
      timezone: z.string().default('Asia/Ho_Chi_Minh').refine(isValidTimeZone, 'not an IANA time zone'),
    }),
    /** The centre's weekly opening hours (opening-hours-schema.ts); none: tickets at any time. */
    hours: WeekHoursSchema.optional(),
    /** Days the centre does not open (national holidays, Tết), YYYY-MM-DD. */
    closedDays: ClosedDaysSchema,
    server: ServerConfigSchema.prefault({}),
    dataDir: z.string().min(1),
    /** Which kiosk of the centre this agent is (centre-config-schema.ts). */
    kiosk: KioskIdentitySchema,
    /** Where the queue and the dossiers live: SQLite here (default) or the centre's PostgreSQL. */
    store: StoreConfigSchema,
    /** Where backups and pre-migration snapshots go, and how many are kept (backup-config-schema.ts). */
    backup: BackupConfigSchema,
    printer: PrinterConfigSchema,
    scanner: ScannerConfigSchema.default({ driver: 'none' }),
    locker: LockerConfigSchema.default({ driver: 'none' }),
    services: z.array(ServiceConfigSchema).min(1),
    counters: z.array(CounterConfigSchema).default([]),
    /** Lobby displays that each show a zone of the counters (display-config-schema.ts); `/display` shows them all. */
    displays: z.array(DisplayConfigSchema).default([]),
    /** What the lobby displays show beyond numbers: `showOfficer` (display-config-schema.ts). */
    display: DisplayOptionsSchema,
    queue: z
      .strictObject({
        /** After this many priority calls in a row, one normal ticket is called. */
        priorityStreakLimit: z.number().int().min(1).max(50).default(3),
        defaultServiceMinutes: z.number().positive().max(240).default(5),
        priorityCategories: z.array(PriorityCategorySchema).min(1).default([...PRIORITY_CATEGORIES]),
        /** No new ticket when its estimated wait would end more than this many minutes after the service closes. */
        closingMarginMinutes: z.number().int().min(0).max(240).default(15),
        /** Who still gets a ticket when the wait runs past closing: priority visitors (the rule's default). */
        closingExemptPriority: z.boolean().default(true),
        /** A ticket issued with a phone gets a message when this many people or fewer are ahead (and when called). */
        notifyAhead: z.number().int().min(1).max(50).default(3),
        /** Recalls of a called ticket whose citizen has not come; the next recall marks it a no-show by itself. */
        maxRecalls: z.number().int().min(0).max(20).default(3),
      })
      .prefault({}),
    /** Check-in of booked visits at the kiosk, and the limits on public booking (appointments-schema.ts). */
    appointments: AppointmentsConfigSchema,
    pickup: z
      .strictObject({
        /** A result not collected this many days after its deposit is flagged for staff. */
        overdueDays: z.number().int().min(1).max(365).default(7),
        /** After a pickup opens a door: remind the citizen to shut it, then alert staff. */
        doorReminderMs: z.number().int().min(100).max(600_000).default(60_000),
        doorAlertMs: z.number().int().min(100).max(3_600_000).default(180_000),
        /**
         * The service whose counter hands results over (often its own prefix, e.g. C). When set, a citizen whose
         * result is not in a locker, or whose compartment will not open, is offered a ticket for it.
         */
        resultServiceId: ServiceIdSchema.optional(),
        /** How often overdue results are checked for their one automatic reminder to the applicant. */
        reminderCheckMs: z.number().int().min(1000).max(86_400_000).default(3_600_000),
        /** Limits on guessing pickup codes and probing slips (security-config-schema.ts). */
        guessing: PickupGuessingSchema,
      })
      .prefault({}),
    /** The procedure catalogue (README "Procedures at the kiosk"): its field (Lĩnh vực) → the queue service handling it. */
    procedures: z.strictObject({ fieldServices: z.record(z.string().min(1).max(200), ServiceIdSchema).default({}) }).prefault({}),
    /** Satisfaction ratings after a pickup (and at counters): 3 levels as the indicators ask, or 5 as some portals use. */
    feedback: FeedbackConfigSchema,
    notifier: z
      .discriminatedUnion('driver', [
        z.strictObject({ driver: z.literal('log') }),
        z.strictObject({
          driver: z.literal('webhook'),
          /** The SMS/Zalo gateway: receives POST { to, text, reference } as JSON. */
          url: z.url(),
          token: z.string().min(1).optional(),
          timeoutMs: z.number().int().min(100).max(60_000).default(5000),
        }),
      ])
      .default({ driver: 'log' }),
    outbox: z
      .strictObject({ pollMs: z.number().int().min(50).max(60_000).default(1000), minBackoffMs: z.number().int().min(10).max(600_000).default(5000) })
      .default({ pollMs: 1000, minBackoffMs: 5000 }),
    /** SMS to technicians when a device fault lasts or the outbox is stuck (alerts-config-schema.ts); absent: none. */
    alerts: AlertsConfigSchema,
    /** The province's one-stop system (upstream-config-schema.ts): `local` (default) or `http`. */
    upstream: UpstreamConfigWithDefaultSchema,
    staff: z
      .strictObject({
        /** Bearer tokens for machine integrations (the province's system, imports); people sign in with accounts. */
        tokens: z.array(StaffTokenSchema).default([]),
        /** An officer's session ends after this long without a request… */
        sessionIdleMinutes: z.number().int().min(1).max(24 * 60).default(30),
        /** …and at the latest this long after signing in (a working day). */
        sessionMaxHours: z.number().int().min(1).max(24).default(12),
        /** Wrong passwords in a row that lock an account, and for how long (the lock survives a restart). */
        signInAttempts: z.number().int().min(1).max(20).default(5),
        lockMinutes: z.number().int().min(1).max(24 * 60).default(15),
      })
      .prefault({}),
    technician: z
      .strictObject({
        /** `npm run hash-pin -- <pin>`; the PIN itself is never stored. */
        pinHash: z.string().superRefine((v, ctx) => {
          const parsed = parsePinHash(v);
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
        }),
        /** A diagnostics session ends this many minutes after its last action. */
        idleMinutes: z.number().int().min(1).max(60).default(5),
        /** A session ends this many minutes after it opened, however busy (an absolute lifetime). */
        maxSessionMinutes: z.number().int().min(5).max(720).default(60),
      })
      .optional(),
    /** Fees paid by VietQR at the kiosk (payments-config-schema.ts); absent: fees are paid at the counter. */
    payments: PaymentsConfigSchema.optional(),
    privacy: PrivacyConfigSchema,
    secrets: SecretsConfigSchema,
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((cfg, ctx) => {
    const ids = new Set<string>();
    const prefixes = new Set<string>();
    cfg.services.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id "${s.id}"` });
      if (prefixes.has(s.prefix)) ctx.addIssue({ code: 'custom', path: ['services', i, 'prefix'], message: `prefix "${s.prefix}" is used by another service` });
      ids.add(s.id);
      prefixes.add(s.prefix);
    });
    if (cfg.pickup.resultServiceId && !ids.has(cfg.pickup.resultServiceId)) {
      ctx.addIssue({ code: 'custom', path: ['pickup', 'resultServiceId'], message: `unknown service "${cfg.pickup.resultServiceId}"` });
    }
    const counterIds = new Set<string>();
    cfg.counters.forEach((c, i) => {
      if (counterIds.has(c.id)) ctx.addIssue({ code: 'custom', path: ['counters', i, 'id'], message: `duplicate counter id "${c.id}"` });
      counterIds.add(c.id);
      c.services.forEach((sid, j) => {
        if (!ids.has(sid)) ctx.addIssue({ code: 'custom', path: ['counters', i, 'services', j], message: `unknown service "${sid}"` });
      });
    });
    checkDisplays(cfg.displays, counterIds, ctx);
    for (const [field, id] of Object.entries(cfg.procedures.fieldServices)) {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['procedures', 'fieldServices', field], message: `unknown service "${id}"` });
    }
    cfg.server.counterTablets.forEach((t, i) => {
      if (!counterIds.has(t.counterId)) ctx.addIssue({ code: 'custom', path: ['server', 'counterTablets', i, 'counterId'], message: `unknown counter "${t.counterId}"` });
    });
  });

export type SiteConfig = z.infer<typeof SiteConfigSchema>;
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
export type PrinterConfig = SiteConfig['printer'];
export type ServiceConfig = SiteConfig['services'][number];
