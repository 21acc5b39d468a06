/**
 * Whether the store takes writes. A disk that fills or goes read-only while the agent runs must not kill it: reads
 * keep working, writes answer 503 STORE_UNAVAILABLE, and /api/health says what is wrong and what to do. Errors are
 * reported here by the error mapper and the background loops; a write probe every few seconds notices by itself
 * when the store is writable again (or stops being so while nobody writes).
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreHealth } from '../../../shared/api-schemas';
import { storeAdvice } from '../i18n/store-text';

/**
 * A store-level failure (not a bug): SQLite's I/O, full, read-only and busy codes, the same from the file system,
 * and PostgreSQL that cannot be reached (PG_UNAVAILABLE, postgres-store.ts) or refuses writes (25006 read-only).
 */
export function storeErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'PG_UNAVAILABLE' || code === '25006') return code;
  if (/^SQLITE_(READONLY|FULL|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/.test(code)) return code;
  if (['ENOSPC', 'EROFS', 'EIO', 'EDQUOT'].includes(code)) return code;
  return undefined;
}

export class StoreHealthWatch {
  private current: StoreHealth = { state: 'ready' };
  private timer: NodeJS.Timeout | undefined;
  private readonly recovered = new Set<() => void>();

  constructor(
    /** Writes something small in its own transaction; rejects with what the store throws. */
    private readonly probeWrite: () => Promise<void>,
    private readonly log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
    /**
     * The file system's own word on the data folder (EROFS, ENOSPC…), or undefined when a file can be made there.
     * SQLite reports a disk remounted read-only under it as a plain I/O error; the technician needs the real cause.
     */
    private readonly folderProblem: () => string | undefined = () => undefined,
  ) {}

  /** Records a store failure seen anywhere; returns whether it was one. */
  report(err: unknown): boolean {
    const code = storeErrorCode(err);
    if (!code) return false;
    const cause = code.startsWith('SQLITE_IOERR') ? this.folderProblem() : undefined;
    const lastError = `${code}${cause ? ` (${cause})` : ''}: ${(err as Error).message}`.slice(0, 300);
    if (this.current.state !== 'error' || this.current.lastError !== lastError) {
      this.log.warn({ code, cause, err: (err as Error).message }, 'store cannot be written');
    }
    this.current = { state: 'error', lastError, advice: storeAdvice(cause ?? code) };
    return true;
  }

  /** Tries a write now; the state follows the outcome. Unexpected errors are rethrown. */
  async probe(): Promise<StoreHealth> {
    try {
      await this.probeWrite();
      const wasDown = this.current.state === 'error';
      this.current = { state: 'ready' };
      if (wasDown) {
        this.log.info({}, 'store writable again');
        for (const fn of this.recovered) fn();
      }
    } catch (err) {
      if (!this.report(err)) throw err;
    }
    return this.current;
  }

  /** Called when the store takes writes again (background work that backed off can go on now). */
  onRecovered(fn: () => void): () => void {
    this.recovered.add(fn);
    return () => this.recovered.delete(fn);
  }

  health(): StoreHealth {
    return this.current;
  }

  start(everyMs: number): () => void {
    this.timer = setInterval(() => {
      this.probe().catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'store probe failed'));
    }, everyMs);
    this.timer.unref();
    return () => clearInterval(this.timer);
  }
}

/** Tries to make (and remove) a small file in `dir`; returns the error code when that fails. */
export function folderWriteProblem(dir: string): string | undefined {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'EIO';
  }
}
