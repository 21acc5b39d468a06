/** Picks the one-stop system adapter from the site config (`upstream.driver`). */
import type { UpstreamConfig } from '../config/upstream-config-schema';
import { HttpUpstream } from '../upstream/http-upstream';
import { LocalUpstream } from '../upstream/local-upstream';
import type { UpstreamAdapter } from '../upstream/upstream-adapter';

export function createUpstream(config: UpstreamConfig): UpstreamAdapter {
  return config.driver === 'http' ? new HttpUpstream(config) : new LocalUpstream();
}
