/** The `backup` section of the site config (kiosk-agent/src/config/backup-config-schema.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadSiteConfigFile, parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { tempDir } from '../../support/temp-dir';
import { testConfig } from '../../support/test-config';

function problems(raw: unknown): string[] {
  try {
    parseSiteConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('backup config', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('is optional; with a folder, 7 days and 4 weeks are kept unless said otherwise', () => {
    expect(parseSiteConfig(testConfig('/var/lib/motcua')).backup).toBeUndefined();
    expect(parseSiteConfig({ ...testConfig('/var/lib/motcua'), backup: { dir: '/media/usb' } }).backup).toEqual({ dir: '/media/usb', keepDaily: 7, keepWeekly: 4 });
  });

  it('a folder is required, counts are whole and not negative, unknown keys are refused', () => {
    expect(problems({ ...testConfig('/d'), backup: {} })).toEqual([expect.stringMatching(/^backup\.dir: /)]);
    expect(problems({ ...testConfig('/d'), backup: { dir: 'x', keepDaily: -1, keepWeekly: 1.5 } })).toHaveLength(2);
    expect(problems({ ...testConfig('/d'), backup: { dir: 'x', keepMonthly: 12 } })).toEqual(['backup: unknown key(s) "keepMonthly"']);
  });

  it('a relative folder is beside the config file, like the other paths', () => {
    const file = join(dir.path, 'site.json');
    writeFileSync(file, JSON.stringify({ ...testConfig('data'), backup: { dir: '../mnt/usb' } }));
    expect(loadSiteConfigFile(file).backup?.dir).toBe(join(dir.path, '..', 'mnt', 'usb'));
  });
});
