/**
 * How the agent serves the kiosk's page: the page itself is revalidated every load, the build's hashed assets are
 * kept for good (a restarted kiosk loads and compiles nothing it ran before), client-side routes get the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { agentTest } from '../support/agent-fixture';

/** A small UI build in the data folder, with the file names a real one has. */
function writeUiBuild(dataDir: string): string {
  const ui = join(dataDir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  mkdirSync(join(ui, 'voice'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>kiosk</title><script type="module" src="/assets/index-DL0FI9YZ.js"></script>');
  writeFileSync(join(ui, 'assets', 'index-DL0FI9YZ.js'), 'console.log(1)');
  writeFileSync(join(ui, 'assets', 'rolldown-runtime-WkwZ5CU-.js'), 'export {}');
  writeFileSync(join(ui, 'voice', 'manifest.json'), '{"files":[]}');
  return ui;
}

const it = agentTest({ uiDir: writeUiBuild });

describe('serving the UI build', () => {
  const cacheOf = async (agent: RunningAgent, path: string) => {
    const res = await fetch(`${agent.url}${path}`);
    expect(res.status, path).toBe(200);
    return res.headers.get('cache-control');
  };

  it('revalidates the page on every load, at / and at client-side routes', async ({ agent }) => {
    expect(await cacheOf(agent, '/')).toBe('no-cache');
    expect(await cacheOf(agent, '/index.html')).toBe('no-cache');
    expect(await cacheOf(agent, '/counter/1')).toBe('no-cache');
  });

  it('keeps content-hashed assets for a year, and other files an hour', async ({ agent }) => {
    expect(await cacheOf(agent, '/assets/index-DL0FI9YZ.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf(agent, '/assets/rolldown-runtime-WkwZ5CU-.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf(agent, '/voice/manifest.json')).toBe('public, max-age=3600');
  });
});
