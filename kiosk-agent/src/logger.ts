/**
 * One pino logger for the agent; modules take a child with their namespace (`{ module: 'printer' }`). Lines at
 * `info` and above also go to a ring buffer for the technician's log tail, whatever the console's level is.
 */
import pino, { type Logger } from 'pino';
import type { LogRing } from './diagnostics/log-ring';

export type { Logger };

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export function createLogger(level: string, ring?: LogRing): Logger {
  const options = { base: { app: 'kiosk-agent' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (!ring) return pino({ ...options, level });
  const streams: pino.StreamEntry[] = [{ level: 'info', stream: ring }];
  if (level !== 'silent') streams.push({ level: level as pino.Level, stream: pino.destination(1) });
  const lowest = level === 'silent' || LEVELS.indexOf(level as (typeof LEVELS)[number]) > LEVELS.indexOf('info') ? 'info' : level;
  return pino({ ...options, level: lowest }, pino.multistream(streams));
}
