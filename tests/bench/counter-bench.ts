/**
 * Counter call → lobby display: an officer's call-next request until the `ticket.called` event reaches a
 * WebSocket client (what the display renders from), with the agent as its own process and a few hundred
 * tickets waiting in two services. Also the display's catch-up fetch (GET /api/display) with that history.
 * The browser's render is not in it (the e2e test logs it: about 100–150 ms key press → tile on screen).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { spawnAgent } from '../support/agent-process';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';
import { ms, summarize } from './stats';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };

export async function benchCallToDisplay(count = 300): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const configFile = join(dir.path, 'site.json');
  writeFileSync(configFile, JSON.stringify({ ...testConfig(join(dir.path, 'data')), logLevel: 'warn' }));
  const agent = spawnAgent(['--config', configFile]);
  try {
    const url = await agent.url;
    for (let i = 0; i < count; i++) {
      const res = await postJson(`${url}/api/tickets`, { serviceId: i % 2 ? 'tu-phap' : 'dat-dai', ...(i % 5 === 0 ? { priority: 'elderly' } : {}) });
      if (res.status !== 201) throw new Error(`ticket ${i}: ${JSON.stringify(res.body)}`);
    }
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/events`);
    await new Promise((r) => ws.once('open', r));
    const toEvent: number[] = [];
    const toReply: number[] = [];
    for (let i = 0; i < count; i++) {
      const counter = '2'; // serves both services, so the queue never runs dry mid-run
      const seen = new Promise<number>((resolve) => {
        const onMessage = (data: Buffer) => {
          if ((JSON.parse(data.toString()) as { type: string }).type !== 'ticket.called') return;
          ws.off('message', onMessage);
          resolve(performance.now());
        };
        ws.on('message', onMessage);
      });
      const t0 = performance.now();
      const res = await postJson(`${url}/api/counters/${counter}/call-next`, {}, staff);
      if (res.status !== 200) throw new Error(`call ${i}: ${JSON.stringify(res.body)}`);
      toReply.push(performance.now() - t0);
      toEvent.push((await seen) - t0);
    }
    ws.close();
    const snapshot: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/display`);
      await res.json();
      snapshot.push(performance.now() - t0);
    }
    const e = summarize(toEvent);
    const r = summarize(toReply);
    const d = summarize(snapshot);
    return [
      `call-next → ticket.called on a WS client (agent process, ${e.n} calls): median ${ms(e.median)}, p99 ${ms(e.p99)}  [target: display shows a call within 1 s]`,
      `call-next HTTP reply (${r.n} calls): median ${ms(r.median)}, p99 ${ms(r.p99)}`,
      `GET /api/display catch-up with ${count} calls today (${d.n} requests): median ${ms(d.median)}, p99 ${ms(d.p99)}`,
    ];
  } finally {
    agent.child.kill('SIGTERM');
    await agent.exited;
    dir.cleanup();
  }
}
