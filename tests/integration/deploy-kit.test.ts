/**
 * The Debian install kit (deploy/debian/) on a real release archive: install.sh into a temporary root (files,
 * modes, links, the recorded system changes, nothing outside the root), twice; the example config refused by the
 * agent; then upgrade.sh to a second build, and to a build that exits at start, which is rolled back with its data
 * restored. No systemd here: upgrade.sh stops and starts the agent through MOTCUA_AGENT_CTL
 * (tests/support/agent-ctl-process.sh), which runs it as a plain process. One release build for the whole file.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/http';
import { KIT, kitRunner, REAL_PATHS, realPathsPresent, tree } from '../support/kit-runner';
import { makeRelease, releaseVariant, REPO } from '../support/release-archives';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const CTL = join(REPO, 'tests/support/agent-ctl-process.sh');

const dir = tempDir('motcua-deploy-');
const root = join(dir.path, 'root');
let release: ReturnType<typeof makeRelease>;
let kit: ReturnType<typeof kitRunner>['run'];
let systemCommandsRan: () => string[];

/** A GET on a new connection each time: the agent behind the port is restarted between the calls. */
function fresh(url: string): Promise<{ status: number; body: { version?: string } }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { version?: string } }));
    }).on('error', reject);
  });
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(() => {
  expect(realPathsPresent(), 'present before the test: it could not tell what install.sh touched').toEqual([]);
  ({ run: kit, systemCommandsRan } = kitRunner(dir.path));
  release = makeRelease(join(dir.path, 'release'));
}, 180_000);

afterAll(() => {
  spawnSync(CTL, ['stop'], { env: { ...process.env, MOTCUA_TEST_ROOT: root } });
  dir.cleanup();
});

describe('install.sh --root', () => {
  it('installs the release, the config example, the udev rules and the units, records the system changes, twice alike', () => {
    const args = ['--root', root, '--printer', '0416:5011:PR1234', '--scanner', '1eab:8003', '--locker', '1A86:7523', release.archive];
    const first = kit('install.sh', args);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toContain('edit');

    const opt = join(root, 'opt/motcua-kiosk');
    expect(readlinkSync(join(opt, 'current'))).toBe(`releases/${release.version}`);
    expect(existsSync(join(opt, 'current/dist/agent/main.js'))).toBe(true);
    expect(existsSync(join(opt, 'current/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    const mode = (p: string) => (statSync(join(root, p)).mode & 0o7777).toString(8);
    expect(mode('var/lib/motcua-kiosk')).toBe('750');
    expect(mode('var/backups/motcua-kiosk')).toBe('750');
    expect(mode('etc/motcua-kiosk')).toBe('750');
    expect(mode('etc/motcua-kiosk/site.json')).toBe('640');
    expect(mode('etc/udev/rules.d/70-motcua-kiosk.rules')).toBe('644');

    const site = JSON.parse(readFileSync(join(root, 'etc/motcua-kiosk/site.json'), 'utf8')) as Record<string, unknown>;
    expect(site._example).toEqual(expect.any(String));
    expect(readFileSync(join(root, 'etc/motcua-kiosk/site.example.jsonc'), 'utf8')).toContain('// ');

    const rules = readFileSync(join(root, 'etc/udev/rules.d/70-motcua-kiosk.rules'), 'utf8');
    expect(rules).toContain('SUBSYSTEM=="usbmisc", ATTRS{idVendor}=="0416", ATTRS{idProduct}=="5011", ATTRS{serial}=="PR1234", SYMLINK+="motcua-printer", GROUP="motcua", MODE="0660"');
    expect(rules).toContain('SUBSYSTEM=="tty", ATTRS{idVendor}=="1eab", ATTRS{idProduct}=="8003", SYMLINK+="motcua-scanner"');
    expect(rules).toContain('ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="7523", SYMLINK+="motcua-locker"');

    for (const unit of ['motcua-kiosk.service', 'motcua-kiosk-session.service', 'motcua-kiosk-backup.service', 'motcua-kiosk-backup.timer']) {
      expect(readFileSync(join(root, 'etc/systemd/system', unit), 'utf8')).toBe(readFileSync(join(KIT, 'systemd', unit), 'utf8'));
    }
    const actions = readFileSync(join(root, 'system-actions.log'), 'utf8');
    expect(actions).toMatch(/^useradd --system --gid motcua .* motcua$/m);
    expect(actions).toContain('chown motcua:motcua /var/lib/motcua-kiosk /var/backups/motcua-kiosk');
    expect(actions).toContain('udevadm control --reload-rules');
    expect(actions).toContain('systemctl enable motcua-kiosk.service motcua-kiosk-session.service motcua-kiosk-backup.timer');
    // The example is not started: the agent would refuse it.
    expect(actions).not.toContain('systemctl restart');

    const before = tree(root);
    const again = kit('install.sh', ['--root', root, release.archive]); // the device ids come back from devices.env
    expect(again.status, again.out).toBe(0);
    expect(tree(root)).toEqual(before);

    expect(systemCommandsRan(), 'a system command ran').toEqual([]);
    for (const p of REAL_PATHS) expect(existsSync(p)).toBe(false);
  }, 120_000);

  it('the built agent of the release runs the demo with nothing but its own files (UI, sample catalogue, font)', async () => {
    // What `npm start` without a config runs from the build: every file the demo reads must be inside the release.
    const data = join(dir.path, 'demo-data');
    const agent = spawn(process.execPath, [join(root, 'opt/motcua-kiosk/current/dist/agent/main.js'), '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    agent.stdout.on('data', (c: Buffer) => (out += c.toString()));
    agent.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${out}`)), 20_000);
        agent.stdout.on('data', () => {
          const m = /Kiosk ready at (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        agent.once('exit', (code) => reject(new Error(`the demo exited (${code}):\n${out}`)));
      });
      const found = (await (await fetch(`${url}/api/procedures?q=khai%20sinh`)).json()) as { procedures: { name: string }[] };
      expect(found.procedures.map((p) => p.name)).toContain('Đăng ký khai sinh');
      expect(await (await fetch(`${url}/`)).text()).toContain('<div id="root">');
      const ticket = await postJson<{ printed: boolean }>(`${url}/api/tickets`, { serviceId: 'tu-phap' });
      expect([ticket.status, ticket.body.printed]).toEqual([201, true]);
    } finally {
      if (agent.exitCode === null && agent.signalCode === null) {
        const exited = new Promise((r) => agent.once('exit', r));
        agent.kill('SIGTERM');
        await exited;
      }
    }
  }, 60_000);

  it('the agent refuses the installed example with one line and exit 2', () => {
    const r = spawnSync(process.execPath, [join(root, 'opt/motcua-kiosk/current/dist/agent/main.js'), '--config', join(root, 'etc/motcua-kiosk/site.json')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/site\.json: still the installed example \("_example"\): edit it/)]);
  });
});

describe('upgrade.sh --root (the agent as a plain process)', () => {
  const env = { MOTCUA_TEST_ROOT: root, MOTCUA_AGENT_CTL: CTL, MOTCUA_HEALTH_TIMEOUT: '15' };
  let url = '';
  let ticketId = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const state = join(root, 'var/lib/motcua-kiosk');
    const config = { ...testConfig(join(state, 'data')), server: { host: '127.0.0.1', port }, secrets: { keyFile: join(state, 'secret.key') }, logLevel: 'warn' };
    writeFileSync(join(root, 'etc/motcua-kiosk/site.json'), JSON.stringify(config, null, 2));
    // The release's own backup and restore (npm run backup/restore) snapshot and roll back; a release without them
    // (none since issue 20) would fall back to a copy of the folder.
    if (release.scripts.backup === undefined) {
      const snapshot = join(root, 'var/backups/motcua-kiosk/pre-upgrade.tgz');
      Object.assign(env, {
        MOTCUA_BACKUP_CMD: `tar -C '${state}' -czf '${snapshot}' . && echo 'snapshot written:' '${snapshot}'`,
        MOTCUA_RESTORE_CMD: `find '${state}' -mindepth 1 -delete && tar -C '${state}' -xzf "$snapshot"`,
      });
    }
    execFileSync(CTL, ['start'], { env: { ...process.env, ...env } });
    execFileSync(process.execPath, [join(KIT, 'wait-for-health.mjs'), '--config', join(root, 'etc/motcua-kiosk/site.json'), '--timeout', '20']);
    const ticket = await postJson<{ id: string }>(`${url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(ticket.status).toBe(201);
    ticketId = ticket.body.id;
  }, 60_000);

  it('to a second build: stops, snapshots, switches, starts the new version, keeps the data', async () => {
    const next = releaseVariant(release.archive, dir.path, `${release.version}-next`);
    const r = kit('upgrade.sh', ['--root', root, next], env);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`upgraded ${release.version} → ${release.version}-next`);
    expect(readlinkSync(join(root, 'opt/motcua-kiosk/current'))).toBe(`releases/${release.version}-next`);
    expect((await fresh(`${url}/api/health`)).body.version).toBe(`${release.version}-next`);
    expect((await fresh(`${url}/api/tickets/${ticketId}`)).status).toBe(200);
  }, 90_000);

  it('to a build that exits at start: rolls back to the running version with the snapshot restored, exit 1', async () => {
    const broken = releaseVariant(release.archive, dir.path, `${release.version}-broken`, (pkg) => {
      // A migration that stops half-way: it leaves a table in the store and the agent never answers.
      writeFileSync(
        join(pkg, 'dist/agent/main.js'),
        `import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
const config = JSON.parse(readFileSync(process.argv[process.argv.indexOf('--config') + 1], 'utf8'));
const db = new Database(config.dataDir + '/kiosk.sqlite');
db.exec('CREATE TABLE half_migrated (x INTEGER)');
db.close();
process.exit(3);
`,
      );
    });
    const r = kit('upgrade.sh', ['--root', root, broken], { ...env, MOTCUA_HEALTH_TIMEOUT: '4' });
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(new RegExp(`upgrade to ${release.version}-broken FAILED and was rolled back: ${release.version}-next runs again`));
    expect(readlinkSync(join(root, 'opt/motcua-kiosk/current'))).toBe(`releases/${release.version}-next`);
    expect(existsSync(join(root, 'opt/motcua-kiosk/releases', `${release.version}-broken`))).toBe(false);
    // The store is the snapshot's again: the half-done migration's table is gone.
    const store = new Database(join(root, 'var/lib/motcua-kiosk/data/kiosk.sqlite'), { readonly: true });
    expect(store.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_migrated'").pluck().get()).toBe(0);
    store.close();
    expect((await fresh(`${url}/api/health`)).body.version).toBe(`${release.version}-next`);
    expect((await fresh(`${url}/api/tickets/${ticketId}`)).status).toBe(200);
  }, 90_000);
});
