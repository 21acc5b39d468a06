// `npm start [-- --config FILE …]`: runs the built agent (dist/agent/main.js) with plain Node, no TypeScript
// loader; builds first only when dist/ is missing or older than the sources (scripts/release/build-state.mjs).
// Arguments pass through; SIGTERM, SIGINT and SIGHUP are passed on, and the agent's exit code is ours, so a service
// manager or a test that stops this process stops the agent (it exits 0 within 5 s).
import { spawn, spawnSync } from 'node:child_process';
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

// A young generation of 1 MB semi-spaces instead of V8's 16 MB: a kiosk issues a ticket a minute, not a thousand a
// second, and it keeps about 15 MB less resident (tests/bench/release-bench.ts; motcua-kiosk.service does the same).
const NODE_FLAGS = ['--max-semi-space-size=1'];
const agent = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist/agent/main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => agent.kill(signal));
agent.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + ({ SIGTERM: 15, SIGINT: 2, SIGHUP: 1, SIGKILL: 9 }[signal] ?? 1) : 1)));
