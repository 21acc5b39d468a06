/**
 * An outgoing HTTP(S) request on node:http, for the agent's few calls out (the SMS gateway, the province's one-stop
 * system). Why not `fetch`: Node's fetch parses HTTP with a WebAssembly module, and the installed agent runs with
 * `--jitless` (scripts/release/node-flags.mjs), which has no WebAssembly — it is what keeps the agent's resident
 * memory within its target. This client needs neither, and reads at most `maxBytes` of an answer, so a confused
 * server cannot fill the kiosk's memory.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpCall {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the call; its reason (e.g. AbortSignal.timeout's TimeoutError) is what the promise rejects with. */
  signal?: AbortSignal;
  /** The most of the answer's body kept (default 1 MiB); more is an error. */
  maxBytes?: number;
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  text: string;
  /** The body parsed as JSON; throws a SyntaxError when it is not JSON. */
  json(): unknown;
}

export function httpCall(url: string, call: HttpCall = {}): Promise<HttpAnswer> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
  if (!send) return Promise.reject(new Error(`unsupported protocol ${target.protocol} (http: or https: only)`));
  const maxBytes = call.maxBytes ?? 1024 * 1024;
  return new Promise<HttpAnswer>((resolve, reject) => {
    if (call.signal?.aborted) return reject(call.signal.reason);
    const body = call.body === undefined ? undefined : Buffer.from(call.body, 'utf8');
    const headers = { ...call.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = send(target, { method: call.method ?? 'GET', headers, signal: call.signal }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy(new Error(`the answer is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.once('error', (err) => reject(call.signal?.aborted ? call.signal.reason : err));
      res.once('end', () => {
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status, ok: status >= 200 && status < 300, text, json: () => JSON.parse(text) as unknown });
      });
    });
    // node:http rejects an aborted request with its own AbortError; the caller asked with a reason, so give that.
    req.once('error', (err) => reject(call.signal?.aborted ? call.signal.reason : err));
    req.end(body);
  });
}
