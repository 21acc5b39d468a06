/**
 * `npm run demo:centre`: a centre with two kiosks on one queue, on this laptop. A throwaway PostgreSQL (Debian's
 * `postgresql` package, started in a temporary folder and removed on exit) and two kiosk agents — "Ki-ốt sảnh A" on
 * 8080 and "Ki-ốt sảnh B" on 8081 — each with its own simulated printer, scanner and locker, sharing the queue,
 * the counters and the dossiers. Without PostgreSQL it says how to install it and exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKioskAgent, type RunningAgent } from '../kiosk-agent/src/compose/start-agent';
import { DEMO_STAFF_TOKEN, DEMO_TECHNICIAN_PIN, demoConfig } from '../kiosk-agent/src/config/demo-config';
import { PostgresNotInstalledError, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

const KIOSKS = [
  { id: 'sanh-a', name: { vi: 'Ki-ốt sảnh A', en: 'Lobby kiosk A' }, port: 8080, seed: true },
  { id: 'sanh-b', name: { vi: 'Ki-ốt sảnh B', en: 'Lobby kiosk B' }, port: 8081, seed: false },
];

async function main(): Promise<void> {
  let pg: ThrowawayPostgres;
  try {
    pg = await startThrowawayPostgres({ fsync: true });
  } catch (err) {
    if (err instanceof PostgresNotInstalledError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const url = await pg.createDatabase('motcua');
  const dataRoot = mkdtempSync(join(tmpdir(), 'motcua-centre-'));
  const agents: RunningAgent[] = [];
  const stop = async (): Promise<void> => {
    for (const a of agents.reverse()) await a.stop().catch(() => undefined);
    await pg.stop().catch(() => undefined);
    rmSync(dataRoot, { recursive: true, force: true });
  };
  try {
    for (const k of KIOSKS) {
      const base = demoConfig(join(dataRoot, k.id));
      const config = { ...base, server: { ...base.server, port: k.port }, kiosk: { id: k.id, name: k.name }, store: { driver: 'postgres', url } };
      agents.push(await startKioskAgent({ config, seedDemo: k.seed }));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const [a, b] = agents as [RunningAgent, RunningAgent];
  process.stdout.write(
    [
      '',
      'Trung tâm demo: hai ki-ốt, một hàng đợi (PostgreSQL tạm thời, xoá khi thoát).',
      'A demo centre: two kiosks on one queue (a throwaway PostgreSQL, removed on exit).',
      '',
      `  Ki-ốt sảnh A (kiosk A):      ${a.url}/`,
      `  Ki-ốt sảnh B (kiosk B):      ${b.url}/`,
      `  Quầy 1 (counter 1):          ${a.url}/counter/1   mã cán bộ / staff token: ${DEMO_STAFF_TOKEN}`,
      `  Màn hình sảnh (display):     ${b.url}/display`,
      `  Theo dõi số (phone):         the QR on each printed ticket`,
      `  Chế độ kỹ thuật (technician): PIN ${DEMO_TECHNICIAN_PIN}`,
      '',
      'Lấy số ở ki-ốt A, gọi số ở quầy qua ki-ốt B: màn hình sảnh của cả hai đều thấy. Ctrl-C để dừng.',
      'Take a ticket at kiosk A, call it from a counter opened on kiosk B: both lobby displays show it. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    void stop().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

void main();
