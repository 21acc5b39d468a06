/**
 * The agent on the network: the HTTP(S) server for the app, the event socket beside it, and a stop that lets the
 * request in flight (a ticket being printed) finish, cuts the rest after 3 s, and cuts event sockets at once.
 */
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import type { AccessPolicy } from '../api/access-policy';
import { attachEventSocket, type EventSocket } from '../api/event-socket';
import type { HostNames } from '../api/host-names';
import { createAgentServer } from '../api/http-server';
import type { SiteConfig } from '../config/site-config-schema';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../logger';

export interface Serving {
  url: string;
  port: number;
  sockets: EventSocket;
  /** Stops taking connections and closes every one; resolves when the server has closed. */
  close(): Promise<void>;
}

export async function serveHttp(app: RequestListener, args: { config: SiteConfig; events: EventHub; access: AccessPolicy; hostNames: HostNames; log: Logger; officers?: (token: string | undefined) => Promise<unknown> }): Promise<Serving> {
  const { config } = args;
  const { server, scheme } = createAgentServer(app, config.server.tls);
  server.keepAliveTimeout = 5_000;
  const sockets = attachEventSocket(server, args.events, {
    access: args.access,
    hostNames: args.hostNames,
    officers: args.officers,
    ...config.server.websocket,
    log: args.log.child({ module: 'events' }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
  return {
    url: `${scheme}://${host}:${port}`,
    port,
    sockets,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 3_000);
      await sockets.close();
      await closed;
      clearTimeout(force);
    },
  };
}
