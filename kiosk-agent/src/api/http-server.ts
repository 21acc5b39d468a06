/**
 * The agent's HTTP server: plain HTTP on the kiosk's own machine, HTTPS when `server.tls` names a certificate and
 * key (PEM files), so staff tokens and technician sessions do not cross the centre's LAN in the clear.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';

export class TlsConfigError extends Error {
  override name = 'TlsConfigError';
}

/**
 * Requests Node's own parser refuses before express sees them (headers or a request line over 16 kB, malformed
 * HTTP) still get the contract's JSON error instead of a bare status line.
 */
function answerParserErrors(server: Server): Server {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      error: tooLarge
        ? { code: 'REQUEST_TOO_LARGE', message: 'Địa chỉ hoặc tiêu đề yêu cầu quá dài.' }
        : { code: 'VALIDATION_FAILED', message: 'Yêu cầu HTTP không hợp lệ.' },
    });
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
  return server;
}

export function createAgentServer(app: RequestListener, tls: { cert: string; key: string } | undefined): { server: Server; scheme: 'http' | 'https' } {
  if (!tls) return { server: answerParserErrors(createHttpServer(app)), scheme: 'http' };
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
    return { server: answerParserErrors(createHttpsServer({ cert, key }, app) as unknown as Server), scheme: 'https' };
  } catch (err) {
    throw new TlsConfigError(`server.tls: the certificate and key do not make a TLS server (${(err as Error).message})`);
  }
}
