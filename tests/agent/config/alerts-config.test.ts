/** The `alerts` section of the site config: technicians' numbers checked like a citizen's, sensible defaults. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { testConfig } from '../../support/test-config';

const withAlerts = (alerts: unknown) => ({ ...testConfig('/tmp/alerts-config'), alerts });
function problems(raw: unknown): string[] {
  try {
    parseSiteConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('alerts config', () => {
  it('is optional: without it no alerts are sent', () => {
    expect(parseSiteConfig(testConfig('/tmp/alerts-config')).alerts).toBeUndefined();
  });

  it('fills the defaults: 10 minutes for a device, 30 for the outbox', () => {
    expect(parseSiteConfig(withAlerts({ to: ['0912345678', '+84987654321'] })).alerts).toEqual({
      to: ['0912345678', '+84987654321'],
      afterMinutes: 10,
      outboxStuckMinutes: 30,
      checkMs: 30_000,
    });
  });

  it('refuses what is not a Vietnamese mobile number, an empty list and unknown keys, one line each', () => {
    const found = problems(withAlerts({ to: ['0212345678', '091234567', 'kỹ thuật'], afterMinutes: 0, every: 5 }));
    expect(found).toEqual([
      expect.stringMatching(/^alerts\.to\[0\]: a Vietnamese mobile number/),
      expect.stringMatching(/^alerts\.to\[1\]: a Vietnamese mobile number/),
      expect.stringMatching(/^alerts\.to\[2\]: a Vietnamese mobile number/),
      expect.stringMatching(/^alerts\.afterMinutes: /),
      'alerts: unknown key(s) "every"',
    ]);
    expect(problems(withAlerts({ to: [] }))).toEqual([expect.stringMatching(/^alerts\.to: /)]);
  });
});
