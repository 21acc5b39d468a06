/**
 * Events across the agents of a centre: what happens at one agent that the people connected to another must see —
 * a call made at a counter through agent B reaches the lobby display and the phones connected to agent A. Public
 * and staff events published here go out on the shared store's channel (PostgreSQL NOTIFY); events from the other
 * agents come in and are relayed to this agent's own listeners, where the event socket applies the audience rules as
 * for its own. Kiosk events (scans, doors, this kiosk's printer) stay at their kiosk.
 *
 * Each agent hears its own notifications too: they carry the sender's id and are dropped here, so a client gets
 * every event once. A notification is one event, at most 7,900 bytes (PostgreSQL's limit); a larger one is not sent
 * to the other agents and is logged — today's events are a few hundred bytes (a ticket's public view, an alert).
 */
import { randomBytes } from 'node:crypto';
import { AgentEventSchema, EVENT_AUDIENCE, type AgentEvent } from '../../../shared/ws-events';
import type { EventHub } from './event-hub';

/**
 * Where the agents of a centre meet (the shared store's channel: store/postgres/postgres-channel.ts). Named here, so
 * the relay knows a channel and not a database.
 */
export interface EventChannel {
  /** Sends one message to every listening agent; false when it is too large to send. */
  notify(payload: string): Promise<boolean>;
  listen(hooks: { onMessage(payload: string): void; onDown?(err: unknown): void; onUp?(): void }): Promise<void>;
  stop(): Promise<void>;
}

const CROSSES = (event: AgentEvent): boolean => EVENT_AUDIENCE[event.type] !== 'kiosk';

export interface CentreEventsLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export async function relayCentreEvents(events: EventHub, channel: EventChannel, kioskId: string, log: CentreEventsLog): Promise<() => Promise<void>> {
  const me = `${kioskId}:${randomBytes(6).toString('hex')}`;
  const unsubscribe = events.subscribe((event, origin) => {
    if (origin !== 'here' || !CROSSES(event)) return;
    channel.notify(JSON.stringify({ from: me, event })).then(
      (sent) => {
        if (!sent) log.warn({ type: event.type }, 'event too large for the other agents; delivered here only');
      },
      (err: unknown) => log.warn({ type: event.type, err: (err as Error).message }, 'event not sent to the other agents (store unreachable)'),
    );
  });
  await channel.listen({
    onMessage: (payload) => {
      let message: { from?: unknown; event?: unknown };
      try {
        message = JSON.parse(payload) as typeof message;
      } catch {
        return;
      }
      if (message.from === me) return;
      // Checked like anything else that arrives from outside this process.
      const parsed = AgentEventSchema.safeParse(message.event);
      if (parsed.success && CROSSES(parsed.data)) events.relay(parsed.data);
    },
    onDown: (err) => log.warn({ err: (err as Error).message }, 'not hearing the other agents (store unreachable); retrying'),
    onUp: () => log.info({}, 'hearing the other agents again'),
  });
  return async () => {
    unsubscribe();
    await channel.stop();
  };
}
