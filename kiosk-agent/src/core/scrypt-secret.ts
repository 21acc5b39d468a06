/**
 * Secrets kept only as a scrypt hash (a technician PIN, an officer's password): a real cost (N = 2^15, about
 * 60–90 ms here), so a copied config or database does not give them away. The format carries its parameters:
 * `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 32_768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N = 2^15, r = 8. */
const MAX_MEMORY = 64 * 1024 * 1024;

const scrypt = (secret: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(secret, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export interface ParsedSecretHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** The stored hash's parts, or a reason it is not one. */
export function parseSecretHash(stored: string): ParsedSecretHash | string {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'not a scrypt hash (scrypt$N$r$p$salt$hash)';
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!Number.isInteger(n) || n < 16_384 || (n & (n - 1)) !== 0) return 'scrypt N must be a power of two, at least 16384';
  if (!Number.isInteger(r) || r < 8 || !Number.isInteger(p) || p < 1) return 'scrypt r must be at least 8 and p at least 1';
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 16 || hash.length < 32) return 'salt or hash too short';
  return { N: n, r, p, salt, hash };
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseSecretHash(stored);
  if (typeof parsed === 'string') return false;
  const actual = await scrypt(secret, parsed.salt, parsed.hash.length, { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: 256 * parsed.N * parsed.r });
  return timingSafeEqual(actual, parsed.hash);
}
