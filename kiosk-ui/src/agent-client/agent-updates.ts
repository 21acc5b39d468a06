/**
 * One actor for every page that follows the queue live (counter console, lobby display, tracking): forwards each
 * agent event as `agent.event` and each change of the socket's state as `agent.connection`. The machines declare
 * an actor of this shape and the pages provide this one, so machine tests can drive both by hand.
 */
import { fromCallback } from 'xstate';
import type { AgentEvent } from '../../../shared/ws-events';
import type { AgentEvents } from './agent-events';

export type AgentUpdate = { type: 'agent.event'; event: AgentEvent } | { type: 'agent.connection'; connected: boolean };

export function agentUpdatesActor(events: AgentEvents) {
  return fromCallback<AgentUpdate>(({ sendBack }) => {
    const offStatus = events.onStatusChange((connected) => sendBack({ type: 'agent.connection', connected }));
    const offEvents = events.subscribe('*', (event) => sendBack({ type: 'agent.event', event }));
    if (events.connected) sendBack({ type: 'agent.connection', connected: true });
    return () => {
      offEvents();
      offStatus();
    };
  });
}

/** The placeholder a machine declares: silent until the page provides the real one. */
export const noAgentUpdates = fromCallback<AgentUpdate>(() => () => undefined);
