/**
 * The technician PIN is kept only as a scrypt hash in the site config (`technician.pinHash`), made by
 * `npm run hash-pin -- <pin>`. Unlike a citizen's pickup code this hash may be copied off a kiosk together with
 * its config, so it costs a real scrypt (N = 2^15, about 60–90 ms here): the lockout protects the kiosk, the cost
 * protects a copied file. The format carries its parameters: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`.
 */
import { hashSecret, parseSecretHash, verifySecret } from '../core/scrypt-secret';

/** Digits only, 6 to 12 of them: typed on the kiosk's keypad, and not a 4-digit PIN anyone tries first. */
export const PIN_PATTERN = /^\d{6,12}$/;

export async function hashTechnicianPin(pin: string): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A technician PIN is 6 to 12 digits.');
  return hashSecret(pin);
}

/** The stored hash's parts, or a reason it is not one (for the config validator). */
export function parsePinHash(stored: string): ReturnType<typeof parseSecretHash> {
  const parsed = parseSecretHash(stored);
  return typeof parsed === 'string' && parsed.startsWith('not a scrypt hash') ? 'not a hash made by `npm run hash-pin -- <pin>` (scrypt$N$r$p$salt$hash)' : parsed;
}

export function verifyTechnicianPin(pin: string, stored: string): Promise<boolean> {
  return verifySecret(pin, stored);
}
