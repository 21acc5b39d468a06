/** In-process fan-out of agent events to WebSocket clients (and tests). Listeners never break the publisher. */
import type { AgentEvent } from '../../../shared/ws-events';

type Listener = (event: AgentEvent) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}

  publish<T extends AgentEvent['type']>(type: T, data: Extract<AgentEvent, { type: T }>['data']): void {
    const event = { type, at: new Date().toISOString(), data } as AgentEvent;
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
