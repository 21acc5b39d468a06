/** The wire shapes of officers' accounts and sign-in (README "Officers and supervisors"). */
import { z } from 'zod';

export const STAFF_ROLE_VALUES = ['officer', 'supervisor', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLE_VALUES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'letters, digits, dot, dash or underscore, 2–32 long');

export const SignInRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The counter this PC serves (shown to supervisors: who is signed in where). */
  counterId: z.string().max(16).optional(),
});

export const OfficerSchema = z.object({ id: z.number().int(), username: z.string(), name: z.string(), role: StaffRoleSchema });
export type OfficerView = z.infer<typeof OfficerSchema>;

export const SessionSchema = z.object({ token: z.string(), expiresAt: z.string(), officer: OfficerSchema });
export const WhoAmISchema = z.object({ officer: OfficerSchema });

export const NewAccountRequestSchema = z.strictObject({
  username: UsernameSchema,
  name: z.string().trim().min(1).max(80),
  role: StaffRoleSchema,
  password: z.string().min(8, 'at least 8 characters').max(256),
});
export const PasswordRequestSchema = z.strictObject({ password: z.string().min(8, 'at least 8 characters').max(256) });
export const DisableRequestSchema = z.strictObject({ disabled: z.boolean() });

export const AccountListSchema = z.array(
  OfficerSchema.extend({ disabled: z.boolean(), locked: z.boolean(), signedInAt: z.array(z.string().nullable()) }),
);
export type AccountView = z.infer<typeof AccountListSchema>[number];

/** GET /api/audit: filters, and the rows (newest first). */
export const AuditQuerySchema = z.strictObject({
  officer: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const AuditListSchema = z.array(
  z.object({
    id: z.number(),
    at: z.string(),
    day: z.string(),
    accountId: z.number().nullable(),
    actor: z.string(),
    action: z.string(),
    subject: z.string().nullable(),
    counterId: z.string().nullable(),
    kioskId: z.string().nullable(),
    detail: z.string().nullable(),
  }),
);
