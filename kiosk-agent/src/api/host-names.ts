/**
 * The names the agent answers to. A request whose `Host` is something else is refused: a web page on the kiosk's
 * own browser could otherwise point a domain it controls at 127.0.0.1 (DNS rebinding) and talk to the agent as the
 * kiosk. A browser's `Origin` (sent on WebSocket upgrades and on cross-site requests) must be one of these names
 * too, so a page from elsewhere cannot open the event socket or post to the API.
 */
import { hostname, networkInterfaces } from 'node:os';

export interface HostNamesOptions {
  host: string;
  publicUrl?: string | undefined;
  allowedHosts: readonly string[];
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** The host part of a `Host` header value, lower case, without port or IPv6 brackets. */
export function hostOf(value: string): string | undefined {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s/@]+))(?::\d{1,5})?$/i.exec(value.trim());
  const host = m?.[1] ?? m?.[2];
  return host?.toLowerCase().replace(/\.$/, '');
}

export class HostNames {
  private readonly fixed: Set<string>;
  private interfaces: { at: number; names: Set<string> } | undefined;

  constructor(private readonly options: HostNamesOptions) {
    const names = ['localhost', '127.0.0.1', '::1', hostname(), `${hostname()}.local`, ...options.allowedHosts];
    if (!WILDCARDS.has(options.host)) names.push(options.host);
    if (options.publicUrl) names.push(new URL(options.publicUrl).hostname.replace(/^\[|\]$/g, ''));
    this.fixed = new Set(names.map((n) => n.toLowerCase()));
  }

  /** The machine's addresses, re-read at most every 10 s (DHCP may change them while the agent runs). */
  private interfaceNames(): Set<string> {
    const now = Date.now();
    if (!this.interfaces || now - this.interfaces.at > 10_000) {
      const names = new Set<string>();
      for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(i.address.toLowerCase().replace(/%.*$/, ''));
      this.interfaces = { at: now, names };
    }
    return this.interfaces.names;
  }

  allowsHost(headerValue: string | undefined): boolean {
    if (!headerValue) return false;
    const host = hostOf(headerValue);
    if (!host) return false;
    return this.fixed.has(host) || this.interfaceNames().has(host);
  }

  /**
   * No Origin (a non-browser client, a same-origin GET) is fine; a browser's Origin must be this very agent: the
   * host and port the request was sent to (`Host`), over http or https. Another service on the same machine, or on
   * another port, is another site.
   */
  allowsOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
    if (origin === undefined) return true;
    let url: URL;
    let target: URL;
    try {
      url = new URL(origin);
      target = new URL(`${url.protocol}//${hostHeader ?? ''}`);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.host === target.host && this.allowsHost(url.host);
  }
}
