/**
 * A running agent for a test file (Vitest fixtures): a temporary data folder, the test site config with the
 * file's overrides, and clean-up afterwards, so a test file declares what differs and nothing else.
 *
 *   const test = agentTest({ config: () => ({ locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }] } }) });
 *   test('…', async ({ agent }) => { … });
 *   test('…', async ({ agent, heard }) => { …; await heard.next('ticket.issued'); });
 *
 * The agent is started once per file (the first test or suite hook that asks for it) and stopped after the file's
 * last test. `heard` is an event socket on that agent (tests/support/event-collector.ts), opened the first time it
 * is asked for and closed with the agent. Each agentTest() is an agent of its own: a file with a second config
 * (a describe for another printer, say) makes a second one, and both are stopped when the file ends.
 */
import { test as base } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import type { Clock } from '../../kiosk-agent/src/core/clock';
import type { Logger } from '../../kiosk-agent/src/logger';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { collectEvents, type EventCollector } from './event-collector';
import { tempDir } from './temp-dir';
import { testConfig } from './test-config';

export interface AgentOptions {
  /**
   * Merged over testConfig(dataDir) (shallowly: give a whole section to change it, `printer` included). It may be
   * async, and it runs when the agent starts, so it can read what the file's beforeAll set up (a fake server's port).
   */
  config?: (dataDir: string) => Partial<SiteConfigInput> | Promise<Partial<SiteConfigInput>>;
  clock?: Clock;
  /** The agent's logger (a test that reads the log passes its own). */
  logger?: Logger;
  /** The UI build to serve, given the data folder (a test may write one there); none by default. */
  uiDir?: (dataDir: string) => string;
  /** Where the data folder is made: a fresh temporary folder by default. */
  dataDir?: () => { path: string; cleanup(): void };
  /** Headers for the `heard` event socket (a staff token also hears staff events). */
  eventHeaders?: Record<string, string>;
}

export function agentTest(options: AgentOptions = {}) {
  return (
    // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern: none here
    base.extend('agent', { scope: 'file' }, async ({}, { onCleanup }): Promise<RunningAgent> => {
      const dir = (options.dataDir ?? tempDir)();
      try {
        const agent = await startKioskAgent({
          config: { ...testConfig(dir.path), ...(await options.config?.(dir.path)) },
          ...(options.clock ? { clock: options.clock } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
          uiDir: options.uiDir?.(dir.path) ?? '/nonexistent',
        });
        onCleanup(async () => {
          await agent.stop();
          dir.cleanup();
        });
        return agent;
      } catch (err) {
        dir.cleanup();
        throw err;
      }
    })
      // Another file-scoped fixture, so the socket is one per file too and closed before its agent stops.
      .extend('heard', { scope: 'file' }, async ({ agent }, { onCleanup }): Promise<EventCollector> => {
        const heard = await collectEvents(agent.url, options.eventHeaders);
        onCleanup(() => heard.close());
        return heard;
      })
  );
}
