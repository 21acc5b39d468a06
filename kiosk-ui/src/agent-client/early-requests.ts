/**
 * GET requests a page's first screen needs, started before the rest of the entry script has even been evaluated
 * (that takes a slow kiosk PC a few hundred milliseconds), and handed to the first client call for the same path.
 * Each is used once: a retry after a failure fetches afresh. No imports, so importing this evaluates nothing else.
 */
const EARLY_TIMEOUT_MS = 15_000;
const started = new Map<string, Promise<Response>>();

export function startEarly(path: string): void {
  const response = fetch(path, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(EARLY_TIMEOUT_MS) });
  response.catch(() => undefined); // a failure is reported to whoever takes it, never as an unhandled rejection
  started.set(path, response);
}

/** The early response for a plain GET of this path, once; undefined for anything else. */
export function takeEarly(path: string, init?: RequestInit): Promise<Response> | undefined {
  if ((init?.method ?? 'GET') !== 'GET' || init?.body) return undefined;
  const response = started.get(path);
  started.delete(path);
  return response;
}
