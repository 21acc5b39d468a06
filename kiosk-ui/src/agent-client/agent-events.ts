/**
 * WS /api/events with automatic reconnect (backoff up to 10 s). Messages are validated with the shared schema;
 * anything else is ignored. Used by actors (fromCallback), never by components.
 */
import { AgentEventSchema, type AgentEvent } from '../../../shared/ws-events';

export interface EventConnection {
  close(): void;
}

export function connectAgentEvents(
  onEvent: (event: AgentEvent) => void,
  options: { url?: string; onStatus?: (connected: boolean) => void } = {},
): EventConnection {
  const url = options.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
  let socket: WebSocket | undefined;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = (): void => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      options.onStatus?.(true);
    };
    socket.onmessage = (msg) => {
      try {
        const parsed = AgentEventSchema.safeParse(JSON.parse(String(msg.data)));
        if (parsed.success) onEvent(parsed.data);
      } catch {
        // not JSON: ignore
      }
    };
    socket.onclose = () => {
      options.onStatus?.(false);
      if (closed) return;
      attempt += 1;
      timer = setTimeout(open, Math.min(10_000, 250 * 2 ** attempt));
    };
  };
  open();
  return {
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
