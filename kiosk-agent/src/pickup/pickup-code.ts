/**
 * Pickup codes: 6 random digits sent to the applicant, stored only as a hash and compared in constant time. The
 * code itself is never logged or audited.
 *
 * A 6-digit code has only 10⁶ values, so no hash cost alone makes it strong offline. The hash is therefore keyed:
 * scrypt over HMAC-SHA256(kiosk key, code), the key kept outside the database (config/secret-key.ts), so a copied
 * database is not enough to find a code. On the kiosk itself the protection is the slip + the lockouts. N = 4096
 * (~5 ms) keeps the citizen's tap-to-open path well inside its latency budget. Stored hashes carry their scheme and
 * N; hashes from before the key (`scrypt$…`) still verify until their dossier leaves the locker.
 */
import { createHmac, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 4096;
const KEYED = 'hscrypt';

export function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export class PickupCodeHasher {
  constructor(private readonly key: Buffer) {}

  private keyed(code: string): Buffer {
    return createHmac('sha256', this.key).update(code.trim()).digest();
  }

  hash(code: string): string {
    const salt = randomBytes(16);
    const hash = scryptSync(this.keyed(code), salt, 32, { N });
    return `${KEYED}$${N}$${salt.toString('base64')}$${hash.toString('base64')}`;
  }

  /** Whether `code` is the one `stored` was made from. A stored value that is not a well-formed hash never matches. */
  verify(code: string, stored: string): boolean {
    const [scheme, n, saltB64, hashB64, extra] = stored.split('$');
    if ((scheme !== KEYED && scheme !== 'scrypt') || !n || !saltB64 || !hashB64 || extra !== undefined) return false;
    const cost = Number(n);
    if (!Number.isInteger(cost) || cost < 1024 || cost > 16_384 || (cost & (cost - 1)) !== 0) return false;
    const expected = Buffer.from(hashB64, 'base64');
    const salt = Buffer.from(saltB64, 'base64');
    // An empty or short hash would compare equal to an equally empty result: only full-length hashes count.
    if (expected.length !== 32 || salt.length < 16) return false;
    const input = scheme === KEYED ? this.keyed(code) : code.trim();
    try {
      return timingSafeEqual(scryptSync(input, salt, 32, { N: cost }), expected);
    } catch {
      return false;
    }
  }
}
