/**
 * Durable tickets per second at the store, the way `benchDurableTickets` measures a lone kiosk's SQLite, for a
 * centre: three agents' stores (one `pg` pool each, as three agents have) on one PostgreSQL with fsync on, eight
 * issuers on each, every ticket committed (number, row, position) before the next on that issuer. Beside it the same
 * load on one SQLite store. HTTP, slips and printers are left out: on this 2-core machine they, not the store, are
 * what limits the HTTP figure in centre-bench.ts (three agents, the server and the client share the two cores).
 */
import { performance } from 'node:perf_hooks';
import { startThrowawayPostgres } from '../../scripts/throwaway-postgres';
import { parseSiteConfig } from '../../kiosk-agent/src/config/load-config';
import { systemClock } from '../../kiosk-agent/src/core/clock';
import { QueueService } from '../../kiosk-agent/src/queue/queue-service';
import { migratePostgres } from '../../kiosk-agent/src/store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../kiosk-agent/src/store/postgres/postgres-migrations';
import { PostgresStore } from '../../kiosk-agent/src/store/postgres/postgres-store';
import { openStore } from '../../kiosk-agent/src/store/sqlite';
import { SqliteStore } from '../../kiosk-agent/src/store/sqlite-store';
import type { SqlStore } from '../../kiosk-agent/src/store/store-port';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { ms, summarize } from './stats';

const ISSUERS_PER_STORE = 8;
const TICKETS = 3000;
/**
 * A provincial centre's service areas (its tickets spread over 10–20): each service's numbers are taken one at a
 * time (the day's counter row is locked until the ticket commits, fsync included), so the figure grows with them.
 */
const SERVICES = Array.from({ length: 8 }, (_, i) => `linh-vuc-${i + 1}`);

async function issueOn(stores: SqlStore[], total: number): Promise<{ perSecond: number; latencies: number[] }> {
  const config = parseSiteConfig({
    ...testConfig('/unused'),
    services: SERVICES.map((id, i) => ({ id, prefix: String.fromCharCode(65 + i), name: { vi: `Lĩnh vực ${i + 1}`, en: `Area ${i + 1}` } })),
    counters: [{ id: '1', services: SERVICES }],
  });
  const queues = stores.map((store) => new QueueService({ config, store, clock: systemClock }));
  let claimed = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    queues.flatMap((queue) =>
      Array.from({ length: ISSUERS_PER_STORE }, async () => {
        while (claimed < total) {
          const i = claimed++;
          const start = performance.now();
          await queue.issueTicket(SERVICES[i % SERVICES.length]!, i % 7 === 0 ? 'elderly' : undefined);
          latencies.push(performance.now() - start);
        }
      }),
    ),
  );
  return { perSecond: total / ((performance.now() - t0) / 1000), latencies };
}

export async function benchCentreStoreTickets(): Promise<string[]> {
  const lines: string[] = [];
  const server = await startThrowawayPostgres({ fsync: true });
  try {
    const url = await server.createDatabase();
    const stores = [0, 1, 2].map(() => PostgresStore.create({ url, poolSize: 10 }));
    try {
      await migratePostgres(stores[0]!.pool, POSTGRES_MIGRATIONS);
      await issueOn(stores, 200); // warm-up: connections, plans
      const r = await issueOn(stores, TICKETS);
      const s = summarize(r.latencies);
      lines.push(
        `centre durable tickets at the store, 3 agents' pools on one PostgreSQL (fsync on), ${ISSUERS_PER_STORE} issuers each, ${TICKETS} tickets over ${SERVICES.length} services: ` +
          `${r.perSecond.toFixed(0)} tickets/s; per ticket median ${ms(s.median)}, p99 ${ms(s.p99)}  [target ≥ 1,000/s in total]`,
      );
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  } finally {
    await server.stop();
  }
  const dir = tempDir('motcua-bench-');
  const sqlite = new SqliteStore(openStore({ dataDir: dir.path }), dir.path);
  try {
    await issueOn([sqlite], 200);
    const r = await issueOn([sqlite], TICKETS);
    const s = summarize(r.latencies);
    lines.push(
      `  beside it: one SQLite store (WAL, synchronous=FULL), ${ISSUERS_PER_STORE} issuers, ${TICKETS} tickets over ${SERVICES.length} services: ${r.perSecond.toFixed(0)} tickets/s; ` +
        `per ticket median ${ms(s.median)}, p99 ${ms(s.p99)}`,
    );
  } finally {
    await sqlite.close();
    dir.cleanup();
  }
  return lines;
}
