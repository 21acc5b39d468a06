/**
 * Who is asking (README "Security and privacy"), decided once per HTTP request or WebSocket upgrade with the same code:
 *
 * - the **kiosk**: the touchscreen on the agent's own machine (a loopback address, or the machine's own LAN
 *   address: the socket's remote address equals its local one), or a touchscreen elsewhere that presents its
 *   device token (`X-Kiosk-Token`; config `server.kioskDevices`). An address alone never makes a remote kiosk: a
 *   laptop can take a switched-off screen's address.
 * - **staff**: a configured staff token (`Authorization: Bearer …`) that has not expired. A monitoring token (its
 *   only scope `metrics`: Prometheus) is not staff: it reads GET /metrics (route-auth.ts) and nothing else.
 * - everyone else is **public** (displays, phones).
 *
 * Technicians are a session on top of the kiosk (api/route-auth.ts). Tokens are compared as SHA-256 digests in
 * constant time, so they cannot be guessed byte by byte.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EventAudience } from '../../../shared/ws-events';

export interface KioskDevice {
  name: string;
  token: string;
  address?: string | undefined;
}

/** A counter's citizen-facing rating tablet (config `server.counterTablets`). */
export interface CounterTablet {
  counterId: string;
  token: string;
  address?: string | undefined;
}

/** The scope of a token Prometheus presents for GET /metrics (config security-config-schema.ts TOKEN_SCOPES). */
export const METRICS_SCOPE = 'metrics';

export type StaffTokenEntry = string | { token: string; name?: string | undefined; expiresAt?: string | undefined; scopes?: readonly string[] | undefined };

export interface Caller {
  /** The client's address as the agent sees it (IPv4-mapped IPv6 unwrapped). */
  address: string;
  kiosk: boolean;
  staff: boolean;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const sameSecret = (known: Buffer, given: Buffer): boolean => timingSafeEqual(known, given);

/** Undo the IPv4-mapped IPv6 form node reports on dual-stack sockets (::ffff:192.0.2.1). */
export function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

export function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

/** The kiosk's own machine: loopback, or a connection from the machine's own address to itself. */
export function isOwnMachine(remote: string | undefined, local: string | undefined): boolean {
  const from = plainAddress(remote);
  return from !== '' && (isLoopback(from) || from === plainAddress(local));
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return /^Bearer\s+(\S{1,512})$/i.exec(value ?? '')?.[1];
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= 512 ? s : undefined;
}

/**
 * An expiry given as a date alone lasts to the end of that day in the centre's zone (`utcOffsetMinutes` of that
 * zone at the instant); a date-time is taken as written.
 */
function expiryMs(expiresAt: string | undefined, utcOffsetMinutes: (ms: number) => number): number {
  if (!expiresAt) return Number.POSITIVE_INFINITY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresAt)) return Date.parse(expiresAt);
  const endOfDayAsUtc = Date.parse(`${expiresAt}T23:59:59.999Z`);
  return endOfDayAsUtc - utcOffsetMinutes(endOfDayAsUtc) * 60_000;
}

export class AccessPolicy {
  private readonly staff: { digest: Buffer; expiresMs: number; name: string; scopes: readonly string[] | undefined; staffArea: boolean }[];
  private readonly devices: { digest: Buffer; address: string | undefined; name: string }[];
  private readonly tablets: { digest: Buffer; address: string | undefined; counterId: string }[];

  constructor(
    options: {
      staffTokens: readonly StaffTokenEntry[];
      kioskDevices: readonly KioskDevice[];
      counterTablets?: readonly CounterTablet[];
      utcOffsetMinutes?: (ms: number) => number;
    },
    private readonly now: () => number = Date.now,
  ) {
    const offset = options.utcOffsetMinutes ?? (() => 0);
    this.staff = options.staffTokens.map((t, i) =>
      typeof t === 'string'
        ? { digest: digest(t), expiresMs: Number.POSITIVE_INFINITY, name: `token ${i + 1}`, scopes: undefined, staffArea: true }
        : {
            digest: digest(t.token),
            expiresMs: expiryMs(t.expiresAt, offset),
            name: t.name ?? `token ${i + 1}`,
            scopes: t.scopes,
            // A scrape token kept on a monitoring server opens no staff route, socket or ticket (least privilege).
            staffArea: t.scopes === undefined || t.scopes.some((s) => s !== METRICS_SCOPE),
          },
    );
    this.devices = options.kioskDevices.map((d) => ({ digest: digest(d.token), address: d.address ? plainAddress(d.address) : undefined, name: d.name }));
    this.tablets = (options.counterTablets ?? []).map((t) => ({ digest: digest(t.token), address: t.address ? plainAddress(t.address) : undefined, counterId: t.counterId }));
  }

  /**
   * A configured staff token that has not expired (a monitoring-only token is not one). Every token is compared, so
   * the time taken says nothing.
   */
  isStaffToken(token: string | undefined): boolean {
    if (!token) return false;
    const given = digest(token);
    const now = this.now();
    let ok = false;
    for (const s of this.staff) if (sameSecret(s.digest, given) && s.expiresMs > now && s.staffArea) ok = true;
    return ok;
  }

  /** Whether a live configured staff token may use an area of the staff API (a token without scopes: every area). */
  staffTokenAllows(token: string | undefined, scope: string): boolean {
    if (!token) return false;
    const given = digest(token);
    const now = this.now();
    let allowed = false;
    for (const s of this.staff) if (sameSecret(s.digest, given) && s.expiresMs > now && (s.scopes === undefined || s.scopes.includes(scope))) allowed = true;
    return allowed;
  }

  /** The name of a live configured staff token (for the audit: which integration did it), or undefined. */
  staffTokenName(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const given = digest(token);
    const now = this.now();
    let name: string | undefined;
    for (const s of this.staff) if (sameSecret(s.digest, given) && s.expiresMs > now) name = s.name;
    return name;
  }

  /** The remote touchscreen a device token belongs to, if it is one and (when bound to an address) comes from there. */
  kioskDevice(token: string | undefined, address: string): string | undefined {
    if (!token) return undefined;
    const given = digest(token);
    let found: string | undefined;
    for (const d of this.devices) if (sameSecret(d.digest, given) && (!d.address || d.address === address)) found = d.name;
    return found;
  }

  /** The counter whose rating tablet is asking (`X-Counter-Token`, bound to an address when configured so), if any. */
  counterTabletOf(req: IncomingMessage): string | undefined {
    const token = headerOf(req, 'x-counter-token');
    if (!token) return undefined;
    const given = digest(token);
    const address = plainAddress(req.socket.remoteAddress);
    let found: string | undefined;
    for (const t of this.tablets) if (sameSecret(t.digest, given) && (!t.address || t.address === address)) found = t.counterId;
    return found;
  }

  /** Who is asking, from the connection and its headers (never from the URL). */
  identify(req: IncomingMessage): Caller {
    const address = plainAddress(req.socket.remoteAddress);
    const kiosk = isOwnMachine(req.socket.remoteAddress, req.socket.localAddress) || this.kioskDevice(headerOf(req, 'x-kiosk-token'), address) !== undefined;
    return { address, kiosk, staff: this.isStaffToken(bearerOf(req.headers.authorization)) };
  }

  /** The event audiences a caller receives. */
  audiencesOf(caller: Pick<Caller, 'kiosk' | 'staff'>): Set<EventAudience> {
    const audiences = new Set<EventAudience>(['public']);
    if (caller.kiosk) audiences.add('kiosk');
    if (caller.staff) audiences.add('staff');
    return audiences;
  }
}
