/** What each route's `auth` asks of the caller (route-registry.ts), decided from access-policy.ts's answer. */
import type { Request } from 'express';
import { AgentError } from '../errors/agent-error';
import { bearerOf, METRICS_SCOPE, type AccessPolicy, type Caller } from './access-policy';
import { MONITORING_TEXT } from '../i18n/monitoring-text';
import type { Auth } from './route-registry';
import type { Officer } from '../staff/staff-sessions';
import { STAFF_TEXT } from '../i18n/staff-text';
import { tokenScopeOf } from './token-scope';

/** What a signed-in officer's bearer token resolves to (staff/staff-sessions.ts); undefined for anything else. */
export type OfficerLookup = (token: string | undefined) => Promise<Officer | undefined>;

const KIOSK_ONLY_MESSAGE =
  'Chức năng này chỉ dùng trên ki-ốt tại sảnh. Màn hình ki-ốt đặt ở máy khác cần mã thiết bị (server.kioskDevices); máy của cán bộ cần đăng nhập bằng mã cán bộ.';

/** The caller, decided once per request and kept on it for the handlers that need it (rate limits). */
const CALLER = Symbol('caller');
const OFFICER = Symbol('officer');
type WithCaller = Request & { [CALLER]?: Caller; [OFFICER]?: Officer };

/** The officer signed in on this request, once a staff route has checked it (undefined for an integration token). */
export function officerOf(req: Request): Officer | undefined {
  return (req as WithCaller)[OFFICER];
}

export function callerOf(req: Request, access: AccessPolicy): Caller {
  const r = req as WithCaller;
  return (r[CALLER] ??= access.identify(req));
}

export function createRouteAuth(
  access: AccessPolicy,
  technician: { touch(token: string | undefined): void },
  officers: OfficerLookup = async () => undefined,
): (auth: Auth, req: Request) => Promise<void> {
  /** A configured integration token, or else an officer's live session (kept on the request for the audit). */
  const staffOf = async (req: Request, caller: Caller): Promise<'token' | Officer | undefined> => {
    if (caller.staff) return 'token';
    const officer = await officers(bearerOf(req.headers.authorization));
    if (officer) (req as WithCaller)[OFFICER] = officer;
    return officer;
  };
  return async (auth, req) => {
    if (auth === 'none') return;
    const caller = callerOf(req, access);
    switch (auth) {
      case 'staff': {
        const who = await staffOf(req, caller);
        if (!who) throw new AgentError('UNAUTHORIZED', STAFF_TEXT.sessionNeeded);
        // An integration token with scopes uses only its areas of the staff API.
        const scope = tokenScopeOf(req.baseUrl + req.path);
        if (who === 'token' && scope !== undefined && !access.staffTokenAllows(bearerOf(req.headers.authorization), scope)) {
          throw new AgentError('TOKEN_SCOPE', STAFF_TEXT.tokenScope(scope));
        }
        return;
      }
      case 'supervisor': {
        // People, not machines: an integration token does not close a service or manage accounts.
        const who = await staffOf(req, caller);
        if (who === undefined || who === 'token') throw new AgentError('UNAUTHORIZED', STAFF_TEXT.sessionNeeded);
        if (who.role === 'officer') throw new AgentError('STAFF_ROLE_REQUIRED', STAFF_TEXT.roleRequired);
        return;
      }
      case 'kiosk':
        // A counter PC may issue a ticket or look up a slip for a citizen, signed in.
        if (!caller.kiosk && !(await staffOf(req, caller))) throw new AgentError('KIOSK_ONLY', KIOSK_ONLY_MESSAGE);
        return;
      case 'counter-tablet':
        // A counter's rating tablet reads and rates only its own counter; the kiosk may stand in for one (demo).
        if (!caller.kiosk && access.counterTabletOf(req) !== req.params.id) throw new AgentError('COUNTER_TABLET_ONLY', STAFF_TEXT.counterTabletOnly);
        return;
      case 'demo': // the simulated devices stand beside the kiosk: a counter PC does not inject scans
      case 'kiosk-device':
        if (!caller.kiosk) throw new AgentError('KIOSK_ONLY', KIOSK_ONLY_MESSAGE);
        return;
      case 'metrics':
        // The kiosk's own figures for Prometheus: no personal data, but a centre's workload and its devices' faults
        // are not for every phone on the Wi-Fi. An officer signs in for people's pages, not for a scraper.
        if (caller.kiosk || access.staffTokenAllows(bearerOf(req.headers.authorization), METRICS_SCOPE)) return;
        if (caller.staff) throw new AgentError('TOKEN_SCOPE', STAFF_TEXT.tokenScope(METRICS_SCOPE));
        throw new AgentError('UNAUTHORIZED', MONITORING_TEXT.tokenNeeded);
      case 'technician':
        // A technician session belongs to the kiosk (its own machine or a remote touchscreen with its device
        // token): its token is no use from a counter PC or a phone.
        if (!caller.kiosk) throw new AgentError('KIOSK_ONLY', KIOSK_ONLY_MESSAGE);
        technician.touch(bearerOf(req.headers.authorization));
        return;
    }
  };
}
