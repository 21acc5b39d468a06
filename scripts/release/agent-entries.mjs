// The agent and the CLIs a site runs, read from package.json's scripts: a runtime script named here that runs
// `tsx <file>.ts` becomes dist/agent/<file>.js, and the release's package.json runs that instead
// (scripts/release/make-release.mjs). A CLI added later (the backup and restore commands) only needs its name here.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from './build-state.mjs';

export const RUNTIME_SCRIPTS = ['start:agent', 'ports', 'staff', 'store:copy', 'hash-pin', 'backup', 'restore', 'catalogue:import'];

/** `[{ script, source, name }]`: `name` is the bundle's file name in dist/agent without `.js`. */
export function agentEntries() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const entries = [];
  for (const script of RUNTIME_SCRIPTS) {
    const m = /^tsx (\S+)\.ts$/.exec(scripts[script] ?? '');
    if (!m) continue; // not there (yet), or not a plain `tsx file.ts`
    entries.push({ script, source: `${m[1]}.ts`, name: basename(m[1]) });
  }
  const names = entries.map((e) => e.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`two runtime CLIs would both be dist/agent/${twice}.js: rename one`);
  return entries;
}
