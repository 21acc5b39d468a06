/**
 * The payment webhook's authentication: the bank or intermediary signs the exact bytes it sends with the shared
 * secret (`payments.webhookSecret`), `x-signature` = hex HMAC-SHA256 of the raw body. Checked on the raw bytes,
 * before any JSON parsing (a re-serialised body would not match), in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signBody(secret: string, raw: Buffer | string): string {
  return createHmac('sha256', secret).update(raw).digest('hex');
}

/** Whether `header` is the body's signature. A `sha256=` prefix (GitHub-style senders) and upper-case hex are accepted. */
export function signatureMatches(secret: string, raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const given = header.trim().replace(/^sha256=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(signBody(secret, raw), 'hex'));
}
