/** Reads and validates a site config file; every problem becomes one human-readable line. */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { DEMO_WEBHOOK_SECRET } from './demo-config';
import { SiteConfigSchema, type SiteConfig } from './site-config-schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid site config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The installed example (deploy/debian/install.sh writes /etc/motcua-kiosk/site.json with `"_example"`): the agent
 * refuses it with one line until a technician has edited it for the centre and deleted the marker.
 */
export class UneditedConfigError extends Error {
  constructor(file: string) {
    super(`${file}: still the installed example ("_example"): edit it for this centre (README "Installing at a centre"), then delete the "_example" line`);
    this.name = 'UneditedConfigError';
  }
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
    if (issue.code === 'unrecognized_keys') return `${path}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${path}: ${issue.message}`;
  });
}

export function parseSiteConfig(raw: unknown): SiteConfig {
  const result = SiteConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(formatIssues(result.error.issues));
  return result.data;
}

/** Loads a JSON config file. Relative paths (`dataDir`, `server.tls`, `secrets.keyFile`, `backup.dir`) are resolved against the config file's folder. */
export function loadSiteConfigFile(file: string, overrides: { port?: number; dataDir?: string } = {}): SiteConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError([`${file}: not valid JSON (${(err as Error).message})`]);
  }
  if (raw !== null && typeof raw === 'object' && '_example' in raw) throw new UneditedConfigError(file);
  const config = parseSiteConfig(raw);
  // The demo's secret is in the README: a centre that copied it would take payments anyone can sign.
  if (config.payments?.webhookSecret === DEMO_WEBHOOK_SECRET) {
    throw new ConfigError([`${file}: payments.webhookSecret is the demo's published secret: choose one of your own (e.g. openssl rand -hex 24) and give it to the bank`]);
  }
  // Paths in the file are relative to the file, wherever the agent is started from.
  const here = (p: string): string => (isAbsolute(p) ? p : resolve(dirname(file), p));
  const { tls } = config.server;
  return applyOverrides(
    {
      ...config,
      dataDir: here(config.dataDir),
      server: { ...config.server, ...(tls ? { tls: { cert: here(tls.cert), key: here(tls.key) } } : {}) },
      secrets: { ...config.secrets, ...(config.secrets.keyFile ? { keyFile: here(config.secrets.keyFile) } : {}) },
      ...(config.backup ? { backup: { ...config.backup, dir: here(config.backup.dir) } } : {}),
    },
    overrides,
  );
}

export function applyOverrides(config: SiteConfig, overrides: { port?: number; dataDir?: string }): SiteConfig {
  return {
    ...config,
    server: { ...config.server, ...(overrides.port !== undefined ? { port: overrides.port } : {}) },
    dataDir: overrides.dataDir !== undefined ? resolve(overrides.dataDir) : config.dataDir,
  };
}
