/**
 * WS /api/events: every agent event goes to every connected client as JSON. A slow client is dropped rather than
 * buffered without bound; clients reconnect and catch up through the HTTP API.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventHub } from '../events/event-hub';

const MAX_BUFFERED_BYTES = 1 << 20;

export function attachEventSocket(server: Server, events: EventHub): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const unsubscribe = events.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(text);
    }
  });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/api/events') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      // Clients only listen; anything they send is ignored.
      ws.on('message', () => undefined);
      ws.on('error', () => ws.terminate());
      wss.emit('connection', ws, req);
    });
  };
  server.on('upgrade', onUpgrade);
  // Keep-alive so dead TV displays are noticed.
  const ping = setInterval(() => {
    for (const c of wss.clients) c.ping();
  }, 30_000);
  ping.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping);
        unsubscribe();
        server.off('upgrade', onUpgrade);
        for (const c of wss.clients) c.close(1001, 'agent stopping');
        wss.close(() => resolve());
      }),
  };
}
