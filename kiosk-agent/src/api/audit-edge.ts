/**
 * Turns a staff action that succeeded at the edge into an audit row (staff/staff-audit.ts): who (the officer signed
 * in, or `token:<name>` for an integration), what it was done to (a ticket's number, a dossier's code, an account),
 * at which counter, and the few choices worth keeping (a transfer's target…). Never personal data: no names,
 * phones or passwords from the body. A failure to write is logged and reported to the store's health; the action
 * has happened and its answer stands.
 */
import type { Request } from 'express';
import type { StaffAudit } from '../staff/staff-audit';
import { bearerOf, type AccessPolicy } from './access-policy';
import { officerOf } from './route-auth';
import type { AuditedCall } from './route-registry';

/** Body fields kept in `detail`: choices, never personal data. */
const DETAIL_KEYS = ['toServiceId', 'toCounterId', 'position', 'size', 'disabled', 'role', 'status', 'amount'] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

function subjectOf(call: AuditedCall): string | null {
  const result = (call.result ?? {}) as { ticket?: { number?: unknown }; username?: unknown; imported?: unknown };
  const body = (call.body ?? {}) as Record<string, unknown>;
  return (
    str(result.ticket?.number) ??
    str(body.dossierCode) ??
    (call.action.startsWith('dossiers') ? (str(body.code) ?? str(call.params.code)) : null) ??
    str(body.number) ??
    str(result.username) ??
    (call.action.startsWith('staff.') || call.action.startsWith('service.') ? str(call.params.id) : null)
  );
}

function detailOf(call: AuditedCall): string | null {
  const body = (call.body ?? {}) as Record<string, unknown>;
  const kept = Object.fromEntries(DETAIL_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
  const imported = (call.result as { imported?: unknown } | null)?.imported;
  if (typeof imported === 'number') kept.imported = imported;
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

function actorOf(req: Request, access: AccessPolicy): { accountId: number | null; actor: string } {
  const officer = officerOf(req);
  if (officer) return { accountId: officer.id, actor: officer.username };
  const token = access.staffTokenName(bearerOf(req.headers.authorization));
  return { accountId: null, actor: token ? `token:${token}` : 'kiosk' };
}

export async function recordAudit(
  call: AuditedCall,
  deps: { audit: StaffAudit; access: AccessPolicy; storeFailed: (err: unknown) => string | undefined; log: { error(obj: object, msg: string): void } },
): Promise<void> {
  try {
    await deps.audit.record({
      ...actorOf(call.req, deps.access),
      action: call.action,
      subject: subjectOf(call),
      counterId: call.req.path.startsWith('/api/counters/') ? (call.params.id ?? null) : null,
      detail: detailOf(call),
    });
  } catch (err) {
    if (deps.storeFailed(err) === undefined) deps.log.error({ err, action: call.action }, 'staff action not audited');
  }
}
