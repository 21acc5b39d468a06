/**
 * A second host for tests, made of Linux network namespaces: two namespaces joined by a veth pair (createLan), the
 * agent's CLI started inside one of them (startAgentIn), and hosts that send requests and hold event sockets from
 * inside a namespace (LanHost: tests/support/lan-client.ts run with `ip netns exec`, driven over stdin). Needs root
 * and iproute2. Used by tests/integration/lan-second-host.test.ts.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SocketAuthResult } from '../../shared/ws-events';
import type { LanCommand, LanReply } from './lan-client';
import { waitUntil } from './socat';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLIENT = fileURLToPath(new URL('./lan-client.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../../kiosk-agent/src/main.ts', import.meta.url));
const run = promisify(execFile);

/** The names of one test process's LAN (its pid keeps parallel workers apart): namespaces, veths, subnet, port. */
export interface LanNames {
  nsA: string;
  nsB: string;
  vethA: string;
  vethB: string;
  /** The first three octets: A is .1, B is .2. */
  subnet: string;
  port: number;
  /** The agent's address as B sees it. */
  agentUrl: string;
}

export function lanNames(pid = process.pid): LanNames {
  const subnet = `10.231.${(pid % 250) + 1}`;
  const port = 18000 + (pid % 1000);
  return { nsA: `lanA-${pid}`, nsB: `lanB-${pid}`, vethA: `lan${pid}a`, vethB: `lan${pid}b`, subnet, port, agentUrl: `http://${subnet}.1:${port}` };
}

export type ErrorReply = { error: { code: string; message: string } };
/** A message one of the host's sockets received: its raw text, and its type and data parsed. */
export type Message = { socket: number; text: string; type: string; data: Record<string, unknown> };

/** One host: lan-client.ts inside a namespace, driven over stdin; its replies are kept in order. */
export class LanHost {
  readonly replies: LanReply[] = [];
  private readonly child: ChildProcess;
  private nextId = 1;
  private stderr = '';

  constructor(ns: string, agentUrl: string) {
    this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', CLIENT, agentUrl], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.replies.push(JSON.parse(line) as LanReply));
    this.child.stderr!.on('data', (c: Buffer) => (this.stderr += c.toString()));
  }

  private async answer(id: number, op: 'http' | 'ws', what: string): Promise<LanReply> {
    const find = () => this.replies.find((r) => r.op === op && r.id === id);
    await waitUntil(() => find() !== undefined, 15_000, what).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.stderr}`);
    });
    return find()!;
  }

  async http<T = ErrorReply>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const command: LanCommand = { op: 'http', id: this.nextId++, method, path, body, headers };
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    return (await this.answer(command.id, 'http', `${method} ${path}`)) as unknown as { status: number; body: T };
  }

  /** Opens a socket on /api/events; with `auth`, sends it after the upgrade and waits for `auth.result`. */
  async socket(headers: Record<string, string> = {}, auth?: Record<string, string>): Promise<EventSocket> {
    const command: LanCommand = { op: 'ws', id: this.nextId++, headers, ...(auth ? { auth: { type: 'auth', ...auth } } : {}) };
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    const socket = new EventSocket(this, command.id, (await this.answer(command.id, 'ws', 'socket')) as EventSocket['reply']);
    if (socket.reply.open && auth) await waitUntil(() => socket.has('auth.result'), 10_000, 'auth.result');
    return socket;
  }

  messages(): Message[] {
    return this.replies.flatMap((r) => {
      if (r.op !== 'message') return [];
      const parsed = JSON.parse(r.text) as { type: string; data?: Record<string, unknown> };
      return [{ socket: r.id, text: r.text, type: parsed.type, data: parsed.data ?? {} }];
    });
  }

  /** stdin closed: the client closes its sockets and exits (killed if it has not within 3 s). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

/** One socket of a host: how the agent answered the upgrade, and what it has received since. */
export class EventSocket {
  constructor(private readonly host: LanHost, readonly id: number, readonly reply: { open?: true; refused?: number }) {}
  messages = (): Message[] => this.host.messages().filter((m) => m.socket === this.id);
  has = (type: string): boolean => this.messages().some((m) => m.type === type);
  authResult = (): SocketAuthResult => JSON.parse(this.messages().find((m) => m.type === 'auth.result')!.text) as SocketAuthResult;
}

const ip = (...args: string[]) => run('ip', args);

export async function createLan(lan: LanNames): Promise<void> {
  try {
    await ip('netns', 'add', lan.nsA);
  } catch (err) {
    throw new Error(`this test needs root and iproute2 (it creates network namespaces): ip netns add failed: ${(err as Error).message.trim()}`);
  }
  await ip('netns', 'add', lan.nsB);
  await ip('link', 'add', lan.vethA, 'type', 'veth', 'peer', 'name', lan.vethB);
  await ip('link', 'set', lan.vethA, 'netns', lan.nsA);
  await ip('link', 'set', lan.vethB, 'netns', lan.nsB);
  await ip('-n', lan.nsA, 'addr', 'add', `${lan.subnet}.1/24`, 'dev', lan.vethA);
  await ip('-n', lan.nsB, 'addr', 'add', `${lan.subnet}.2/24`, 'dev', lan.vethB);
  for (const [ns, dev] of [[lan.nsA, lan.vethA], [lan.nsB, lan.vethB], [lan.nsA, 'lo'], [lan.nsB, 'lo']] as const) await ip('-n', ns, 'link', 'set', dev, 'up');
}

export async function deleteLan(lan: LanNames): Promise<void> {
  for (const args of [['netns', 'del', lan.nsA], ['netns', 'del', lan.nsB], ['link', 'del', lan.vethA]]) await ip(...args).catch(() => undefined);
}

/** The agent's CLI inside namespace A (`ip netns exec` execs into node, so the child is the agent itself). */
export function startAgentIn(ns: string, configFile: string): { child: ChildProcess; ready: Promise<string>; output: () => string } {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--import', 'tsx', MAIN, '--config', configFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Kiosk ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`agent exited (${code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`agent not ready after 20 s:\n${out}`)), 20_000).unref();
  });
  return { child, ready, output: () => out };
}

