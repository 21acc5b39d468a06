/**
 * Pickup codes: 6 random digits sent to the applicant, stored only as a salted scrypt hash and compared in
 * constant time. The code itself is never logged or audited.
 */
import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

// A 6-digit code has only 10^6 values, so no hash cost makes it strong offline: its real protection is the
// slip + 5-attempt lockout. The hash keeps it from being read off a copied database at a glance; N = 4096
// (~5 ms) keeps the citizen's tap-to-open path well inside its latency budget. Stored hashes carry their N.
const N = 4096;

export function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashPickupCode(code: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(code, salt, 32, { N });
  return `scrypt$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPickupCode(code: string, stored: string): boolean {
  const [scheme, n, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = scryptSync(code.trim(), Buffer.from(saltB64, 'base64'), expected.length, { N: Number(n) });
  return timingSafeEqual(actual, expected);
}
