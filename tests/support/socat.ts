/** A virtual serial cable: two ptys joined by socat (Debian package, installed by scripts/install-test-deps.sh). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface PtyPair {
  a: string;
  b: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function ptyPair(a: string, b: string): PtyPair {
  let child: ChildProcess | undefined;
  return {
    a,
    b,
    async start() {
      child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
      const deadline = Date.now() + 5000;
      while (!(existsSync(a) && existsSync(b))) {
        if (Date.now() > deadline) throw new Error('socat did not create the pty pair (is socat installed?)');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      const c = child;
      child = undefined;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `predicate` (which may be async) every 10 ms until it holds; returns the time it took. */
export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}
