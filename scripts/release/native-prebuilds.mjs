// better-sqlite3 is the one runtime dependency whose install script fetches a compiled binary (prebuild-install,
// from GitHub) or else compiles it (node-gyp: a compiler and Node's headers). A kiosk has neither the network nor a
// compiler, so the binary this machine built goes into the archive's npm cache, at the path prebuild-install
// itself looks in first (its own code computes it), and `npm ci --offline` at the kiosk finds it there.
// The binary is for this machine's Node ABI, platform and CPU: build the release with the kiosks' Node major
// (the archive's prebuild name says which). @serialport/bindings-cpp ships its binaries in its package;
// @napi-rs/canvas comes as a per-platform package, so neither needs this.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from './build-state.mjs';

const require = createRequire(join(ROOT, 'node_modules/better-sqlite3/package.json'));

export function cachePrebuilds(npmCache) {
  const pkgDir = join(ROOT, 'node_modules/better-sqlite3');
  const binary = join(pkgDir, 'build/Release/better_sqlite3.node');
  if (!existsSync(binary)) throw new Error(`${binary} is missing: npm install (which builds it) first`);
  const pkg = require('./package.json');
  const previous = process.env.npm_config_cache;
  process.env.npm_config_cache = npmCache; // prebuild-install's cache folder follows npm's
  let target;
  try {
    const rc = require('prebuild-install/rc')(pkg);
    const util = require('prebuild-install/util');
    target = util.cachedPrebuild(util.getDownloadUrl({ ...rc, pkg }));
  } finally {
    if (previous === undefined) delete process.env.npm_config_cache;
    else process.env.npm_config_cache = previous;
  }
  mkdirSync(dirname(target), { recursive: true });
  // A prebuild is a .tar.gz of build/Release/<name>.node, unpacked into the package's folder.
  const r = spawnSync('tar', ['-czf', target, '--owner=0', '--group=0', '-C', pkgDir, 'build/Release/better_sqlite3.node'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tar of the better-sqlite3 prebuild failed');
  return target;
}

