/**
 * Ticket benchmarks.
 * 1. Latency: POST /api/tickets → the last byte of the job at the printer simulator, 500 tickets one after another.
 *    The agent runs as its own process (the real CLI); the simulator runs here, so its clock and the client's agree.
 * 2. Durable throughput: tickets committed per second by the store (WAL, synchronous=FULL: each one fsynced).
 * 3. HTTP throughput: tickets per second through the API with printing, 8 concurrent clients.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseSiteConfig } from '../../kiosk-agent/src/config/load-config';
import { SimulatedPrinter } from '../../kiosk-agent/src/devices/printer/simulated-printer';
import { systemClock } from '../../kiosk-agent/src/core/clock';
import { QueueService } from '../../kiosk-agent/src/queue/queue-service';
import { openStore } from '../../kiosk-agent/src/store/sqlite';
import { SqliteStore } from '../../kiosk-agent/src/store/sqlite-store';
import { spawnAgent } from '../support/agent-process';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { ms, summarize } from './stats';

export async function benchTicketLatency(count = 500, text: 'cp1258' | 'raster' = 'cp1258'): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const sim = new SimulatedPrinter();
  const { port } = await sim.start(0, '127.0.0.1');
  const configFile = join(dir.path, 'site.json');
  writeFileSync(configFile, JSON.stringify(testConfig(join(dir.path, 'data'), { driver: 'escpos', interface: `tcp://127.0.0.1:${port}`, text })));
  const agent = spawnAgent(['--config', configFile]);
  try {
    const url = await agent.url;
    for (let i = 0; i < 20; i++) await postJson(`${url}/api/tickets`, { serviceId: 'tu-phap' }); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const printed = new Promise<number>((resolve) => sim.once('job', () => resolve(performance.now())));
      const t0 = performance.now();
      const res = await postJson<{ printed: boolean }>(`${url}/api/tickets`, { serviceId: i % 5 === 0 ? 'dat-dai' : 'tu-phap', ...(i % 7 === 0 ? { priority: 'elderly' } : {}) });
      if (res.status !== 201 || !res.body.printed) throw new Error(`ticket ${i} failed: ${JSON.stringify(res.body)}`);
      samples.push((await printed) - t0);
    }
    const s = summarize(samples);

    // HTTP throughput with printing, 8 clients.
    const total = 1000;
    let issued = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (issued < total) {
          issued++;
          await postJson(`${url}/api/tickets`, { serviceId: 'tu-phap' });
        }
      }),
    );
    const perSec = total / ((performance.now() - t0) / 1000);
    return [
      `ticket latency (POST → last byte at printer simulator, ${text}, ${s.n} tickets): median ${ms(s.median)}, p99 ${ms(s.p99)}, max ${ms(s.max)}  [target p99 ≤ 50 ms]`,
      `ticket throughput over HTTP with printing (${text}, 8 clients, ${total} tickets): ${perSec.toFixed(0)} tickets/s`,
    ];
  } finally {
    agent.child.kill('SIGTERM');
    await agent.exited;
    await sim.stop();
    dir.cleanup();
  }
}

/** Through the store port's SQLite adapter, as the agent issues them: each ticket awaited before the next. */
export async function benchDurableTickets(count = 5000): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const store = new SqliteStore(openStore({ dataDir: dir.path }), join(dir.path, 'kiosk.sqlite'));
  try {
    const queue = new QueueService({ config: parseSiteConfig(testConfig(dir.path)), store, clock: systemClock });
    for (let i = 0; i < 50; i++) await queue.issueTicket('tu-phap', undefined);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) await queue.issueTicket(i % 2 ? 'tu-phap' : 'dat-dai', i % 9 === 0 ? 'merit' : undefined);
    const seconds = (performance.now() - t0) / 1000;
    return [`durable tickets (SQLite WAL, synchronous=FULL, one transaction each, ${count} tickets): ${(count / seconds).toFixed(0)} tickets/s  [target ≥ 1,000/s]`];
  } finally {
    await store.close();
    dir.cleanup();
  }
}
