/**
 * Several kiosk agents of one centre, each a real CLI process (agent-process.ts) with its own data folder, simulated
 * printer and kiosk id, all on one PostgreSQL database: the same services, counters and staff token, as a centre's
 * technician would set them up (kiosk-agent/src/config/centre-config-schema.ts). Thirty counters are spread over
 * four services; tests say which counters they drive through which agent.
 *
 *   const centre = await startCentreAgents({ storeUrl: await freshDatabase(), count: 3 });
 *   await postJson(`${centre.agents[1]!.url}/api/tickets`, { serviceId: 'tu-phap' });
 *   await centre.stop();   // SIGTERM, SIGKILL after a timeout; data folders removed
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { spawnAgent, type AgentProcess } from './agent-process';
import { tempDir } from './temp-dir';
import { STAFF_TOKEN, testConfig } from './test-config';

export { STAFF_TOKEN } from './test-config';

/** The staff token header every agent of the centre accepts. */
export const CENTRE_STAFF = { authorization: `Bearer ${STAFF_TOKEN}` };

export const CENTRE_SERVICES: SiteConfigInput['services'] = [
  { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' } },
  { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
  { id: 'xay-dung', prefix: 'X', name: { vi: 'Xây dựng', en: 'Construction' } },
  { id: 'chung-thuc', prefix: 'C', name: { vi: 'Chứng thực', en: 'Certification' } },
];

/**
 * Counters "1"…"30": counter n serves service (n − 1) mod 4, and every third counter a second one besides, so
 * queues are shared by counters of different services as at a real centre.
 */
export const CENTRE_COUNTERS: { id: string; services: string[] }[] = Array.from({ length: 30 }, (_, i) => {
  const ids = CENTRE_SERVICES.map((s) => s.id);
  const services = [ids[i % ids.length]!];
  if ((i + 1) % 3 === 0) services.push(ids[(i + 1) % ids.length]!);
  return { id: String(i + 1), services };
});

export interface CentreAgent {
  kioskId: string;
  url: string;
  process: AgentProcess;
  dataDir: string;
  /** Whether the process is still running (not exited, not killed). */
  alive(): boolean;
}

export interface Centre {
  agents: CentreAgent[];
  urls: string[];
  /** Every agent's output (logs, stderr), labelled by kiosk id: for failure messages and bug reports. */
  output(): string;
  /** SIGTERM to each agent still running, SIGKILL to any that has not exited after `timeoutMs`; folders removed. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface CentreOptions {
  storeUrl: string;
  count: number;
  /** Kiosk ids are `${idPrefix}-1`, `${idPrefix}-2`… */
  idPrefix?: string;
  poolSize?: number;
  /** Logged to each agent's output(); `warn` by default so failures leave evidence. */
  logLevel?: SiteConfigInput['logLevel'];
  /** Top-level keys that differ from the centre's config (same for every agent). */
  config?: Partial<SiteConfigInput>;
}

/** The site file of one agent of the centre. */
export function centreConfig(dataDir: string, kioskId: string, options: CentreOptions): SiteConfigInput {
  return {
    ...testConfig(dataDir),
    kiosk: { id: kioskId, name: { vi: `Ki-ốt ${kioskId}`, en: `Kiosk ${kioskId}` } },
    store: { driver: 'postgres', url: options.storeUrl, ...(options.poolSize ? { poolSize: options.poolSize } : {}) },
    services: CENTRE_SERVICES,
    counters: CENTRE_COUNTERS,
    logLevel: options.logLevel ?? 'warn',
    ...options.config,
  };
}

const isRunning = (p: AgentProcess): boolean => p.child.exitCode === null && p.child.signalCode === null;

async function stopOne(p: AgentProcess, timeoutMs: number): Promise<void> {
  if (!isRunning(p)) return;
  p.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  const result = await Promise.race([p.exited, late]);
  clearTimeout(timer);
  if (result === 'late' && isRunning(p)) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
}

/** Starts `count` agents at once on one database; rejects (everything started stopped again) if one does not start. */
export async function startCentreAgents(options: CentreOptions): Promise<Centre> {
  const prefix = options.idPrefix ?? 'sanh';
  const started = Array.from({ length: options.count }, (_, i) => {
    const dir = tempDir('motcua-centre-');
    const kioskId = `${prefix}-${i + 1}`;
    const dataDir = join(dir.path, 'data');
    const file = join(dir.path, 'site.json');
    writeFileSync(file, JSON.stringify(centreConfig(dataDir, kioskId, options)));
    return { dir, kioskId, dataDir, process: spawnAgent(['--config', file]) };
  });
  const output = (): string => started.map((s) => `--- ${s.kioskId} ---\n${s.process.output()}`).join('\n');
  const stop = async (timeoutMs = 8000): Promise<void> => {
    await Promise.all(started.map((s) => stopOne(s.process, timeoutMs)));
    for (const s of started) s.dir.cleanup();
  };
  const urls = await Promise.allSettled(started.map((s) => s.process.url));
  const failed = urls.find((u): u is PromiseRejectedResult => u.status === 'rejected');
  if (failed) {
    await stop(3000);
    throw new Error(`a centre agent did not start: ${(failed.reason as Error).message}\n${output()}`);
  }
  const agents = started.map(
    (s, i): CentreAgent => ({
      kioskId: s.kioskId,
      url: (urls[i] as PromiseFulfilledResult<string>).value,
      process: s.process,
      dataDir: s.dataDir,
      alive: () => isRunning(s.process),
    }),
  );
  return { agents, urls: agents.map((a) => a.url), output, stop };
}
