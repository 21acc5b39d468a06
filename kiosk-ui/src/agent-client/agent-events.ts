/**
 * WS /api/events: one socket shared by every subscriber, opened with the first subscription and closed with the
 * last, reconnecting with exponential backoff (250 ms doubling up to 10 s) because the agent restarts under a
 * kiosk that never reloads. Messages are validated with the shared schema; anything else is dropped. Used by
 * actors (fromCallback), never by components.
 */
import { AgentEventSchema, type AgentEvent, type AgentEventType, type SocketAuthMessage } from '../../../shared/ws-events';

/** The part of the browser WebSocket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Tokens that widen what the socket receives: a remote kiosk screen's device token, a signed-in officer's token. */
export interface SocketCredentials {
  kioskToken?: string | undefined;
  staffToken?: string | undefined;
}

export interface AgentEventsOptions {
  url?: string;
  createSocket?: (url: string) => SocketLike;
  minDelayMs?: number;
  maxDelayMs?: number;
  onStatus?: (connected: boolean) => void;
  /** Read at every (re)connect and sent as the socket's first message: never in the URL. */
  credentials?: () => SocketCredentials;
}

type Listener = (event: AgentEvent) => void;
type EventOf<T extends AgentEventType> = Extract<AgentEvent, { type: T }>;

function defaultUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
}

export class AgentEvents {
  private readonly listeners = new Set<{ type: AgentEventType | '*'; fn: Listener }>();
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  private socket: SocketLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private isConnected = false;

  constructor(private readonly options: AgentEventsOptions = {}) {}

  get connected(): boolean {
    return this.isConnected;
  }

  /** Listen to one event type (or '*' for all). Returns the unsubscribe function. */
  subscribe<T extends AgentEventType>(type: T, listener: (event: EventOf<T>) => void): () => void;
  subscribe(type: '*', listener: Listener): () => void;
  subscribe(type: AgentEventType | '*', listener: (event: never) => void): () => void {
    const entry = { type, fn: listener as Listener };
    this.listeners.add(entry);
    if (!this.socket && !this.timer) this.open();
    return () => this.remove(entry);
  }

  /**
   * Be told when the socket connects or drops (pages show "reconnecting…" and fetch a fresh picture after a
   * reconnect, since events sent meanwhile are lost). Does not open the socket by itself.
   */
  onStatusChange(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Drops every listener and the socket. */
  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private remove(entry: { type: AgentEventType | '*'; fn: Listener }): void {
    this.listeners.delete(entry);
    if (this.listeners.size === 0) this.stop();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.setConnected(false);
  }

  private open(): void {
    this.timer = undefined;
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    const socket = create(this.options.url ?? defaultUrl());
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.sendCredentials();
      this.setConnected(true);
    };
    socket.onmessage = (msg) => this.dispatch(msg.data);
    socket.onclose = () => {
      this.socket = undefined;
      this.setConnected(false);
      if (this.listeners.size === 0) return;
      const { minDelayMs = 250, maxDelayMs = 10_000 } = this.options;
      const delay = Math.min(maxDelayMs, minDelayMs * 2 ** this.attempt);
      this.attempt += 1;
      this.timer = setTimeout(() => this.open(), delay);
    };
  }

  /** Sends the credentials again now (after an officer signs in); they are sent at every reconnect anyway. */
  refreshCredentials(): void {
    if (this.isConnected) this.sendCredentials();
  }

  private sendCredentials(): void {
    const c = this.options.credentials?.();
    if (!c?.kioskToken && !c?.staffToken) return;
    const message: SocketAuthMessage = {
      type: 'auth',
      ...(c.kioskToken ? { kioskToken: c.kioskToken } : {}),
      ...(c.staffToken ? { staffToken: c.staffToken } : {}),
    };
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // the socket closed meanwhile: sent again on reconnect
    }
  }

  private dispatch(data: unknown): void {
    let parsed;
    try {
      parsed = AgentEventSchema.safeParse(JSON.parse(String(data)));
    } catch {
      return; // not JSON: not ours
    }
    if (!parsed.success) return;
    for (const { type, fn } of [...this.listeners]) if (type === '*' || type === parsed.data.type) fn(parsed.data);
  }

  private setConnected(value: boolean): void {
    if (value === this.isConnected) return;
    this.isConnected = value;
    this.options.onStatus?.(value);
    for (const fn of [...this.statusListeners]) fn(value);
  }
}
