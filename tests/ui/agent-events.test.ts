/** The event stream client against fake sockets: typed subscriptions, junk dropped, reconnect with backoff. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentEvents, type SocketLike } from '../../kiosk-ui/src/agent-client/agent-events';

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  closed = false;
  readonly sent: string[] = [];
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
    this.onclose?.({});
  }
  /** The server side: open, push, drop. */
  accept(): void {
    this.onopen?.({});
  }
  push(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
  drop(): void {
    this.onclose?.({});
  }
}

const JOB = { type: 'printer.job', at: '2026-11-23T01:00:00.000Z', data: { jobId: 3 } };
const SCAN = { type: 'scanner.scanned', at: '2026-11-23T01:00:01.000Z', data: { code: '000.00.15.H29-250704-0012' } };

function setup() {
  const sockets: FakeSocket[] = [];
  const statuses: boolean[] = [];
  const events = new AgentEvents({
    url: 'ws://kiosk/api/events',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    onStatus: (c) => statuses.push(c),
  });
  return { events, sockets, statuses };
}

describe('agent events', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens one socket on the first subscription and delivers events by type', () => {
    const { events, sockets } = setup();
    const jobs: number[] = [];
    const all: string[] = [];
    events.subscribe('printer.job', (e) => jobs.push(e.data.jobId));
    events.subscribe('*', (e) => all.push(e.type));
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('ws://kiosk/api/events');
    sockets[0]!.accept();
    expect(events.connected).toBe(true);
    sockets[0]!.push(JOB);
    sockets[0]!.push(SCAN);
    expect(jobs).toEqual([3]);
    expect(all).toEqual(['printer.job', 'scanner.scanned']);
  });

  it('drops messages that are not JSON or do not match the schema', () => {
    const { events, sockets } = setup();
    const all: unknown[] = [];
    events.subscribe('*', (e) => all.push(e));
    sockets[0]!.push('not json {');
    sockets[0]!.push({ type: 'printer.job', at: 'x', data: { jobId: 'three' } });
    sockets[0]!.push({ type: 'unknown.event', at: 'x', data: {} });
    expect(all).toEqual([]);
  });

  it('reconnects after a drop with growing delays, and resets them once connected', () => {
    const { events, sockets, statuses } = setup();
    events.subscribe('printer.job', () => undefined);
    sockets[0]!.accept();
    sockets[0]!.drop();
    expect(statuses).toEqual([true, false]);
    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop(); // agent still down: wait longer
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    sockets[2]!.accept();
    sockets[2]!.drop();
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(4);
  });

  it('never waits longer than the cap between attempts', () => {
    const { events, sockets } = setup();
    events.subscribe('printer.job', () => undefined);
    for (let i = 0; i < 12; i++) {
      sockets.at(-1)!.drop();
      vi.advanceTimersByTime(10_000);
    }
    expect(sockets).toHaveLength(13);
  });

  it('closes the socket with the last unsubscribe and stops reconnecting', () => {
    const { events, sockets } = setup();
    const offA = events.subscribe('printer.job', () => undefined);
    const offB = events.subscribe('locker.door', () => undefined);
    sockets[0]!.accept();
    offA();
    expect(sockets[0]!.closed).toBe(false);
    offB();
    expect(sockets[0]!.closed).toBe(true);
    expect(events.connected).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('an unsubscribed listener hears nothing more', () => {
    const { events, sockets } = setup();
    const heard: number[] = [];
    const off = events.subscribe('printer.job', (e) => heard.push(e.data.jobId));
    events.subscribe('*', () => undefined);
    sockets[0]!.push(JOB);
    off();
    sockets[0]!.push(JOB);
    expect(heard).toEqual([3]);
  });
});

describe('credentials on the socket', () => {
  it('are sent as the first message after every (re)connect, never in the URL', () => {
    vi.useFakeTimers();
    try {
      const officer: { staffToken?: string } = {};
      const sockets: FakeSocket[] = [];
      const events = new AgentEvents({
        url: 'ws://kiosk/api/events',
        createSocket: (url) => {
          const s = new FakeSocket(url);
          sockets.push(s);
          return s;
        },
        credentials: () => ({ kioskToken: 'screen-b-device-token-0123456789', staffToken: officer.staffToken }),
      });
      events.subscribe('*', () => undefined);
      sockets[0]!.accept();
      expect(sockets[0]!.url).toBe('ws://kiosk/api/events');
      expect(sockets[0]!.sent.map((m) => JSON.parse(m) as unknown)).toEqual([{ type: 'auth', kioskToken: 'screen-b-device-token-0123456789' }]);
      // An officer signs in: the open socket is told at once.
      officer.staffToken = 'staff-token-for-counter-pcs-0123456789';
      events.refreshCredentials();
      expect(JSON.parse(sockets[0]!.sent[1]!)).toEqual({ type: 'auth', kioskToken: 'screen-b-device-token-0123456789', staffToken: officer.staffToken });
      sockets[0]!.drop();
      vi.advanceTimersByTime(300);
      sockets[1]!.accept();
      expect(JSON.parse(sockets[1]!.sent[0]!)).toEqual({ type: 'auth', kioskToken: 'screen-b-device-token-0123456789', staffToken: officer.staffToken });
      expect(sockets.every((s) => !s.url.includes('token'))).toBe(true);
      events.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a socket without credentials sends nothing', () => {
    const sockets: FakeSocket[] = [];
    const events = new AgentEvents({ url: 'ws://kiosk/api/events', createSocket: (url) => (sockets.push(new FakeSocket(url)), sockets.at(-1)!), credentials: () => ({}) });
    events.subscribe('*', () => undefined);
    sockets[0]!.accept();
    expect(sockets[0]!.sent).toEqual([]);
    events.close();
  });
});
