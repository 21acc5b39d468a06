/** Runs the real CLI (`kiosk-agent/src/main.ts` through tsx) as a child process, as `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../kiosk-agent/src/main.ts', import.meta.url));

export interface AgentProcess {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** `nodeFlags`: Node's own options before the script (the production set: scripts/release/agent-node-flags.json). */
export function spawnAgent(args: string[], env: Record<string, string> = {}, nodeFlags: readonly string[] = []): AgentProcess {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /Kiosk ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`agent exited (${code}) before it was ready:\n${out}`)));
  });
  url.catch(() => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, url, exited, output: () => out };
}
