/**
 * The data folder fails under a running agent (the real CLI, a child process): the process must not exit. Reads still
 * answer, writes answer 503 STORE_UNAVAILABLE, /api/health says what is wrong in Vietnamese, and the background loops
 * (outbox, overdue reminders) keep failing quietly until the store takes writes again.
 *
 * Read-only: Linux refuses `mount -o remount,ro` (EBUSY) while a process holds a file open for writing, as SQLite
 * does. A disk turns read-only under a running program only when the file system hits an error: here an ext4 image
 * mounted with errors=remount-ro and an error triggered through sysfs. Its files then refuse writes (EROFS; SQLite
 * reports SQLITE_IOERR_WRITE) and keep answering reads. That state lasts until the file system is unmounted and
 * checked, so recovery is: stop the agent (exit 0), fsck, mount, start again. Full disk: a 3 MB tmpfs filled
 * until ENOSPC; deleting the filler is enough, the agent recovers by itself (its write probe runs every 10 s).
 * Needs root (mount, loop devices).
 */
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { openStore } from '../../kiosk-agent/src/store/sqlite';
import type { ErrorBody, FullHealth, IssuedTicket } from '../../shared/api-schemas';
import { spawnAgent, type AgentProcess } from '../support/agent-process';
import { getJson, postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const DAY = 24 * 3_600_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe' });

/** Polls (every 200 ms) until `check` resolves truthy; returns its value. */
async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

const health = async (url: string): Promise<FullHealth> => (await getJson<FullHealth>(`${url}/api/health`)).body;
/** Whether the outbox row for this dossier is marked done (delivered or expired). */
function outboxDone(dataDir: string, dossierCode: string): boolean {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT done_at_ms AS done FROM outbox WHERE payload LIKE ?').get(`%${dossierCode}%`) as { done: number | null } | undefined;
    return typeof row?.done === 'number';
  } finally {
    db.close();
  }
}
const issue = (url: string) => postJson<IssuedTicket & ErrorBody>(`${url}/api/tickets`, { serviceId: 'tu-phap' });

describe('a data folder that fails while the agent runs', () => {
  const dir = tempDir('motcua-faults-');
  const mounts: string[] = [];
  const agents: AgentProcess[] = [];
  const received: { to: string; text: string; reference: string }[] = [];
  let gateway: Server;
  let gatewayUrl = '';

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as { to: string; text: string; reference: string });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms`;
  });

  afterAll(async () => {
    // Agents first (they hold files in the mounts), then the mounts, then the folder.
    for (const a of agents) {
      if (a.child.exitCode === null && a.child.signalCode === null) {
        a.child.kill('SIGKILL');
        await a.exited;
      }
    }
    for (const m of mounts.reverse()) spawnSync('umount', [m]);
    await new Promise<void>((r) => gateway.close(() => r()));
    dir.cleanup();
  });

  /** A site config on `dataDir`; the key file lives outside the mount. */
  const start = (name: string, dataDir: string): AgentProcess => {
    const base = testConfig(dataDir);
    const config: SiteConfigInput = {
      ...base,
      secrets: { keyFile: join(dir.path, `${name}.key`) },
      locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }] },
      notifier: { driver: 'webhook', url: gatewayUrl },
      outbox: { pollMs: 100, minBackoffMs: 100 },
      pickup: { ...base.pickup, overdueDays: 1, reminderCheckMs: 1000 },
      logLevel: 'info',
    };
    const file = join(dir.path, `${name}.json`);
    writeFileSync(file, JSON.stringify(config));
    const agent = spawnAgent(['--config', file]);
    agents.push(agent);
    return agent;
  };

  /**
   * Rows that make the background loops write a few seconds from now: an outbox message due in 3 s and a result
   * in a compartment that becomes overdue (one day) in 4 s. Written through a second connection, as a tool would.
   */
  const seedBackgroundWork = (dataDir: string, tag: string): { reminder: string; message: string } => {
    const now = Date.now();
    const reminder = `000.00.15.H29-251201-${tag}1`;
    const message = `000.00.15.H29-251201-${tag}2`;
    const db = new Database(join(dataDir, 'kiosk.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL'); // better-sqlite3's WAL default (NORMAL) would lose these rows with the disk
    db.prepare(
      `INSERT INTO dossiers (code, procedure, applicant_name, phone, due_date, status, locker_board, locker_lock, created_at_ms, updated_at_ms, deposited_at_ms)
       VALUES (?, 'Đăng ký khai sinh', 'Đinh Văn Khoa', '0977000111', '2026-12-05', 'in-locker', 0, 1, ?, ?, ?)`,
    ).run(reminder, now - DAY, now - DAY, now - DAY + 4_000);
    db.prepare(`INSERT INTO outbox (kind, payload, next_attempt_ms, created_at_ms) VALUES ('notify', ?, ?, ?)`).run(
      JSON.stringify({ to: '0912345678', text: 'x', dossierCode: message }),
      now + 3_000,
      now,
    );
    db.close();
    return { reminder, message };
  };

  /** What must hold while the store refuses writes, for ~6 s after the background work fell due. */
  const expectDegradedButAlive = async (agent: AgentProcess, url: string, ticketId: string, lastError: RegExp, advice: RegExp): Promise<void> => {
    const h = await eventually(async () => {
      const h = await health(url);
      return h.store.state === 'error' && h;
    }, 15_000, 'health to report the store');
    expect(h.status).toBe('degraded');
    expect(h.store.lastError).toMatch(lastError);
    expect(h.store.advice).toMatch(advice);

    for (let i = 0; i < 6; i++) {
      await sleep(1000);
      expect(agent.child.exitCode, agent.output()).toBeNull();
    }
    expect((await getJson(`${url}/api/services`)).status).toBe(200);
    expect((await getJson(`${url}/api/tickets/${ticketId}`)).status).toBe(200);
    const refused = await issue(url);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('STORE_UNAVAILABLE');
    expect(refused.body.error.message).toMatch(/không lưu được dữ liệu/);
    expect(JSON.stringify(refused.body)).not.toMatch(/\n\s+at |\.ts:\d+/);
    expect((await health(url)).store.state).toBe('error');
    expect(agent.child.exitCode).toBeNull();
    expect(agent.output()).not.toMatch(/unhandled|uncaught/i);
    expect(agent.output()).toContain('store cannot be written');
  };

  const stop = async (agent: AgentProcess): Promise<void> => {
    agent.child.kill('SIGTERM');
    const { code } = await agent.exited;
    expect(code, agent.output()).toBe(0);
    expect(agent.output()).not.toMatch(/unhandled|uncaught/i);
  };

  it('a disk that turns read-only: the agent keeps serving reads, refuses writes with 503, says so, and restarts cleanly', async () => {
    received.length = 0;
    const image = join(dir.path, 'ext4.img');
    const mnt = join(dir.path, 'ro-disk');
    mkdirSync(mnt);
    run('truncate', '-s', '16M', image);
    run('mkfs.ext4', '-q', '-F', image);
    run('mount', '-o', 'loop,errors=remount-ro', image, mnt);
    mounts.push(mnt);
    const loop = basename(run('findmnt', '-no', 'SOURCE', mnt).trim());
    const dataDir = join(mnt, 'data');
    openStore({ dataDir }).close();

    const agent = start('ro', dataDir);
    const url = await agent.url;
    const ticket = await issue(url);
    expect(ticket.status).toBe(201);
    expect((await health(url)).store.state).toBe('ready');

    const { reminder, message } = seedBackgroundWork(dataDir, 'R');
    writeFileSync(`/sys/fs/ext4/${loop}/trigger_fs_error`, 'store-faults test');
    expect(() => writeFileSync(join(dataDir, 'probe'), 'x')).toThrow(/EROFS/);
    expect(received).toHaveLength(0);

    // SQLite calls it an I/O error; the folder itself says read-only, and the advice follows the folder.
    await expectDegradedButAlive(agent, url, ticket.body.id, /SQLITE_IOERR\w* \(EROFS\)/, /chỉ đọc/);
    // The outbox claims a message (writes its attempt) before sending it: a store that cannot take that write sends
    // nothing, rather than the same SMS at every retry. The reminder could not even be queued.
    expect(received.filter((m) => m.reference === message)).toHaveLength(0);
    expect(received.filter((m) => m.reference === reminder)).toHaveLength(0);
    await stop(agent);

    // The technician's fix: unmount, check, mount again, start the kiosk.
    run('umount', mnt);
    mounts.pop();
    expect(spawnSync('e2fsck', ['-fy', image]).status).toBeLessThanOrEqual(1);
    run('mount', '-o', 'loop,errors=remount-ro', image, mnt);
    mounts.push(mnt);
    const again = start('ro', dataDir);
    const url2 = await again.url;
    expect(await health(url2)).toMatchObject({ status: 'ok', store: { state: 'ready' } });
    expect((await getJson(`${url2}/api/tickets/${ticket.body.id}`)).status).toBe(200);
    expect((await issue(url2)).status).toBe(201);
    await eventually(async () => received.some((m) => m.reference === reminder), 10_000, 'the overdue reminder');
    await eventually(async () => outboxDone(dataDir, message), 10_000, 'the outbox message to be marked delivered');
    expect(received.filter((m) => m.reference === message)).toHaveLength(1);
    await stop(again);
  }, 90_000);

  it('a disk that fills: the same, and the agent recovers by itself once space is freed', async () => {
    received.length = 0;
    const mnt = join(dir.path, 'small-disk');
    mkdirSync(mnt);
    run('mount', '-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt);
    mounts.push(mnt);
    const dataDir = join(mnt, 'data');
    openStore({ dataDir }).close();

    const agent = start('full', dataDir);
    const url = await agent.url;
    const ticket = await issue(url);
    expect(ticket.status).toBe(201);

    const { reminder, message } = seedBackgroundWork(dataDir, 'F');
    const filler = join(mnt, 'filler');
    const fd = openSync(filler, 'w');
    for (const size of [65_536, 4096, 1]) {
      try {
        for (;;) writeSync(fd, Buffer.alloc(size, 1));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
    closeSync(fd);
    expect(received).toHaveLength(0);

    await expectDegradedButAlive(agent, url, ticket.body.id, /SQLITE_FULL|ENOSPC/, /đầy/);
    // Sent at most once, however many times the worker tried meanwhile.
    expect(received.filter((m) => m.reference === message).length).toBeLessThanOrEqual(1);
    expect(received.filter((m) => m.reference === reminder)).toHaveLength(0);

    rmSync(filler);
    await eventually(async () => (await health(url)).store.state === 'ready', 15_000, 'the store to be ready again (probe every 10 s)');
    expect((await health(url)).status).toBe('ok');
    expect((await issue(url)).status).toBe(201);
    await eventually(async () => received.some((m) => m.reference === reminder), 10_000, 'the overdue reminder');
    // The store's recovery wakes the outbox worker from its backoff.
    await eventually(async () => outboxDone(dataDir, message), 10_000, 'the outbox message to be marked delivered');
    expect(received.filter((m) => m.reference === message)).toHaveLength(1);
    expect(agent.child.exitCode).toBeNull();
    await stop(agent);
  }, 90_000);
});
