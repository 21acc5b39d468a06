/**
 * The agent's HTTP server: plain HTTP on the kiosk's own machine, HTTPS when `server.tls` names a certificate and
 * key (PEM files), so staff tokens and technician sessions do not cross the centre's LAN in the clear.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

export class TlsConfigError extends Error {
  override name = 'TlsConfigError';
}

export function createAgentServer(app: RequestListener, tls: { cert: string; key: string } | undefined): { server: Server; scheme: 'http' | 'https' } {
  if (!tls) return { server: createHttpServer(app), scheme: 'http' };
  const read = (what: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new TlsConfigError(`server.tls.${what}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  };
  const cert = read('cert', tls.cert);
  const key = read('key', tls.key);
  try {
    return { server: createHttpsServer({ cert, key }, app) as unknown as Server, scheme: 'https' };
  } catch (err) {
    throw new TlsConfigError(`server.tls: the certificate and key do not make a TLS server (${(err as Error).message})`);
  }
}
