/**
 * A process that starts a throwaway cluster, says where it is and then ends the way the test asks, so that
 * tests/integration/postgres-cluster-cleanup.test.ts can check that no postmaster outlives it:
 *
 *   node --import tsx tests/support/throwaway-postgres-child.ts [wait|crash]
 *
 * One JSON line on stdout: { url, dir, postmasterPid, uid }. `wait` (the default) then waits to be killed; `crash`
 * throws an uncaught error right away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startThrowawayPostgres } from '../../scripts/throwaway-postgres';

export interface ChildCluster {
  url: string;
  dir: string;
  postmasterPid: number;
  uid: number | undefined;
}

const mode = process.argv[2] ?? 'wait';
const cluster = await startThrowawayPostgres({ fsync: false });
// postmaster.pid's first line is the server's pid.
const postmasterPid = Number.parseInt(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8'), 10);
const said: ChildCluster = { url: cluster.url(), dir: cluster.dir, postmasterPid, uid: process.getuid?.() };
process.stdout.write(`${JSON.stringify(said)}\n`);
if (mode === 'crash') throw new Error('a test run that crashes with its cluster running');
setInterval(() => undefined, 60_000);
