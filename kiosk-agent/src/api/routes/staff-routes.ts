/**
 * Officers' sign-in and, for supervisors, their accounts. Logic lives in staff/. A token is only ever sent in the
 * sign-in reply; the password never leaves the request.
 */
import { z } from 'zod';
import {
  AccountListSchema,
  AuditListSchema,
  AuditQuerySchema,
  DisableRequestSchema,
  NewAccountRequestSchema,
  OfficerSchema,
  PasswordRequestSchema,
  SessionSchema,
  SignInRequestSchema,
  WhoAmISchema,
} from '../../../../shared/staff-schemas';
import type { StaffSessions } from '../../staff/staff-sessions';
import type { StaffAudit } from '../../staff/staff-audit';
import type { Request } from 'express';
import { bearerOf, plainAddress } from '../access-policy';
import { SlidingWindowLimiter } from '../rate-limiter';
import { officerOf } from '../route-auth';
import type { RouteRegistry } from '../route-registry';
import { AgentError } from '../../errors/agent-error';
import { STAFF_TEXT } from '../../i18n/staff-text';

const AccountIdSchema = z.strictObject({ id: z.coerce.number().int().positive() });

/** Sign-ins one network address may try a minute, whatever the usernames (each account also locks by itself). */
const SIGN_INS_PER_MINUTE = 20;

export function registerStaffRoutes(r: RouteRegistry, deps: { staff: StaffSessions; audit: StaffAudit; now?: () => number }): void {
  const { staff } = deps;
  // Trying many usernames from one machine is refused too: the lock per account does not see that.
  const signIns = new SlidingWindowLimiter(SIGN_INS_PER_MINUTE, 60_000, deps.now ?? Date.now);
  const throttle = (req: Request): void => {
    signIns.takeOrRefuse(plainAddress(req.socket.remoteAddress), STAFF_TEXT.tooManySignIns);
  };

  r.add(
    {
      method: 'get',
      path: '/api/audit',
      summary: 'Who did which staff action: filtered by officer (username), action (e.g. `counters.call-next`, `lockers.deposit`) and day; newest first',
      tag: 'staff',
      auth: 'supervisor',
      query: AuditQuerySchema,
      responses: { 200: { description: 'Audit rows', schema: AuditListSchema } },
      errors: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'STAFF_ROLE_REQUIRED'],
    },
    ({ query }) => {
      const q = AuditQuerySchema.parse(query);
      return deps.audit.query({ officer: q.officer, action: q.action, day: q.day, limit: q.limit });
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/staff/session',
      summary: "An officer signs in with a username and password: a session token for the counter PC",
      description:
        'Wrong: 401 STAFF_CREDENTIALS_INVALID (`details.attemptsLeft` for an account that exists). `staff.signInAttempts` wrong in a row: 429 STAFF_LOCKED until `details.retryAt` (it survives a restart). The session ends after `staff.sessionIdleMinutes` without a request, at `staff.sessionMaxHours`, on sign-out, or when the account is disabled.',
      tag: 'staff',
      auth: 'none',
      body: SignInRequestSchema,
      responses: { 200: { description: 'Signed in', schema: SessionSchema } },
      errors: ['VALIDATION_FAILED', 'STAFF_CREDENTIALS_INVALID', 'STAFF_LOCKED', 'STAFF_ACCOUNT_DISABLED', 'RATE_LIMITED'],
    },
    ({ req, body }) => {
      throttle(req);
      return staff.signIn(body.username, body.password, body.counterId ?? null);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/staff/session',
      summary: 'Who is signed in with this token (the console asks at start)',
      tag: 'staff',
      auth: 'staff',
      responses: { 200: { description: 'The officer', schema: WhoAmISchema } },
      errors: ['UNAUTHORIZED'],
    },
    ({ req }) => {
      const officer = officerOf(req);
      if (!officer) throw new AgentError('UNAUTHORIZED', STAFF_TEXT.sessionNeeded);
      return { officer };
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/staff/session/end',
      summary: 'Sign out: the token stops working at once',
      tag: 'staff',
      auth: 'none',
      responses: { 200: { description: 'Signed out (also when it already was)' } },
    },
    async ({ req }) => {
      await staff.signOut(bearerOf(req.headers.authorization));
      return { ok: true };
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/staff/accounts',
      summary: 'Every account, whether it is disabled or locked, and at which counters it is signed in now',
      tag: 'staff',
      auth: 'supervisor',
      responses: { 200: { description: 'The accounts', schema: AccountListSchema } },
      errors: ['UNAUTHORIZED', 'STAFF_ROLE_REQUIRED'],
    },
    () => staff.list(),
  );

  r.add(
    {
      method: 'post',
      path: '/api/staff/accounts',
      summary: 'Add an account (also `npm run staff -- add`)',
      tag: 'staff',
      auth: 'supervisor',
      body: NewAccountRequestSchema,
      responses: { 201: { description: 'Added', schema: OfficerSchema } },
      errors: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'STAFF_USERNAME_TAKEN', 'STAFF_PASSWORD_WEAK'],
    },
    async ({ res, body }) => {
      const added = await staff.add(body);
      res.status(201);
      return added;
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/staff/accounts/:id/disabled',
      summary: "Disable an account (its sessions end at once: the officer's console signs out) or enable it again",
      tag: 'staff',
      auth: 'supervisor',
      params: AccountIdSchema,
      body: DisableRequestSchema,
      responses: { 200: { description: 'Done, with the sessions ended' } },
      errors: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'STAFF_ACCOUNT_NOT_FOUND'],
    },
    ({ params, body }) => staff.setDisabled(Number(params.id), body.disabled),
  );

  r.add(
    {
      method: 'post',
      path: '/api/staff/accounts/:id/password',
      summary: 'Reset an account\'s password (a lock lifts; sessions signed in with the old one end)',
      tag: 'staff',
      auth: 'supervisor',
      params: AccountIdSchema,
      body: PasswordRequestSchema,
      responses: { 200: { description: 'Reset' } },
      errors: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'STAFF_ACCOUNT_NOT_FOUND', 'STAFF_PASSWORD_WEAK'],
    },
    async ({ params, body }) => {
      await staff.resetPassword(Number(params.id), body.password);
      return { ok: true };
    },
  );
}
