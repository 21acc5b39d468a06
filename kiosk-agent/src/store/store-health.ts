/**
 * Whether the store takes writes. A disk that fills or goes read-only while the agent runs must not kill it: reads
 * keep working, writes answer 503 STORE_UNAVAILABLE, and /api/health says what is wrong and what to do. Errors are
 * reported here by the error mapper and the background loops; a write probe every few seconds notices by itself
 * when the store is writable again (or stops being so while nobody writes).
 */
import type { StoreHealth } from '../../../shared/api-schemas';
import { storeAdvice } from '../i18n/store-text';

/** A store-level failure (not a bug): SQLite's I/O, full, read-only and busy codes, and the same from the file system. */
export function storeErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (/^SQLITE_(READONLY|FULL|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/.test(code)) return code;
  if (['ENOSPC', 'EROFS', 'EIO', 'EDQUOT'].includes(code)) return code;
  return undefined;
}

export class StoreHealthWatch {
  private current: StoreHealth = { state: 'ready' };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** Writes something small in its own transaction; throws what the store throws. */
    private readonly probeWrite: () => void,
    private readonly log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  ) {}

  /** Records a store failure seen anywhere; returns whether it was one. */
  report(err: unknown): boolean {
    const code = storeErrorCode(err);
    if (!code) return false;
    const lastError = `${code}: ${(err as Error).message}`.slice(0, 300);
    if (this.current.state !== 'error' || this.current.lastError !== lastError) {
      this.log.warn({ code, err: (err as Error).message }, 'store cannot be written');
    }
    this.current = { state: 'error', lastError, advice: storeAdvice(code) };
    return true;
  }

  /** Tries a write now; the state follows the outcome. Unexpected errors are rethrown. */
  probe(): StoreHealth {
    try {
      this.probeWrite();
      if (this.current.state === 'error') this.log.info({}, 'store writable again');
      this.current = { state: 'ready' };
    } catch (err) {
      if (!this.report(err)) throw err;
    }
    return this.current;
  }

  health(): StoreHealth {
    return this.current;
  }

  start(everyMs: number): () => void {
    this.timer = setInterval(() => {
      try {
        this.probe();
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'store probe failed');
      }
    }, everyMs);
    this.timer.unref();
    return () => clearInterval(this.timer);
  }
}
