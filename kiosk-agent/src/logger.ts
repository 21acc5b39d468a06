/**
 * One pino logger for the agent; modules take a child with their namespace (`{ module: 'printer' }`). Lines at
 * `info` and above also go to a ring buffer for the technician's log tail, whatever the console's level is.
 *
 * Personal data never reaches a log: fields that hold a phone, a pickup code, a token, a PIN or a raw slip are
 * redacted by name wherever they appear (two levels deep), phones masked to their first and last two digits. Code
 * that means to log a person's number logs it masked under another name (`toMasked`).
 */
import pino, { type Logger } from 'pino';
import { maskPhone } from './pickup/masking';

export type { Logger };

export interface LogSink {
  write(line: string): void;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

const SECRET_FIELDS = ['pickupCode', 'pin', 'token', 'staffToken', 'kioskToken', 'authorization', 'password', 'text', 'rawHex', 'code'];
const PHONE_FIELDS = ['phone', 'to'];
const paths = (names: string[]) => names.flatMap((n) => [n, `*.${n}`, `*.*.${n}`]);

/**
 * Error codes are logged under `code` by some modules (`PRINTER_TIMEOUT`); slip codes never are (they name a
 * `dossier`). A value that looks like an error code is kept; anything else under `code` is redacted.
 */
function censor(value: unknown, path: string[]): unknown {
  const field = path[path.length - 1] ?? '';
  if (PHONE_FIELDS.includes(field)) return typeof value === 'string' ? maskPhone(value) : '[redacted]';
  if (field === 'code' && typeof value === 'string' && /^[A-Z][A-Z0-9_]{2,40}$/.test(value)) return value;
  if (field === 'rawHex' && typeof value === 'string') return `[${value.length / 2} bytes]`;
  return '[redacted]';
}

export const LOG_REDACTION = { paths: [...paths(SECRET_FIELDS), ...paths(PHONE_FIELDS)], censor };

export function createLogger(level: string, ring?: LogSink, destination?: LogSink): Logger {
  const options = { base: { app: 'kiosk-agent' }, timestamp: pino.stdTimeFunctions.isoTime, redact: LOG_REDACTION };
  if (!ring) return destination ? pino({ ...options, level }, destination) : pino({ ...options, level });
  const streams: pino.StreamEntry[] = [{ level: 'info', stream: ring }];
  if (level !== 'silent') streams.push({ level: level as pino.Level, stream: destination ?? pino.destination(1) });
  const lowest = level === 'silent' || LEVELS.indexOf(level as (typeof LEVELS)[number]) > LEVELS.indexOf('info') ? 'info' : level;
  return pino({ ...options, level: lowest }, pino.multistream(streams));
}
