/** `npm run ports` with and without udevadm on the PATH. */
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';

const CLI = fileURLToPath(new URL('../../kiosk-agent/src/list-ports-cli.ts', import.meta.url));
const run = (path: string) => spawnSync(process.execPath, ['--import', 'tsx', CLI], { env: { ...process.env, PATH: path }, encoding: 'utf8', timeout: 30_000 });

describe('serial port listing', () => {
  const bin = tempDir();
  afterAll(() => bin.cleanup());

  it('falls back to /dev/serial/by-id and says so when udevadm is missing', () => {
    symlinkSync(process.execPath, join(bin.path, 'node'));
    const result = run(bin.path); // a PATH with node and nothing else
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/note: udevadm is not available .* listed \/dev\/serial\/by-id instead/);
  });

  it('lists through udev when it is there, without the note', () => {
    const withUdev = spawnSync('sh', ['-c', 'command -v udevadm'], { encoding: 'utf8' });
    const result = run(process.env.PATH ?? '');
    expect(result.status).toBe(0);
    if (withUdev.status === 0) expect(result.stdout).not.toContain('note:');
    else expect(result.stdout).toContain('note:');
  });
});
