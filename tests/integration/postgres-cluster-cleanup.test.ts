/**
 * No postmaster outlives the process that started it, however that process ends (scripts/throwaway-postgres-cleanup.ts):
 * each test runs tests/support/throwaway-postgres-child.ts as a process of its own, ends it, and looks for the
 * server and its folder afterwards. The last test runs it as a user other than root (the `postgres` user, through
 * runuser): there the binaries run as that user directly. The tests run concurrently: each is a process and a
 * cluster of its own, and most of their time is spent waiting for Node and initdb to start.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect, test } from 'vitest';
import type { ChildCluster } from '../support/throwaway-postgres-child';
import { waitUntil } from '../support/socat';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../support/throwaway-postgres-child.ts', import.meta.url));

interface Started {
  child: ChildProcess;
  cluster: ChildCluster;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the child (through `runAs` when given, e.g. runuser) and waits for the line that says where its cluster is. */
function startChild(mode: 'wait' | 'crash', runAs: string[] = []): Promise<Started> {
  const command = [...runAs, process.execPath, '--import', 'tsx', CHILD, mode];
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, cluster: JSON.parse(line) as ChildCluster, exited });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then(({ code, signal }) => reject(new Error(`the child ended (${code ?? signal}) before its cluster was up:\n${out}`)));
  });
}

/** Whether a process runs: a zombie (ended, not yet reaped by its new parent) counts as ended. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function processUid(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'));
  return Number.parseInt(line!.split(/\s+/)[1]!, 10);
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

test.concurrent('a process ended by SIGTERM (as Vitest ends a worker) stops its server and removes its folder before it exits', async () => {
  const { child, cluster, exited } = await startChild('wait');
  expect(running(cluster.postmasterPid)).toBe(true);
  expect(await answers(cluster.url)).toBe(true);

  child.kill('SIGTERM');

  // The handler stops the server, then lets SIGTERM end the process as it would have.
  expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
  expect(running(cluster.postmasterPid)).toBe(false);
  expect(existsSync(cluster.dir)).toBe(false);
  expect(await answers(cluster.url)).toBe(false);
});

test.concurrent('a process that crashes (an uncaught error) stops its server on the way out', async () => {
  const { cluster, exited } = await startChild('crash');

  expect((await exited).code).toBe(1);
  expect(running(cluster.postmasterPid)).toBe(false);
  expect(existsSync(cluster.dir)).toBe(false);
});

test.concurrent('a process killed with SIGKILL runs no handler: its watchdog stops the server within seconds', async () => {
  const { child, cluster, exited } = await startChild('wait');

  child.kill('SIGKILL');
  await exited;

  const ms = await waitUntil(() => !running(cluster.postmasterPid) && !existsSync(cluster.dir), 10_000, 'the watchdog to stop the server');
  expect(ms).toBeLessThan(10_000);
  expect(await answers(cluster.url)).toBe(false);
});

test.concurrent('not as root (the postgres user): the binaries run as that user, without runuser, and the folder is its own', async () => {
  expect(process.getuid?.(), 'this suite runs as root; the child is started as another user through runuser').toBe(0);
  const postgresUid = Number.parseInt(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }), 10);
  const { child, cluster, exited } = await startChild('wait', ['runuser', '-u', 'postgres', '--']);

  expect(cluster.uid).toBe(postgresUid);
  expect(processUid(cluster.postmasterPid)).toBe(postgresUid);
  expect(statSync(cluster.dir).uid).toBe(postgresUid);
  expect(await answers(cluster.url)).toBe(true);

  child.kill('SIGTERM'); // runuser passes it on to the child
  await exited;
  await waitUntil(() => !running(cluster.postmasterPid) && !existsSync(cluster.dir), 10_000, 'the non-root child to stop its server');
});
