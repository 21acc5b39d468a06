// `npm run build`: the UI with its voice clips (`npm run build:ui` → dist/ui) and the agent with its CLIs as plain
// JavaScript (dist/agent), then dist/.build-stamp, which scripts/start.mjs compares with the sources.
//
// The agent is bundled by esbuild rather than emitted file by file by tsc: the sources import without extensions
// ('./queue/queue-service'), which Node's ESM loader refuses in plain JS output. Every package stays external
// (`packages: 'external'`): better-sqlite3, the serialport binding, @napi-rs/canvas and pg are native or optional,
// and the others are installed beside the build by `npm ci --omit=dev` anyway. Code shared by the entries goes
// into chunks (dist/agent/chunks/), so each CLI loads only what it needs.
// `--out DIR` builds into DIR/ui and DIR/agent instead, without a stamp: `npm run release` builds its archive's
// copy there, so making a release never rewrites the dist/ that a running demo or the browser tests serve.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { agentEntries } from './agent-entries.mjs';
import { ROOT, STAMP } from './build-state.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ? resolve(values.out) : join(ROOT, 'dist');
const t0 = Date.now();
if (!values.out) rmSync(STAMP, { force: true }); // a build that fails half-way is not fresh
const uiArgs = values.out ? ['--', '--outDir', join(out, 'ui'), '--emptyOutDir', '--logLevel', 'warn'] : [];
const ui = spawnSync('npm', ['run', '--silent', 'build:ui', ...uiArgs], { cwd: ROOT, stdio: 'inherit' });
if (ui.status !== 0) process.exit(ui.status ?? 1);

const outdir = join(out, 'agent');
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
if (!values.out) writeFileSync(STAMP, `${new Date().toISOString()}\n`);
console.log(`built ${out}/ui and ${out}/agent (${entries.map((e) => `${e.name}.js`).join(', ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
