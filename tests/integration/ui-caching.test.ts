/**
 * How the agent serves the kiosk's page: the page itself is revalidated every load, the build's hashed assets are
 * kept for good (a restarted kiosk loads and compiles nothing it ran before), client-side routes get the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { testConfig } from '../support/test-config';
import { tempDir } from '../support/temp-dir';

describe('serving the UI build', () => {
  const dir = tempDir('motcua-ui-cache-');
  let agent: RunningAgent;

  beforeAll(async () => {
    const ui = join(dir.path, 'ui');
    mkdirSync(join(ui, 'assets'), { recursive: true });
    mkdirSync(join(ui, 'voice'), { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>kiosk</title><script type="module" src="/assets/index-DL0FI9YZ.js"></script>');
    writeFileSync(join(ui, 'assets', 'index-DL0FI9YZ.js'), 'console.log(1)');
    writeFileSync(join(ui, 'assets', 'rolldown-runtime-WkwZ5CU-.js'), 'export {}');
    writeFileSync(join(ui, 'voice', 'manifest.json'), '{"files":[]}');
    agent = await startKioskAgent({ config: testConfig(dir.path), uiDir: ui });
  });
  afterAll(async () => {
    await agent.stop();
    dir.cleanup();
  });

  const cacheOf = async (path: string) => {
    const res = await fetch(`${agent.url}${path}`);
    expect(res.status, path).toBe(200);
    return res.headers.get('cache-control');
  };

  it('revalidates the page on every load, at / and at client-side routes', async () => {
    expect(await cacheOf('/')).toBe('no-cache');
    expect(await cacheOf('/index.html')).toBe('no-cache');
    expect(await cacheOf('/counter/1')).toBe('no-cache');
  });

  it('keeps content-hashed assets for a year, and other files an hour', async () => {
    expect(await cacheOf('/assets/index-DL0FI9YZ.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('/assets/rolldown-runtime-WkwZ5CU-.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheOf('/voice/manifest.json')).toBe('public, max-age=3600');
  });
});
