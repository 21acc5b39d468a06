/**
 * A client of WS /api/events for tests: every event it receives, parsed with the shared schema, and a wait for the
 * one a test expects. Opened from loopback it is the kiosk's own machine (public and kiosk events); with a staff
 * token in `headers` it also hears staff events.
 */
import WebSocket from 'ws';
import { AgentEventSchema, type AgentEvent } from '../../shared/ws-events';
import { waitUntil } from './socat';

export interface EventCollector {
  readonly events: AgentEvent[];
  /** The first event that matches, waiting up to `timeoutMs` for it. */
  next<T extends AgentEvent['type']>(type: T, match?: (e: Extract<AgentEvent, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<AgentEvent, { type: T }>>;
  close(): void;
}

export async function collectEvents(agentUrl: string, headers: Record<string, string> = {}): Promise<EventCollector> {
  const ws = new WebSocket(`${agentUrl.replace(/^http/, 'ws')}/api/events`, { headers });
  const events: AgentEvent[] = [];
  ws.on('message', (d: Buffer) => {
    const parsed = AgentEventSchema.safeParse(JSON.parse(d.toString()));
    if (parsed.success) events.push(parsed.data); // auth.result and the like are not agent events
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    events,
    async next(type, match = () => true, timeoutMs = 2000) {
      type E = Extract<AgentEvent, { type: typeof type }>;
      const find = (): E | undefined => events.find((e): e is E => e.type === type && match(e as E));
      await waitUntil(() => find() !== undefined, timeoutMs, `event ${type}`);
      return find()!;
    },
    close: () => ws.close(),
  };
}
