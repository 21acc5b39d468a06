// `npm run build`: the UI with its voice clips (`npm run build:ui` → dist/ui) and the agent with its CLIs as plain
// JavaScript (dist/agent), then dist/.build-stamp, which scripts/start.mjs compares with the sources.
//
// The agent is bundled by esbuild rather than emitted file by file by tsc: the sources import without extensions
// ('./queue/queue-service'), which Node's ESM loader refuses in plain JS output. Every package stays external
// (`packages: 'external'`): better-sqlite3, the serialport binding, @napi-rs/canvas and pg are native or optional,
// and the others are installed beside the build by `npm ci --omit=dev` anyway. Code shared by the entries goes
// into chunks (dist/agent/chunks/), so each CLI loads only what it needs.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { agentEntries } from './agent-entries.mjs';
import { ROOT, STAMP } from './build-state.mjs';

const t0 = Date.now();
rmSync(STAMP, { force: true }); // a build that fails half-way is not fresh
const ui = spawnSync('npm', ['run', '--silent', 'build:ui'], { cwd: ROOT, stdio: 'inherit' });
if (ui.status !== 0) process.exit(ui.status ?? 1);

const outdir = join(ROOT, 'dist/agent');
rmSync(outdir, { recursive: true, force: true });
const entries = agentEntries();
await build({
  absWorkingDir: ROOT,
  entryPoints: entries.map((e) => ({ in: e.source, out: e.name })),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
console.log(`built dist/ui and dist/agent (${entries.map((e) => `${e.name}.js`).join(', ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
