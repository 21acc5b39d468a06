/**
 * Ratings and the service-quality report, on one agent (the real CLI, its own SQLite, the printer simulator over
 * TCP), after a busy day: 1,000 visits called and finished at two counters by two officers.
 * 1. The counter tablet's screen: GET /api/counters/1/rating, 500 reads (tablets read it every 10 s and on every
 *    call or update at their counter).
 * 2. A rating: POST /api/counters/:id/rating → 201, 500 visits rated one after another.
 * 3. The supervisor's report for the month: GET /api/reports/service-quality, 500 reads.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SimulatedPrinter } from '../../kiosk-agent/src/devices/printer/simulated-printer';
import { spawnAgent } from '../support/agent-process';
import { getJson, postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { ms, summarize } from './stats';

const VISITS = 1000;
const SAMPLES = 500;
const PASSWORD = 'mat-khau-bench-2026';

export async function benchRatings(): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const sim = new SimulatedPrinter();
  const { port } = await sim.start(0, '127.0.0.1');
  const configFile = join(dir.path, 'site.json');
  writeFileSync(configFile, JSON.stringify({ ...testConfig(join(dir.path, 'data'), { driver: 'escpos', interface: `tcp://127.0.0.1:${port}`, text: 'cp1258' }), feedback: { scale: 3, askSeconds: 600 } }));
  // Accounts are made as a site makes them: the staff CLI, the password on standard input.
  for (const [username, role] of [['lan', 'officer'], ['minh', 'officer'], ['giamsat', 'supervisor']] as const) {
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', '--config', configFile, 'add', '--username', username, '--name', `Cán bộ ${username}`, '--role', role], { input: `${PASSWORD}\n` });
    if (made.status !== 0) throw new Error(`staff add ${username}: ${made.stderr.toString()}`);
  }
  const agent = spawnAgent(['--config', configFile]);
  try {
    const url = await agent.url;
    const session = async (username: string, counterId?: string) => {
      const res = await postJson<{ token: string }>(`${url}/api/staff/session`, { username, password: PASSWORD, ...(counterId ? { counterId } : {}) });
      return { authorization: `Bearer ${res.body.token}` };
    };
    const officers = { '1': await session('lan', '1'), '2': await session('minh', '2') };
    const boss = await session('giamsat');
    const finished: { id: string; counter: '1' | '2' }[] = [];
    for (let i = 0; i < VISITS; i++) {
      const counter = i % 2 ? '2' : '1';
      const t = await postJson<{ id: string }>(`${url}/api/tickets`, { serviceId: 'tu-phap' });
      await postJson(`${url}/api/counters/${counter}/call-next`, {}, officers[counter]);
      const done = await postJson(`${url}/api/counters/${counter}/finish`, {}, officers[counter]);
      if (t.status !== 201 || done.status !== 200) throw new Error(`visit ${i} failed`);
      finished.push({ id: t.body.id, counter });
    }
    const time = async (fn: () => Promise<void>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    const reads: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      reads.push(await time(async () => {
        if ((await getJson(`${url}/api/counters/1/rating`)).status !== 200) throw new Error('tablet screen refused');
      }));
    }
    const ratings: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const v = finished[i]!;
      ratings.push(await time(async () => {
        const res = await postJson(`${url}/api/counters/${v.counter}/rating`, { ticketId: v.id, level: 1 + (i % 3), ...(i % 3 === 0 ? { reasons: ['thoi-gian-cho'] } : {}) });
        if (res.status !== 201) throw new Error(`rating ${i} refused: ${JSON.stringify(res.body)}`);
      }));
    }
    const reports: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      reports.push(await time(async () => {
        if ((await getJson(`${url}/api/reports/service-quality`, boss)).status !== 200) throw new Error('report refused');
      }));
    }
    const r = summarize(reads);
    const p = summarize(ratings);
    const q = summarize(reports);
    return [
      `counter tablet screen (GET /api/counters/1/rating after ${VISITS} visits, ${r.n} reads): median ${ms(r.median)}, p99 ${ms(r.p99)}, max ${ms(r.max)}  [target p99 ≤ 50 ms]`,
      `counter rating (POST /api/counters/:id/rating → 201, ${p.n} visits): median ${ms(p.median)}, p99 ${ms(p.p99)}, max ${ms(p.max)}  [target p99 ≤ 50 ms]`,
      `service-quality report (GET /api/reports/service-quality, this month: ${VISITS} visits, ${SAMPLES} ratings; ${q.n} reads): median ${ms(q.median)}, p99 ${ms(q.p99)}, max ${ms(q.max)}  [target p99 ≤ 500 ms]`,
    ];
  } finally {
    agent.child.kill('SIGTERM');
    await agent.exited;
    await sim.stop();
    dir.cleanup();
  }
}
