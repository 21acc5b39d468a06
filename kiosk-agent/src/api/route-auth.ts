/** What each route's `auth` asks of the caller (route-registry.ts), decided from access-policy.ts's answer. */
import type { Request } from 'express';
import { AgentError } from '../errors/agent-error';
import { bearerOf, type AccessPolicy, type Caller } from './access-policy';
import type { Auth } from './route-registry';

const KIOSK_ONLY_MESSAGE =
  'Chức năng này chỉ dùng trên ki-ốt tại sảnh. Màn hình ki-ốt đặt ở máy khác cần mã thiết bị (server.kioskDevices); máy của cán bộ cần đăng nhập bằng mã cán bộ.';

/** The caller, decided once per request and kept on it for the handlers that need it (rate limits). */
const CALLER = Symbol('caller');
type WithCaller = Request & { [CALLER]?: Caller };

export function callerOf(req: Request, access: AccessPolicy): Caller {
  const r = req as WithCaller;
  return (r[CALLER] ??= access.identify(req));
}

export function createRouteAuth(access: AccessPolicy, technician: { touch(token: string | undefined): void }): (auth: Auth, req: Request) => void {
  return (auth, req) => {
    if (auth === 'none') return;
    const caller = callerOf(req, access);
    switch (auth) {
      case 'staff':
        if (!caller.staff) throw new AgentError('UNAUTHORIZED', 'Cần đăng nhập bằng mã cán bộ (Authorization: Bearer <token>).');
        return;
      case 'kiosk':
        // A counter PC may issue a ticket or look up a slip for a citizen, with its staff token.
        if (!caller.kiosk && !caller.staff) throw new AgentError('KIOSK_ONLY', KIOSK_ONLY_MESSAGE);
        return;
      case 'demo': // the simulated devices stand beside the kiosk: a counter PC does not inject scans
      case 'kiosk-device':
        if (!caller.kiosk) throw new AgentError('KIOSK_ONLY', KIOSK_ONLY_MESSAGE);
        return;
      case 'technician':
        // A technician session belongs to the kiosk (its own machine or a remote touchscreen with its device
        // token): its token is no use from a counter PC or a phone.
        if (!caller.kiosk) throw new AgentError('KIOSK_ONLY', KIOSK_ONLY_MESSAGE);
        technician.touch(bearerOf(req.headers.authorization));
        return;
    }
  };
}
