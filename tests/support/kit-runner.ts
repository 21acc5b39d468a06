/**
 * Running the Debian install kit (deploy/debian/) in a test, never on the machine itself: every script is given
 * `--root DIR`, and stand-ins for the commands that change the real system come first on the PATH, each call
 * written to `spy/calls` — a script that ran one instead of recording it in DIR/system-actions.log is caught.
 *
 *   const kit = kitRunner(workDir);           // in beforeAll, after assertNothingInstalled()
 *   kit.run('install.sh', ['--root', root, archive]);
 *   expect(kit.systemCommandsRan()).toEqual([]);
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from './release-archives';

export const KIT = join(REPO, 'deploy/debian');
/** What a real install would create or change on this machine; none may appear. */
export const REAL_PATHS = [
  '/opt/motcua-kiosk',
  '/etc/motcua-kiosk',
  '/var/lib/motcua-kiosk',
  '/var/backups/motcua-kiosk',
  '/etc/udev/rules.d/70-motcua-kiosk.rules',
  '/etc/systemd/system/motcua-kiosk.service',
  '/etc/pam.d/motcua-kiosk-session',
];
const SYSTEM_COMMANDS = ['useradd', 'groupadd', 'usermod', 'userdel', 'groupdel', 'chown', 'systemctl', 'udevadm'];

/** The real paths present now: a test cannot tell what the kit touched if any is there before it runs. */
export const realPathsPresent = (): string[] => REAL_PATHS.filter((p) => existsSync(p));

export function kitRunner(workDir: string) {
  const spy = join(workDir, 'spy');
  mkdirSync(spy, { recursive: true });
  for (const cmd of SYSTEM_COMMANDS) writeFileSync(join(spy, cmd), `#!/bin/sh\necho "${cmd} $*" >>"${spy}/calls"\n`, { mode: 0o755 });
  return {
    /** Runs a kit script with the stand-ins first on the PATH. */
    run(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; out: string } {
      const r = spawnSync('bash', [join(KIT, script), ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, PATH: `${spy}:${process.env.PATH ?? ''}`, ...env } });
      return { status: r.status, out: `${r.stdout}${r.stderr}` };
    },
    /** The system commands that ran for real (a stand-in was called): none, if the kit kept to its root. */
    systemCommandsRan(): string[] {
      const calls = join(spy, 'calls');
      return existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
    },
  };
}

/** Every path under `base` with its type, mode, link target and (for small files) content: to compare runs. */
export function tree(base: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string): void => {
    const st = lstatSync(p);
    const key = relative(base, p) || '.';
    if (st.isSymbolicLink()) out[key] = `link ${readlinkSync(p)}`;
    else if (st.isDirectory()) {
      out[key] = `dir ${(st.mode & 0o7777).toString(8)}`;
      // A release's own files are the archive's; node_modules is npm's.
      if (!/^opt\/motcua-kiosk\/releases\/[^/]+$/.test(key)) for (const name of readdirSync(p)) walk(join(p, name));
    } else out[key] = `file ${(st.mode & 0o7777).toString(8)} ${st.size < 100_000 ? readFileSync(p, 'utf8') : st.size}`;
  };
  walk(base);
  return out;
}
