/**
 * The release build as a kiosk runs it (`node dist/agent/main.js`, no TypeScript loader; built first if stale),
 * with real drivers: the ESC/POS driver over TCP to the printer simulator's server, and the KR-CU locker driver
 * over a socat pty to the simulated lock board. Start-up: spawn → the first answer of GET /api/health, over
 * BENCH_STARTS cold starts (default 30: each is a new Node process, about a second with its stop, so 30 give a
 * stable median and a p99 that is the slowest or next-slowest start in a minute; 500 would take ten). The first
 * start, which creates and migrates the store, is reported apart. Memory: the agent's resident set after 1,000
 * tickets, each printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { SimulatedPrinter } from '../../kiosk-agent/src/devices/printer/simulated-printer';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { postJson } from '../support/http';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import AGENT_RUN from '../../scripts/release/agent-node-flags.json';
import { ms, summarize } from './stats';

const SETTLE_MS = 15_000;
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(REPO, 'dist/agent/main.js');
// As the kiosk runs it: deploy/debian/systemd/motcua-kiosk.service and scripts/start.mjs pass the same flag.
// BENCH_NODE_FLAGS (space-separated) replaces them to try others.
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? AGENT_RUN.flags;

function ensureBuilt(): void {
  const state = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/release/build-state.mjs'); process.exit(m.buildState() === 'fresh' ? 0 : 1)"], { cwd: REPO });
  if (state.status === 0) return;
  const built = spawnSync(process.execPath, [join(REPO, 'scripts/release/build.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts the built agent; resolves when /api/health first answers, with the time that took. */
async function startBuilt(configFile: string, url: string) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, MAIN, '--config', configFile], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...AGENT_RUN.env, ...process.env } });
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  let dead = false;
  void exited.then(() => (dead = true));
  await waitUntil(async () => {
    if (dead) throw new Error('the built agent exited at start');
    return fetch(`${url}/api/health`).then((r) => r.ok, () => false);
  }, 10_000, 'the built agent to answer /api/health');
  const startMs = performance.now() - t0;
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
  };
  return { child, startMs, stop };
}

const rssMb = (pid: number, field: 'VmRSS' | 'VmHWM' | 'RssAnon'): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

export async function benchReleaseBuild(starts = Number(process.env.BENCH_STARTS ?? 30), tickets = 1000): Promise<string[]> {
  ensureBuilt();
  const dir = tempDir('motcua-bench-');
  const printer = new SimulatedPrinter();
  const pair = ptyPair(join(dir.path, 'locker-agent'), join(dir.path, 'locker-board'));
  let boardLink: SerialLink | undefined;
  try {
    const { port: printerPort } = await printer.start(0, '127.0.0.1');
    await pair.start();
    boardLink = new SerialLink({ path: pair.b, baudRate: 19200 });
    new SimulatedLockerBus(boardLink, [{ address: 1, locks: 16 }]); // answers the agent's frames on the pty
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const configFile = join(dir.path, 'site.json');
    const config = {
      ...testConfig(join(dir.path, 'data'), { driver: 'escpos', interface: `tcp://127.0.0.1:${printerPort}`, text: 'cp1258' }),
      server: { host: '127.0.0.1', port },
      locker: { driver: 'kerong-cu', path: pair.a, baudRate: 19200, boards: [{ address: 1, locks: 16 }] },
    };
    writeFileSync(configFile, JSON.stringify(config));

    const first = await startBuilt(configFile, url);
    await first.stop();
    const samples: number[] = [];
    for (let i = 0; i < starts; i++) {
      const run = await startBuilt(configFile, url);
      samples.push(run.startMs);
      await run.stop();
    }
    const s = summarize(samples);

    const agent = await startBuilt(configFile, url);
    try {
      const pid = agent.child.pid!;
      const atStart = rssMb(pid, 'VmRSS');
      const ticketMs: number[] = [];
      for (let i = 0; i < tickets; i++) {
        const t0 = performance.now();
        const res = await postJson<{ printed: boolean }>(`${url}/api/tickets`, { serviceId: i % 5 === 0 ? 'dat-dai' : 'tu-phap' });
        if (res.status !== 201 || !res.body.printed) throw new Error(`ticket ${i} failed: ${JSON.stringify(res.body)}`);
        ticketMs.push(performance.now() - t0);
      }
      const health = (await (await fetch(`${url}/api/health`)).json()) as { devices: { printer: { state: string }; locker: { state: string } } };
      const [rss, own, peak] = [rssMb(pid, 'VmRSS'), rssMb(pid, 'RssAnon'), rssMb(pid, 'VmHWM')];
      // And once the kiosk has been idle a moment, as between two citizens: V8's memory reducer collects about 8 s
      // after allocation slows down, so the figure just after the last ticket depends on where the last GC fell.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const settled = rssMb(pid, 'VmRSS');
      // Where it goes, from the agent's own /metrics (read after the figures above: rendering them allocates).
      const metrics = await (await fetch(`${url}/metrics`)).text();
      const gauge = (name: string): string => (Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN) / 1024 / 1024).toFixed(1);
      const t = summarize(ticketMs);
      return [
        `release build, load average ${loadavg()[0]!.toFixed(1)} while measuring (figures on a busy machine are slower)`,
        `release build start → /api/health (node dist/agent/main.js, escpos over TCP, kerong-cu over a pty; ${s.n} cold starts, the first start with a new store apart: ${ms(first.startMs)}): median ${ms(s.median)}, p99 ${ms(s.p99)}, max ${ms(s.max)}  [target ≤ 1500 ms]`,
        `release build resident memory (node ${NODE_FLAGS.join(' ')}; printer ${health.devices.printer.state}, locker ${health.devices.locker.state}): just after the ${tickets}th printed ticket ${rss.toFixed(1)} MB (the agent's own, not file-backed: ${own.toFixed(1)} MB), after ${SETTLE_MS / 1000} s idle ${settled.toFixed(1)} MB  [target ≤ 80 MB]; just after start ${atStart.toFixed(1)} MB, peak ${peak.toFixed(1)} MB, V8 heap ${gauge('nodejs_heap_size_used_bytes')} MB used of ${gauge('nodejs_heap_size_total_bytes')} MB`,
        `release build POST /api/tickets, printed over TCP (${t.n} tickets, one at a time): median ${ms(t.median)}, p99 ${ms(t.p99)}`,
      ];
    } finally {
      await agent.stop();
    }
  } finally {
    await boardLink?.close();
    await pair.stop();
    await printer.stop();
    dir.cleanup();
  }
}
