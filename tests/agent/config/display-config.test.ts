/** The site config's `displays`: lobby displays by zone, checked against the counters. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { testConfig } from '../../support/test-config';

/** The tests' small centre (two services) with three counters. */
const SITE = {
  ...testConfig('/var/lib/motcua-kiosk'),
  counters: [
    { id: '1', services: ['tu-phap'] },
    { id: '2', services: ['dat-dai'] },
    { id: '3', services: ['dat-dai'] },
  ],
};

function problems(displays: unknown): string[] {
  try {
    parseSiteConfig({ ...SITE, displays });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('site config: displays', () => {
  it('has none by default (/display shows every counter) and accepts zones of configured counters', () => {
    expect(parseSiteConfig(SITE).displays).toEqual([]);
    const zones = [
      { id: 'tang-1', name: { vi: 'Tầng 1', en: 'Floor 1' }, counters: ['1'] },
      { id: 'tang-2', name: { vi: 'Tầng 2', en: 'Floor 2' }, counters: ['3', '2'] },
    ];
    expect(parseSiteConfig({ ...SITE, displays: zones }).displays).toEqual(zones);
  });

  it('refuses duplicate ids, ids that are not slugs, unknown counters, a counter twice, an empty zone, unknown keys', () => {
    const name = { vi: 'Sảnh', en: 'Hall' };
    expect(
      problems([
        { id: 'tang-1', name, counters: ['1'] },
        { id: 'tang-1', name, counters: ['2', '9'] },
        { id: 'Tầng 2', name, counters: ['2', '2'] },
        { id: 'sanh', name, counters: [] },
        { id: 'kho', name, counters: ['3'], colour: 'blue' },
      ]),
    ).toEqual(
      expect.arrayContaining([
        'displays[1].id: duplicate display id "tang-1"',
        'displays[1].counters[1]: unknown counter "9"',
        expect.stringMatching(/^displays\[2\]\.id: lower-case letters, digits and single dashes/),
        expect.stringMatching(/^displays\[3\]\.counters: /),
        expect.stringMatching(/^displays\[4\]: unknown key\(s\) "colour"/),
      ]),
    );
    expect(problems([{ id: 'tang-2', name, counters: ['2', '2'] }])).toEqual(['displays[0].counters[1]: counter "2" is listed twice']);
  });
});
