/** One pino logger for the agent; modules take a child with their namespace (`{ module: 'printer' }`). */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'kiosk-agent' }, timestamp: pino.stdTimeFunctions.isoTime });
}
