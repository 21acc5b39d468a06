/**
 * The kiosk's secret key: 32 random bytes in a file of its own (hex, mode 0600), created at first start. Pickup-code
 * hashes are keyed with it, so a copied `kiosk.sqlite` alone does not give the codes away even though a 6-digit
 * code has only 10⁶ values. By default it lives beside the data folder (`<dataDir>.key`), not in it, so copying
 * the data folder does not copy the key; a backup must take both (README "Security and privacy").
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export function defaultKeyFile(dataDir: string): string {
  return `${resolve(dataDir).replace(/[\\/]+$/, '')}.key`;
}

function parse(text: string, path: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new SecretKeyError(`${path}: not a kiosk key (64 hex digits expected). Restore it from the backup; a new key voids every pickup code in the lockers.`);
  return Buffer.from(hex, 'hex');
}

export function loadOrCreateSecretKey(path: string): Buffer {
  try {
    return parse(readFileSync(path, 'utf8'), path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (err instanceof SecretKeyError) throw err;
      throw new SecretKeyError(`${path}: cannot read the kiosk key (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another agent on the same folder made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new SecretKeyError(`${path}: cannot create the kiosk key (${(err as NodeJS.ErrnoException).code ?? String(err)}); check that the folder is writable`);
    }
  }
  return parse(readFileSync(path, 'utf8'), path);
}
