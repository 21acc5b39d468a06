/**
 * Release archives for the install kit's tests: one real `npm run release` per test file (its own build, into a
 * temporary folder), and variants of it — the same release under another version, or a build that breaks at
 * start — made by unpacking and repacking it, which takes a second instead of a build; and a stand-in holding the
 * kit alone, for tests that need no agent.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export function makeRelease(outDir: string): { archive: string; version: string; scripts: Record<string, string> } {
  const out = execFileSync(process.execPath, [join(REPO, 'scripts/release/make-release.mjs'), '--out', outDir], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const archive = out.trim().split('\n').pop()!;
  const pkg = JSON.parse(execFileSync('tar', ['-xzOf', archive, 'package/package.json'], { encoding: 'utf8' })) as { version: string; scripts: Record<string, string> };
  return { archive, version: pkg.version, scripts: pkg.scripts };
}

/** The archive again as `version`, after `edit(packageDir)`; gzip -1: these archives live for one test run. */
export function releaseVariant(archive: string, workDir: string, version: string, edit: (packageDir: string) => void = () => undefined): string {
  const dir = join(workDir, `variant-${version}`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  const pkgFile = join(dir, 'package/package.json');
  writeFileSync(pkgFile, JSON.stringify({ ...(JSON.parse(readFileSync(pkgFile, 'utf8')) as object), version }, null, 2));
  edit(join(dir, 'package'));
  const out = join(workDir, `motcua-kiosk-${version}.tgz`);
  execFileSync('tar', ['-I', 'gzip -1', '-cf', out, '-C', dir, 'package']);
  execFileSync('rm', ['-rf', dir]);
  return out;
}

/**
 * A release with the deploy kit and nothing to run (a one-line dist/agent/main.js, no dependencies), built in a
 * moment: for tests of what the kit does with files (deploy-uninstall.test.ts), which need no agent and no build.
 */
export function standInRelease(workDir: string, version = '0.0.0-stand-in'): string {
  const pkg = join(workDir, `stand-in-${version}`, 'package');
  mkdirSync(join(pkg, 'dist/agent'), { recursive: true });
  cpSync(join(REPO, 'deploy'), join(pkg, 'deploy'), { recursive: true });
  writeFileSync(join(pkg, 'dist/agent/main.js'), "console.error('a stand-in release: nothing to run');\nprocess.exit(1);\n");
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'motcua-kiosk', version, private: true }, null, 2));
  // npm ci wants a lockfile; with no dependencies it installs nothing, offline.
  writeFileSync(join(pkg, 'package-lock.json'), JSON.stringify({ name: 'motcua-kiosk', version, lockfileVersion: 3, requires: true, packages: { '': { name: 'motcua-kiosk', version } } }, null, 2));
  const out = join(workDir, `motcua-kiosk-${version}.tgz`);
  execFileSync('tar', ['-czf', out, '-C', join(pkg, '..'), 'package']);
  return out;
}
