/**
 * The folder that holds the kiosk's package.json: the repository on a dev checkout, a release's folder on a kiosk
 * (/opt/motcua-kiosk/releases/<version>). Files shipped beside the code (the built UI in dist/ui, the ticket font)
 * are found from here, because this module runs from two depths: kiosk-agent/src/core/ through tsx, and a chunk
 * under dist/agent/ after `npm run build` bundles it, so a fixed '../../..' would be right in only one of them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function packageRoot(): string {
  if (found !== undefined) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  found = dir;
  return dir;
}
