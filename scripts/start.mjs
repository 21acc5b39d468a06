// `npm start [-- --config FILE …]`: runs the built agent (dist/agent/main.js) with plain Node, no TypeScript
// loader; builds first only when dist/ is missing or older than the sources (scripts/release/build-state.mjs).
// Arguments pass through; SIGTERM, SIGINT and SIGHUP are passed on, and the agent's exit code is ours, so a service
// manager or a test that stops this process stops the agent (it exits 0 within 5 s).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildState, hasSources, ROOT } from './release/build-state.mjs';

const state = buildState();
if (state !== 'fresh') {
  if (!hasSources()) {
    console.error('dist/ is missing and there are no sources to build it from: reinstall the release');
    process.exit(2);
  }
  console.error(state === 'missing' ? 'no build yet: npm run build' : 'sources changed since the last build: npm run build');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/release/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The agent's Node flags, kept in one file that motcua-kiosk.service repeats (a test compares them) and the release
// bench uses. A kiosk issues a ticket a minute, not a thousand a second, so it trades speed it does not need for
// resident memory: `--jitless` (V8's interpreter only: no compiled code kept, no WebAssembly — the agent's HTTP calls
// out use node:http, not fetch; `--no-expose-wasm` says so, which silences V8's warning), `--optimize-for-size` (a
// heap that grows less eagerly), 1 MB semi-spaces instead of 16 MB, and glibc's malloc told to keep two arenas and
// give freed memory back sooner. Together about 38 MB less resident after 1,000 printed tickets, at no measurable
// cost to a ticket's time (tests/bench/release-bench.ts, README "Measured speed").
const RUN = JSON.parse(readFileSync(join(ROOT, 'scripts/release/agent-node-flags.json'), 'utf8'));
const NODE_FLAGS = RUN.flags;
const agent = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist/agent/main.js'), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...RUN.env, ...process.env } });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => agent.kill(signal));
agent.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + ({ SIGTERM: 15, SIGINT: 2, SIGHUP: 1, SIGKILL: 9 }[signal] ?? 1) : 1)));
