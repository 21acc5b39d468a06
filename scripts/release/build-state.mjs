// When the build in dist/ is older than the sources (plain JS: scripts/start.mjs runs where there is no tsx).
// The build writes dist/.build-stamp last; any source file newer than it, or no stamp, means "build again".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const STAMP = join(ROOT, 'dist/.build-stamp');

// What the build reads. kiosk-ui/public/voice is written by the build itself (make-voice-clips), so it is skipped.
const SOURCE_DIRS = ['kiosk-agent/src', 'kiosk-agent/assets', 'shared', 'kiosk-ui', 'scripts'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];
const SKIP = new Set([join(ROOT, 'kiosk-ui/public/voice'), join(ROOT, 'kiosk-ui/node_modules')]);

function newest(path) {
  if (SKIP.has(path) || !existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/** True when this folder has the sources (a dev checkout); a release has only dist/. */
export function hasSources() {
  return existsSync(join(ROOT, 'kiosk-agent/src/main.ts'));
}

/** 'fresh', 'missing' (no build) or 'stale' (a source changed since). */
export function buildState() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist/agent/main.js'))) return 'missing';
  if (!hasSources()) return 'fresh';
  const stamp = statSync(STAMP).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newest(join(ROOT, d))), ...SOURCE_FILES.map((f) => newest(join(ROOT, f))));
  return sources > stamp ? 'stale' : 'fresh';
}
