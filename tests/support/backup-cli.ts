/**
 * The backup and restore commands as a technician runs them (`npm run backup`, `npm run restore`): a child process
 * through tsx, asynchronously so an agent running in the test's own process keeps serving meanwhile.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BACKUP_DIR = fileURLToPath(new URL('../../kiosk-agent/src/backup/', import.meta.url));

export interface CliResult {
  code: number | null;
  /** Standard output and standard error together, as a terminal shows them. */
  out: string;
}

export function runBackupCli(command: 'backup' | 'restore', args: readonly string[]): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(BACKUP_DIR, `${command}-cli.ts`), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

/** Writes a site config file (the commands read one, as the agent does) and returns its path. */
export function writeSiteFile(dir: string, config: object, name = 'site.json'): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
