/**
 * Kiosk-only routes (issue a ticket, open a compartment): when the agent listens on the LAN for counter PCs and
 * the lobby TV, those routes must still only answer the kiosk's own touchscreen. The kiosk browser runs on the
 * agent's machine, so its requests come from a loopback address, or from the machine's own LAN address (the
 * socket's remote address equals its local one). A site whose screen is a separate machine lists it in
 * `server.kioskClients`. A staff token also passes (a counter PC may issue a ticket for a citizen).
 */
import type { Request } from 'express';
import { AgentError } from '../errors/agent-error';

/** Undo the IPv4-mapped IPv6 form node reports on dual-stack sockets (::ffff:192.0.2.1). */
export function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

export function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

export function isKioskAddress(remote: string | undefined, local: string | undefined, kioskClients: readonly string[]): boolean {
  const from = plainAddress(remote);
  if (!from) return false;
  return isLoopback(from) || from === plainAddress(local) || kioskClients.some((c) => plainAddress(c) === from);
}

export function createKioskCheck(kioskClients: readonly string[], hasStaffToken: (req: Request) => boolean): (req: Request) => void {
  return (req) => {
    if (isKioskAddress(req.socket.remoteAddress, req.socket.localAddress, kioskClients)) return;
    if (hasStaffToken(req)) return;
    throw new AgentError(
      'KIOSK_ONLY',
      'Chức năng này chỉ dùng trên ki-ốt tại sảnh. Máy khác trong mạng cần mã cán bộ (Authorization: Bearer <token>) hoặc được khai báo trong server.kioskClients.',
    );
  };
}
