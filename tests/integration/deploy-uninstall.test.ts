/**
 * deploy/debian/uninstall.sh --root on a temporary root that install.sh --root filled (with a stand-in release: what
 * the kit does with files needs no agent and no build, release-archives.ts). Without --purge it removes what the kit
 * installed and keeps what the centre wrote — the site config and device ids (the technician's work), the data and
 * the backups, and the user that owns them — so install.sh afterwards finds the kiosk as it was. With --purge those
 * go too, and the user's and group's removal is recorded as install.sh records their creation. Each is run twice:
 * the second run changes nothing. Nothing outside the root is touched (kit-runner.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitRunner, realPathsPresent, tree } from '../support/kit-runner';
import { standInRelease } from '../support/release-archives';
import { tempDir } from '../support/temp-dir';

const dir = tempDir('motcua-uninstall-');
const root = join(dir.path, 'root');
let kit: ReturnType<typeof kitRunner>;
let archive = '';

/** What install.sh puts there, all of which uninstall.sh removes. */
const INSTALLED = [
  'opt/motcua-kiosk',
  'etc/systemd/system/motcua-kiosk.service',
  'etc/systemd/system/motcua-kiosk-session.service',
  'etc/systemd/system/motcua-kiosk-backup.service',
  'etc/systemd/system/motcua-kiosk-backup.timer',
  'etc/udev/rules.d/70-motcua-kiosk.rules',
  'etc/pam.d/motcua-kiosk-session',
  'usr/share/motcua-kiosk',
  'etc/motcua-kiosk/site.example.jsonc',
];
/** What the centre wrote (the technician, the agent, the backups, the touchscreen's browser): kept unless --purge. */
const CENTRE_FILES: Record<string, string> = {
  'etc/motcua-kiosk/site.json': `${JSON.stringify({ center: { name: 'Trung tâm Phục vụ hành chính công xã Cát Tiên' }, kiosk: { id: 'sanh-a' } }, null, 2)}\n`,
  'var/lib/motcua-kiosk/data/kiosk.sqlite': 'the store: tickets, dossiers, handovers',
  'var/lib/motcua-kiosk/secret.key': 'the secret key',
  'var/backups/motcua-kiosk/daily/kiosk-2026-12-01.sqlite': 'last night’s backup',
  'var/lib/motcua-kiosk-session/chromium/Preferences': '{}',
};
const KEPT_PREFIXES = ['etc/motcua-kiosk', 'var/lib/motcua-kiosk', 'var/backups/motcua-kiosk', 'var/lib/motcua-kiosk-session'];

const kept = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([p]) => KEPT_PREFIXES.some((k) => p === k || p.startsWith(`${k}/`))));
const actions = () => readFileSync(join(root, 'system-actions.log'), 'utf8').split('\n').filter(Boolean);
const filesLeft = () => Object.entries(tree(root)).filter(([, what]) => !what.startsWith('dir ')).map(([p]) => p);
const STOPPED = [
  'systemctl disable --now motcua-kiosk-session.service motcua-kiosk.service motcua-kiosk-backup.timer',
  'systemctl stop motcua-kiosk-backup.service',
  'systemctl daemon-reload',
  'udevadm control --reload-rules',
];

beforeAll(() => {
  expect(realPathsPresent(), 'present before the test: it could not tell what the kit touched').toEqual([]);
  kit = kitRunner(dir.path);
  archive = standInRelease(dir.path);
  const installed = kit.run('install.sh', ['--root', root, '--printer', '0416:5011:PR1234', '--locker', '1a86:7523', archive]);
  expect(installed.status, installed.out).toBe(0);
  for (const p of INSTALLED) expect(existsSync(join(root, p)), p).toBe(true);
  // The technician edits the config; the agent, the backups and the touchscreen write theirs.
  for (const [p, content] of Object.entries(CENTRE_FILES)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
});
afterAll(() => dir.cleanup());

describe('uninstall.sh --root', () => {
  it('removes the release, units, udev rules, PAM file and cursor; keeps the config, device ids, data, backups and user; twice alike', () => {
    const before = tree(root);
    const r = kit.run('uninstall.sh', ['--root', root]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('kept the config');
    expect(r.out).toContain('uninstall.sh --purge removes them too');
    for (const p of INSTALLED) expect(existsSync(join(root, p)), p).toBe(false);
    const after = tree(root);
    expect(kept(after)).toEqual(Object.fromEntries(Object.entries(kept(before)).filter(([p]) => p !== 'etc/motcua-kiosk/site.example.jsonc')));
    expect(after['etc/motcua-kiosk/devices.env']).toContain('PRINTER_USB=0416:5011:PR1234');
    // No userdel: the kept data is still the motcua user's.
    expect(actions()).toEqual(STOPPED);

    const again = kit.run('uninstall.sh', ['--root', root]);
    expect(again.status, again.out).toBe(0);
    expect(actions()).toEqual([]); // nothing left to stop, disable or reload
    expect({ ...tree(root), 'system-actions.log': '' }).toEqual({ ...after, 'system-actions.log': '' });

    expect(kit.systemCommandsRan(), 'a system command ran').toEqual([]);
    expect(realPathsPresent()).toEqual([]);
  });

  it('install.sh afterwards finds the kiosk as it was: site.json untouched, the device ids back in the udev rules', () => {
    const r = kit.run('install.sh', ['--root', root, archive]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toContain('from the example');
    expect(readFileSync(join(root, 'etc/motcua-kiosk/site.json'), 'utf8')).toBe(CENTRE_FILES['etc/motcua-kiosk/site.json']);
    expect(readFileSync(join(root, 'etc/udev/rules.d/70-motcua-kiosk.rules'), 'utf8')).toContain('ATTRS{serial}=="PR1234", SYMLINK+="motcua-printer"');
    expect(readFileSync(join(root, 'var/lib/motcua-kiosk/data/kiosk.sqlite'), 'utf8')).toBe(CENTRE_FILES['var/lib/motcua-kiosk/data/kiosk.sqlite']);
    // The edited config is started at once this time (recorded only).
    expect(actions()).toContain('systemctl restart motcua-kiosk.service');
  });

  it('--purge removes the config, data, backups and the touchscreen’s state too, and records the user’s removal; twice alike', () => {
    const r = kit.run('uninstall.sh', ['--purge', '--root', root]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('removed, with the config, the data, the backups and the user motcua');
    expect(filesLeft()).toEqual(['system-actions.log']);
    for (const p of KEPT_PREFIXES) expect(existsSync(join(root, p)), p).toBe(false);
    expect(actions()).toEqual([...STOPPED, 'userdel motcua', 'groupdel motcua']);

    const again = kit.run('uninstall.sh', ['--purge', '--root', root]);
    expect(again.status, again.out).toBe(0);
    expect(filesLeft()).toEqual(['system-actions.log']);
    // Under --root the user's removal is recorded as it would run; on a real system it is skipped once gone.
    expect(actions()).toEqual(['userdel motcua', 'groupdel motcua']);

    expect(kit.systemCommandsRan(), 'a system command ran').toEqual([]);
    expect(realPathsPresent()).toEqual([]);
  });

  it('--root to a folder that does not exist: refused with exit 2, nothing made', () => {
    const missing = join(dir.path, 'no-such-root');
    const r = kit.run('uninstall.sh', ['--purge', '--root', missing]);
    expect(r.status).toBe(2);
    expect(r.out).toContain(`--root ${missing}: no such folder`);
    expect(existsSync(missing)).toBe(false);
    expect(realPathsPresent()).toEqual([]);
  });
});
