// `npm run release [-- --version V] [-- --out DIR]`: release/motcua-kiosk-<version>.tgz, laid out like `npm pack`
// (one `package/` folder), for deploy/debian/install.sh and upgrade.sh. It holds a fresh build (made in the
// archive's folder: the working dist/ is left alone), package.json with runtime scripts only (`node dist/agent/<cli>.js`, no tsx) and package-lock.json, the
// ticket font, the deploy kit, the README, and npm-cache/: a kiosk is often offline, so the archive carries what
// `npm ci --omit=dev --offline --cache npm-cache` needs (release/native-prebuilds.mjs). `--version` makes a test
// build with another version; the sources' package.json is not changed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { agentEntries } from './agent-entries.mjs';
import { ROOT } from './build-state.mjs';
import { cachePrebuilds } from './native-prebuilds.mjs';

const { values } = parseArgs({ options: { version: { type: 'string' }, out: { type: 'string' } } });
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
};

const source = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = values.version ?? source.version;
const outDir = resolve(values.out ?? join(ROOT, 'release'));
const stage = mkdtempSync(join(tmpdir(), 'motcua-release-'));
const pkg = join(stage, 'package');
try {
  mkdirSync(pkg);
  run(process.execPath, [join(ROOT, 'scripts/release/build.mjs'), '--out', join(pkg, 'dist')], ROOT);
  // The launcher sees dist/ but no sources: it runs the build as it is.
  for (const path of ['kiosk-agent/assets', 'deploy', 'README.md', 'LICENSE', 'scripts/start.mjs', 'scripts/release/build-state.mjs']) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(pkg, path), { recursive: true });
  }
  // The runtime commands run the build; dev-only scripts (tests, lint, vite) make no sense without the sources.
  const scripts = { start: 'exec node scripts/start.mjs' };
  for (const e of agentEntries()) scripts[e.script] = `node dist/agent/${e.name}.js`;
  writeFileSync(join(pkg, 'package.json'), `${JSON.stringify({ ...source, version, scripts }, null, 2)}\n`);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  lock.version = version;
  lock.packages[''].version = version;
  writeFileSync(join(pkg, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);

  // Fill npm-cache/ by installing the runtime dependencies once, here, where the registry is reachable.
  const probe = join(stage, 'probe');
  mkdirSync(probe);
  cpSync(join(pkg, 'package.json'), join(probe, 'package.json'));
  cpSync(join(pkg, 'package-lock.json'), join(probe, 'package-lock.json'));
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--cache', join(pkg, 'npm-cache')], probe);
  cachePrebuilds(join(pkg, 'npm-cache'));

  mkdirSync(outDir, { recursive: true });
  const archive = join(outDir, `motcua-kiosk-${version}.tgz`);
  // gzip -1: most of the bytes are the cache's tarballs, compressed already; -9 would take seconds for nothing.
  run('tar', ['-I', 'gzip -1', '-cf', archive, '--owner=0', '--group=0', '-C', stage, 'package'], ROOT);
  console.log(archive);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
