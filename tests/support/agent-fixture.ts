/**
 * A running agent for a test file (Vitest fixtures): a temporary data folder, the test site config with the
 * file's overrides, and clean-up afterwards, so a test file declares what differs and nothing else.
 *
 *   const test = agentTest({ locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }] } });
 *   test('…', async ({ agent }) => { … });
 *
 * The agent is started once per file (the first test that asks for it) and stopped after the file's last test.
 */
import { test as base } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import type { Clock } from '../../kiosk-agent/src/core/clock';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { tempDir } from './temp-dir';
import { testConfig } from './test-config';

export interface AgentOptions {
  /** Merged over testConfig(dataDir) (shallowly: give a whole section to change it). */
  config?: (dataDir: string) => Partial<SiteConfigInput>;
  clock?: Clock;
}

export function agentTest(options: AgentOptions = {}) {
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern: none here
  return base.extend('agent', { scope: 'file' }, async ({}, { onCleanup }): Promise<RunningAgent> => {
    const dir = tempDir();
    const agent = await startKioskAgent({
      config: { ...testConfig(dir.path), ...options.config?.(dir.path) },
      ...(options.clock ? { clock: options.clock } : {}),
      uiDir: '/nonexistent',
    });
    onCleanup(async () => {
      await agent.stop();
      dir.cleanup();
    });
    return agent;
  });
}
