/**
 * In-process fan-out of agent events to WebSocket clients (and tests). Listeners never break the publisher.
 *
 * An event either happened here (`publish`) or was relayed from another agent of the centre (`relay`, from the
 * shared store's notifications): listeners hear both, and learn which, so the relay that sends this agent's events to
 * the others never sends back what it received.
 */
import type { AgentEvent } from '../../../shared/ws-events';

export type EventOrigin = 'here' | 'elsewhere';
type Listener = (event: AgentEvent, origin: EventOrigin) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}

  publish<T extends AgentEvent['type']>(type: T, data: Extract<AgentEvent, { type: T }>['data']): void {
    this.emit({ type, at: new Date().toISOString(), data } as AgentEvent, 'here');
  }

  /** An event another agent of the centre published, delivered to this agent's listeners as it was. */
  relay(event: AgentEvent): void {
    this.emit(event, 'elsewhere');
  }

  private emit(event: AgentEvent, origin: EventOrigin): void {
    for (const l of this.listeners) {
      try {
        l(event, origin);
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
