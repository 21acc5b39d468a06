/**
 * The technician PIN is kept only as a scrypt hash in the site config (`technician.pinHash`), made by
 * `npm run hash-pin -- <pin>`. Unlike a citizen's pickup code this hash may be copied off a kiosk together with
 * its config, so it costs a real scrypt (N = 2^15, about 60–90 ms here): the lockout protects the kiosk, the cost
 * protects a copied file. The format carries its parameters: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 32_768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N = 2^15, r = 8. */
const MAX_MEMORY = 64 * 1024 * 1024;

/** Digits only, 6 to 12 of them: typed on the kiosk's keypad, and not a 4-digit PIN anyone tries first. */
export const PIN_PATTERN = /^\d{6,12}$/;

const scrypt = (pin: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pin, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashTechnicianPin(pin: string): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A technician PIN is 6 to 12 digits.');
  const salt = randomBytes(16);
  const hash = await scrypt(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** The stored hash's parts, or a reason it is not one (for the config validator). */
export function parsePinHash(stored: string): ParsedHash | string {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'not a hash made by `npm run hash-pin -- <pin>` (scrypt$N$r$p$salt$hash)';
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!Number.isInteger(n) || n < 16_384 || (n & (n - 1)) !== 0) return 'scrypt N must be a power of two, at least 16384';
  if (!Number.isInteger(r) || r < 8 || !Number.isInteger(p) || p < 1) return 'scrypt r must be at least 8 and p at least 1';
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 16 || hash.length < 32) return 'salt or hash too short';
  return { N: n, r, p, salt, hash };
}

export async function verifyTechnicianPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (typeof parsed === 'string') return false;
  const actual = await scrypt(pin, parsed.salt, parsed.hash.length, { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: 256 * parsed.N * parsed.r });
  return timingSafeEqual(actual, parsed.hash);
}
