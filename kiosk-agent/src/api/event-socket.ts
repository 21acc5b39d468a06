/**
 * WS /api/events: agent events pushed to displays, counter PCs, phones and the kiosk screen — each event only to
 * the sockets of its audience (shared/ws-events.ts EVENT_AUDIENCE; README "Security and privacy"). A socket's audience is decided at
 * the upgrade by the same code as the HTTP routes (access-policy.ts: the kiosk's own machine, a remote screen's
 * device token, a staff token in the `Authorization` header) and may be raised afterwards by an `auth` message
 * carrying a token, since a browser cannot set headers on a WebSocket and a token in the URL ends up in logs.
 *
 * Housekeeping: the Host and a browser's Origin must name this agent; connections from other machines are capped
 * in all and per address (the kiosk's own screen never is); a client that misses a pong is dropped; a slow client is dropped rather than buffered without bound
 * (clients reconnect and catch up through the HTTP API); on shutdown every client is told and then cut, so a phone
 * that left the Wi-Fi cannot hold the agent's exit.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_AUDIENCE, SocketAuthMessageSchema, type AgentEvent, type EventAudience, type SocketAuthResult } from '../../../shared/ws-events';
import type { EventHub } from '../events/event-hub';
import { bearerOf, isOwnMachine, plainAddress, type AccessPolicy } from './access-policy';
import type { HostNames } from './host-names';

const MAX_BUFFERED_BYTES = 1 << 20;
/** Credentials tried on one socket before it is closed (a token is not guessed over a WebSocket either). */
const MAX_AUTH_MESSAGES = 10;
/** How often a socket admitted with an officer's session asks the store whether it still lasts. */
const OFFICER_RECHECK_MS = 60_000;

export interface EventSocketOptions {
  access: AccessPolicy;
  /** An officer's session token → the officer, while it lasts (staff/staff-sessions.ts). */
  officers?: (token: string | undefined) => Promise<unknown>;
  hostNames: HostNames;
  maxClients: number;
  maxPerAddress: number;
  pingMs: number;
  log: { warn(obj: object, msg: string): void };
}

interface Client {
  ws: WebSocket;
  address: string;
  ownMachine: boolean;
  audiences: Set<EventAudience>;
  /** The staff token this socket was admitted with, re-checked before staff events (tokens expire). */
  staffToken: string | undefined;
  /** Admitted with an officer's session rather than an integration token: re-checked in the store now and then. */
  officer: boolean;
  officerCheckedAtMs: number;
  alive: boolean;
  authMessages: number;
}

export interface EventSocket {
  close(): Promise<void>;
  /** Connected clients, per audience (for tests and diagnostics). */
  counts(): { total: number; byAudience: Record<EventAudience, number> };
}

function refuse(socket: Duplex, status: number, reason: string, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function attachEventSocket(server: Server, events: EventHub, options: EventSocketOptions): EventSocket {
  const { access, hostNames } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, clientTracking: false });
  const clients = new Set<Client>();
  const perAddress = new Map<string, number>();
  /** Sockets from other machines: what `maxClients` caps. */
  let remoteClients = 0;

  const deliver = (event: AgentEvent): void => {
    const audience = EVENT_AUDIENCE[event.type];
    let text: string | undefined;
    for (const c of clients) {
      if (!c.audiences.has(audience) || c.ws.readyState !== c.ws.OPEN) continue;
      if (audience === 'staff' && c.officer) recheckOfficer(c);
      else if (audience === 'staff' && !access.isStaffToken(c.staffToken)) {
        // The token expired (or left the config) since the socket signed in.
        c.audiences.delete('staff');
        c.staffToken = undefined;
        continue;
      }
      if (c.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        c.ws.terminate();
        continue;
      }
      c.ws.send((text ??= JSON.stringify(event)));
    }
  };
  const unsubscribe = events.subscribe(deliver);

  /**
   * An officer's session ends by sign-out, idleness, the day's limit or a disabled account, all in the store: a
   * socket admitted with one is asked again at most once a minute, while staff events flow, and loses the staff
   * audience when it has ended (so a disabled officer hears staff events for a minute at most).
   */
  const recheckOfficer = (c: Client): void => {
    const now = Date.now();
    if (now - c.officerCheckedAtMs < OFFICER_RECHECK_MS || !options.officers) return;
    c.officerCheckedAtMs = now;
    options.officers(c.staffToken).then(
      (officer) => {
        if (officer) return;
        c.audiences.delete('staff');
        c.staffToken = undefined;
        c.officer = false;
      },
      (err: unknown) => options.log.warn({ err: (err as Error).message }, 'officer session not re-checked; kept until the next event'),
    );
  };

  const onAuth = async (c: Client, raw: unknown): Promise<void> => {
    c.authMessages += 1;
    if (c.authMessages > MAX_AUTH_MESSAGES) {
      c.ws.close(1008, 'too many auth messages');
      return;
    }
    let parsed;
    try {
      parsed = SocketAuthMessageSchema.safeParse(JSON.parse(String(raw)));
    } catch {
      return; // not JSON: ignored, like anything else a client sends
    }
    if (!parsed.success) return;
    const refused: SocketAuthResult['refused'] = [];
    const { staffToken, kioskToken } = parsed.data;
    if (staffToken !== undefined) {
      if (access.isStaffToken(staffToken)) {
        c.audiences.add('staff');
        c.staffToken = staffToken;
      } else if (options.officers && (await options.officers(staffToken)) !== undefined) {
        c.audiences.add('staff');
        c.staffToken = staffToken;
        c.officer = true;
        c.officerCheckedAtMs = Date.now();
      } else refused.push('staffToken');
    }
    if (kioskToken !== undefined) {
      if (access.kioskDevice(kioskToken, c.address) !== undefined) c.audiences.add('kiosk');
      else refused.push('kioskToken');
    }
    const result: SocketAuthResult = { type: 'auth.result', audiences: [...c.audiences], refused };
    c.ws.send(JSON.stringify(result));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/api/events') {
      refuse(socket, 404, 'Not Found', 'NOT_FOUND', 'Không có kênh sự kiện ở đường dẫn này (dùng /api/events).');
      return;
    }
    if (!hostNames.allowsHost(req.headers.host)) {
      refuse(socket, 421, 'Misdirected Request', 'HOST_NOT_ALLOWED', 'Địa chỉ truy cập không đúng.');
      return;
    }
    if (!hostNames.allowsOrigin(req.headers.origin, req.headers.host)) {
      refuse(socket, 403, 'Forbidden', 'ORIGIN_NOT_ALLOWED', 'Trang web khác không được dùng ki-ốt này.');
      return;
    }
    const address = plainAddress(req.socket.remoteAddress);
    const ownMachine = isOwnMachine(req.socket.remoteAddress, req.socket.localAddress);
    // The kiosk's own screen is never refused: a LAN full of sockets must not cut it off from its scans and doors.
    if (!ownMachine && (remoteClients >= options.maxClients || (perAddress.get(address) ?? 0) >= options.maxPerAddress)) {
      refuse(socket, 503, 'Service Unavailable', 'TOO_MANY_CONNECTIONS', 'Quá nhiều kết nối tới ki-ốt. Vui lòng đóng bớt các trang đang mở rồi thử lại.');
      return;
    }
    const caller = access.identify(req);
    const staffToken = caller.staff ? bearerOf(req.headers.authorization) : undefined;
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const client: Client = { ws, address, ownMachine, audiences: access.audiencesOf(caller), staffToken, officer: false, officerCheckedAtMs: 0, alive: true, authMessages: 0 };
      clients.add(client);
      if (!ownMachine) {
        remoteClients += 1;
        perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      }
      ws.on('message', (data) => {
        onAuth(client, data).catch((err: unknown) => options.log.warn({ err: (err as Error).message }, 'socket sign-in not checked'));
      });
      ws.on('pong', () => {
        client.alive = true;
      });
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        clients.delete(client);
        if (!ownMachine) {
          remoteClients -= 1;
          const n = (perAddress.get(address) ?? 1) - 1;
          if (n <= 0) perAddress.delete(address);
          else perAddress.set(address, n);
        }
      });
    });
  };
  server.on('upgrade', onUpgrade);

  // A display or phone that vanished (Wi-Fi gone, TV off) never answers a ping: dropped at the next round.
  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      try {
        c.ws.ping();
      } catch {
        c.ws.terminate();
      }
    }
  }, options.pingMs);
  heartbeat.unref();

  return {
    counts: () => {
      const byAudience: Record<EventAudience, number> = { public: 0, kiosk: 0, staff: 0 };
      for (const c of clients) for (const a of c.audiences) byAudience[a] += 1;
      return { total: clients.size, byAudience };
    },
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      server.off('upgrade', onUpgrade);
      // Say goodbye (1001: clients reconnect to the restarted agent), give live clients a moment to answer, then
      // cut whoever did not: a client gone from the network never answers a close handshake.
      for (const c of clients) c.ws.close(1001, 'agent stopping');
      const deadline = Date.now() + 300;
      while (clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const c of clients) c.ws.terminate();
      clients.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
