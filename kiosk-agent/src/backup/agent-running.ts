/**
 * Is the kiosk's agent running? A restore must only replace a store nobody has open: an agent writing on would lose
 * the restored rows, or keep writing into the old file. Two checks, because each alone can be fooled:
 *
 * - The store itself, which is what matters and cannot go stale (a pid or lock file survives a crash; these locks
 *   die with their process): for SQLite, switching the file out of WAL mode needs every other connection gone
 *   (SQLITE_BUSY otherwise) — an agent, `npm run staff`, a DB browser — and the connection that did it then keeps an
 *   exclusive lock, so nothing can open the store until the restore is done. For PostgreSQL, any session of an agent
 *   of the centre (application_name motcua-kiosk, as store/postgres/postgres-store.ts connects) on the database.
 * - The agent's HTTP port from the config answering `/api/health`: catches an agent whose store could not be checked
 *   (a damaged file cannot be opened to ask).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type pg from 'pg';
import type { SiteConfig } from '../config/site-config-schema';
import type { Db } from '../store/sqlite';
import { BackupError, reason } from './backup-errors';

const RUNNING_ADVICE = 'Dừng ki-ốt trước (sudo systemctl stop motcua-kiosk) rồi chạy lại lệnh khôi phục / stop the agent first, then run the restore again';

/** The agent's own address from the config (a wildcard host is asked on loopback), or undefined when it has none. */
function healthUrl(config: Pick<SiteConfig, 'server'>): string | undefined {
  const { host, port, tls } = config.server;
  if (port === 0) return undefined; // a random port: nothing to ask
  const h = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${h}:${port}/api/health`;
}

/** Refuses (exit 1) when something answers HTTP on the agent's configured port. */
export async function refuseIfAgentAnswers(config: Pick<SiteConfig, 'server'>): Promise<void> {
  const url = healthUrl(config);
  if (!url) return;
  const answered = await new Promise<boolean>((resolve) => {
    const request = url.startsWith('https') ? httpsRequest : httpRequest;
    // Any answer at all (even 421 for a Host it does not know) means something listens there.
    const req = request(url, { timeout: 1500, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
  if (answered) throw new BackupError(`Ki-ốt đang chạy (${url} trả lời) / the agent is running (${url} answers). ${RUNNING_ADVICE}`);
}

export interface HeldSqliteStore {
  /** Why the store could not be checked (a damaged file), when it could not; the HTTP check is then all there is. */
  unreadable?: string;
  release(): void;
}

/** Takes the SQLite store for the restore, or refuses (exit 1) when another connection has it open. */
export function holdSqliteStore(path: string): HeldSqliteStore {
  if (!existsSync(path)) return { release: () => undefined };
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
    if (mode !== 'delete') throw Object.assign(new Error(`journal_mode stayed ${mode}`), { code: 'SQLITE_BUSY' });
    db.exec('BEGIN EXCLUSIVE; COMMIT'); // the exclusive lock is now held until close
    const held = db;
    return { release: () => held.close() };
  } catch (err) {
    db?.close();
    const code = String((err as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new BackupError(`Kho dữ liệu ${path} đang được một chương trình khác mở (ki-ốt, npm run staff…) / the store is open in another program. ${RUNNING_ADVICE}`);
    }
    return { unreadable: reason(err), release: () => undefined };
  }
}

/**
 * Refuses (exit 1) when an agent of the centre has a session on this database. An agent holds several (its pool, its
 * event channel): the addresses they come from say which kiosks to stop.
 */
export async function refuseIfAgentsConnected(client: pg.Client): Promise<void> {
  const row = (
    await client.query<{ n: string; at: string | null }>(
      `SELECT COUNT(*) AS n, string_agg(DISTINCT COALESCE(host(client_addr), 'local'), ', ') AS at
         FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'motcua-kiosk' AND pid <> pg_backend_pid()`,
    )
  ).rows[0];
  const n = Number(row?.n ?? 0);
  if (n > 0) {
    throw new BackupError(
      `Ki-ốt vẫn đang kết nối tới CSDL từ ${row?.at} / agents are still connected to the database from ${row?.at} (${n} sessions). ` +
        'Dừng mọi ki-ốt của trung tâm / stop every agent of the centre, then run the restore again',
    );
  }
}
