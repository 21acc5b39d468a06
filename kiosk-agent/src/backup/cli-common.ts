/**
 * What the backup and restore commands share: `--config FILE` read as the agent reads it (paths relative to the file),
 * and one line on standard error with an exit code for anything that goes wrong (2: the command or the config;
 * 1: the backup or restore itself), never a stack trace.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadSiteConfigFile } from '../config/load-config';
import type { SiteConfig } from '../config/site-config-schema';
import { BackupError, reason } from './backup-errors';

export function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The config and the positional arguments, or exit 2 with the usage. */
export function readCommandLine(usage: string, positionals: number): { config: SiteConfig; args: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ options: { config: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    fail(`${reason(err)}\n${usage}`, 2);
  }
  const file = parsed.values.config ?? process.env.KIOSK_CONFIG;
  if (!file || parsed.positionals.length !== positionals) fail(usage, 2);
  try {
    return { config: loadSiteConfigFile(file), args: parsed.positionals };
  } catch (err) {
    if (err instanceof ConfigError) fail(`${file}: cấu hình không hợp lệ / invalid site config\n${err.problems.join('\n')}`, 2);
    throw err;
  }
}

/** Runs the command; its failures become one line and their exit code. */
export function runCommand(body: () => Promise<void>): void {
  body().catch((err: unknown) => {
    if (err instanceof BackupError) fail(err.message, err.exitCode);
    fail(`Lỗi / error: ${reason(err)}`, 1);
  });
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 2 : 0)} MB`;
}
