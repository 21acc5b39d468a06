/**
 * The touchscreen session as motcua-kiosk-session.service starts it: the unit's own ExecStart (cage, then Debian's
 * chromium with the kiosk flags) and Environment, run for real under wlroots' headless back end (no screen, no GPU)
 * as an unprivileged user, pointed at a real agent serving the built UI. Found this way: cage 0.1.4 will not start
 * without Xwayland, which nothing in Debian pulls in with it (README "Installing at a centre" installs it).
 * The test adds only what a test needs: a profile folder of its own and a DevTools port to look at the page through.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { screenshot } from './browser';

const UNIT = join(process.cwd(), 'deploy/debian/systemd/motcua-kiosk-session.service');

/** The unit's ExecStart words and Environment pairs (its lines hold no quoted words). */
function sessionUnit(): { argv: string[]; env: Record<string, string> } {
  const text = readFileSync(UNIT, 'utf8');
  const argv = /^ExecStart=(.*)$/m.exec(text)![1]!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  for (const [, line] of text.matchAll(/^Environment=(.*)$/gm)) {
    for (const pair of line!.trim().split(/\s+/)) env[pair.slice(0, pair.indexOf('='))] = pair.slice(pair.indexOf('=') + 1);
  }
  return { argv, env };
}

/** The uid/gid of `nobody`: cage refuses to run as root, as a kiosk's session never does. */
function nobody(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

describe('the touchscreen session unit (cage + chromium kiosk)', () => {
  const dir = tempDir('motcua-cage-');
  let agent: RunningAgent;
  let session: ChildProcess | undefined;
  let output = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: join(dir.path, 'data'), logLevel: 'silent' });
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (session?.pid) {
      try {
        process.kill(-session.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    await agent?.stop();
    dir.cleanup();
  });

  it('opens the kiosk full screen, on the attract screen, from the unit as written', async () => {
    const unit = sessionUnit();
    const profile = join(dir.path, 'profile');
    const runtime = join(dir.path, 'runtime');
    spawnSync('mkdir', ['-m', '0700', '-p', profile, runtime]);
    const user = nobody();
    if (user) for (const d of [dir.path, profile, runtime]) chownSync(d, user.uid, user.gid);
    const argv = unit.argv.map((word) =>
      word === '${KIOSK_URL}' ? `${agent.url}/` : word.startsWith('--user-data-dir=') ? `--user-data-dir=${profile}` : word,
    );
    expect(argv.slice(0, 4)).toEqual(['/usr/bin/cage', '-d', '--', '/usr/bin/chromium']);
    expect(argv).toContain('--kiosk');
    argv.splice(argv.length - 1, 0, '--remote-debugging-port=0');
    const [program, ...args] = user ? ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', ...argv] : argv;
    session = spawn(program!, args, {
      detached: true, // its own process group: cage, Xwayland and chromium's processes go together at the end
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: profile,
        XDG_RUNTIME_DIR: runtime,
        ...unit.env,
        // wlroots without a screen, a seat or a GPU; everything else is the unit's.
        WLR_BACKENDS: 'headless',
        WLR_LIBINPUT_NO_DEVICES: '1',
        WLR_RENDERER: 'pixman',
      },
    });
    session.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    session.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    let exited = false;
    session.once('exit', () => (exited = true));

    const portFile = join(profile, 'DevToolsActivePort');
    await waitUntil(() => {
      if (exited) throw new Error(`the session exited at start:\n${output.slice(-2000)}`);
      return existsSync(portFile) && readFileSync(portFile, 'utf8').includes('\n');
    }, 30_000, 'chromium under cage to open its DevTools port');
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`);
    const page = browser.contexts()[0]!.pages()[0]!;
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${agent.url}/`);
    // Kiosk mode: the page is the whole output, no tab strip, address bar or window frame.
    const size = await page.evaluate(() => ({ inner: [innerWidth, innerHeight], screen: [screen.width, screen.height] }));
    expect(size.inner).toEqual(size.screen);
    expect(size.inner[0]).toBeGreaterThan(0);
    await screenshot(page, 'kiosk-session-cage');
    expect(exited).toBe(false);
  });
});
