/** The start command as a technician meets it: bad configs, signals. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnAgent } from '../support/agent-process';
import { getJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

describe('kiosk-agent CLI', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('an invalid config prints one line per problem and exits 2 without starting anything', async () => {
    const file = join(dir.path, 'bad.json');
    const dataDir = join(dir.path, 'never-created');
    const cfg = testConfig(dataDir) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...cfg, printer: { driver: 'escpos', interface: 'nowhere' }, services: [], speed: 11 }));
    const p = spawnAgent(['--config', file]);
    const { code } = await p.exited;
    expect(code).toBe(2);
    const out = p.output();
    expect(out).toContain('printer.interface: expected tcp://host:port');
    expect(out).toMatch(/services: .*/);
    expect(out).toContain('unknown key(s) "speed"');
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(dataDir)).toBe(false);
  });

  it('KIOSK_CONFIG works like --config, and --port/--data override the file; SIGTERM exits 0 quickly', async () => {
    const file = join(dir.path, 'site.json');
    writeFileSync(file, JSON.stringify({ ...testConfig(join(dir.path, 'a')), server: { host: '127.0.0.1', port: 1 } }));
    const p = spawnAgent(['--port', '0', '--data', join(dir.path, 'b')], { KIOSK_CONFIG: file });
    const url = await p.url;
    expect((await getJson<{ status: string }>(`${url}/api/health`)).body.status).toBe('ok');
    expect(existsSync(join(dir.path, 'b', 'kiosk.sqlite'))).toBe(true);
    const t0 = Date.now();
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a data folder that cannot be written stops start-up with one clear line and exit 2, nothing listening', async () => {
    // Root ignores file modes, so the folder is a read-only mount, as a failing disk remounted by the kernel is.
    const ro = join(dir.path, 'ro');
    mkdirSync(ro);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', ro]);
    try {
      const file = join(dir.path, 'ro-site.json');
      writeFileSync(file, JSON.stringify({ ...testConfig(join(ro, 'data')), secrets: { keyFile: join(dir.path, 'ro.key') } }));
      const p = spawnAgent(['--config', file]);
      const { code } = await p.exited;
      expect(code).toBe(2);
      const out = p.output();
      expect(out).toMatch(/cannot use the store .*kiosk\.sqlite: EROFS/);
      expect(out).toMatch(/chỉ đọc/);
      expect(out).not.toContain('Kiosk ready');
      expect(out).not.toMatch(/\n\s+at /);
    } finally {
      execFileSync('umount', [ro]);
    }
  });
});
