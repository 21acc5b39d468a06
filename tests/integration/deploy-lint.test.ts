/**
 * Every shell script in the repository passes shellcheck, and every systemd unit of the install kit passes
 * `systemd-analyze verify` (both Debian packages, installed by scripts/install-test-deps.sh). verify works on unit
 * files without systemd running; it checks that the programs a unit starts exist, so cage, chromium and node must
 * be installed where it runs (install-test-deps.sh installs cage). A warning (an unknown key) still exits 0, so
 * any output fails too. Each tool is first shown a broken file, so a missing tool cannot pass by saying nothing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const inDir = (dir: string, pattern: RegExp) => readdirSync(join(ROOT, dir)).filter((f) => pattern.test(f)).map((f) => join(dir, f));
const SCRIPTS = [...inDir('deploy/debian', /\.sh$/), ...inDir('scripts', /\.sh$/), ...inDir('tests/support', /\.sh$/), '.ci/run'];
const UNITS = inDir('deploy/debian/systemd', /\.(service|timer)$/);

function run(cmd: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

describe('the install kit and the scripts pass their linters', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('shellcheck passes every script (and fails a broken one)', () => {
    const bad = join(dir.path, 'bad.sh');
    writeFileSync(bad, '#!/usr/bin/env bash\nrm -rf $1/*\n');
    expect(run('shellcheck', [bad]).status).not.toBe(0);
    expect(SCRIPTS).toEqual(expect.arrayContaining(['deploy/debian/install.sh', 'deploy/debian/upgrade.sh', 'deploy/debian/uninstall.sh', '.ci/run']));
    // -x follows `. lib.sh`, so the sourced library is checked as used.
    expect(run('shellcheck', ['-x', ...SCRIPTS])).toEqual({ status: 0, output: '' });
  });

  it('systemd-analyze verify passes every unit (and fails a broken one)', () => {
    const bad = join(dir.path, 'bad.service');
    writeFileSync(bad, '[Service]\nExecStart=/nonexistent/agent\n');
    expect(run('systemd-analyze', ['verify', bad]).status).not.toBe(0);
    expect(UNITS).toHaveLength(4);
    for (const unit of UNITS) expect({ unit, ...run('systemd-analyze', ['verify', unit]) }).toEqual({ unit, status: 0, output: '' });
  });
});
