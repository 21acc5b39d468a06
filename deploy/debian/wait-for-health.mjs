// Waits until the agent of a site config answers GET /api/health (plain Node, no dependencies): upgrade.sh checks
// a new release with it (--version: the release it must report), the touchscreen session waits for the agent with
// it before opening the browser. Exit 0 when it answers, 1 after --timeout seconds.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { config: { type: 'string' }, timeout: { type: 'string', default: '60' }, version: { type: 'string' } } });
if (!values.config) {
  console.error('usage: wait-for-health.mjs --config FILE [--timeout SECONDS] [--version V]');
  process.exit(2);
}

// Where the agent listens, as the agent reads it (README "Site config reference"): server.host/port, TLS.
let server = {};
try {
  server = JSON.parse(readFileSync(values.config, 'utf8')).server ?? {};
} catch {
  // unreadable or still the example: the defaults
}
const host = !server.host || server.host === '0.0.0.0' ? '127.0.0.1' : server.host === '::' ? '[::1]' : server.host.includes(':') ? `[${server.host}]` : server.host;
const url = `${server.tls ? 'https' : 'http'}://${host}:${server.port ?? 8080}/api/health`;
// The kiosk's own certificate is often self-signed; this only asks whether the agent is up.
if (server.tls) process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const deadline = Date.now() + Number(values.timeout) * 1000;
let last = 'no answer';
while (Date.now() < deadline) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    const body = await res.json();
    if (res.ok && (!values.version || body.version === values.version)) {
      console.log(`${url}: ${body.status}, version ${body.version}`);
      process.exit(0);
    }
    last = `HTTP ${res.status}, version ${body.version}`;
  } catch (err) {
    last = err.cause?.code ?? err.message;
  }
  await new Promise((r) => setTimeout(r, 250));
}
console.error(`${url}: no healthy answer${values.version ? ` from version ${values.version}` : ''} within ${values.timeout} s (last: ${last})`);
process.exit(1);
