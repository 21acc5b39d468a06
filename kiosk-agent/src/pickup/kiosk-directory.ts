/**
 * The kiosks of a centre, as each agent registers itself at start-up in the shared store: so a citizen who scans
 * their slip at one kiosk learns which kiosk's locker holds the result ("Kết quả của bạn ở tủ tại Ki-ốt sảnh A").
 */
import type { LocalizedText } from '../../../shared/api-schemas';
import { AgentError } from '../errors/agent-error';
import type { SqlExecutor } from '../store/store-port';

export interface KioskIdentity {
  id: string;
  name: LocalizedText;
}

export class KioskDirectory {
  constructor(
    private readonly q: SqlExecutor,
    readonly here: KioskIdentity,
  ) {}

  /** Records (or renames) this kiosk; `seen_at_ms` says when its agent last started. */
  async register(nowMs: number): Promise<void> {
    await this.q.run(
      `INSERT INTO kiosks (id, name_vi, name_en, seen_at_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, seen_at_ms = excluded.seen_at_ms`,
      [this.here.id, this.here.name.vi, this.here.name.en, nowMs],
    );
  }

  /**
   * A lone kiosk (its own SQLite file) owns everything in its store: rows written under another id (the default
   * "kiosk", before the site named it) become this kiosk's, so renaming a kiosk never strands its lockers.
   */
  async adoptAll(): Promise<void> {
    const id = this.here.id;
    await this.q.run('UPDATE dossiers SET locker_kiosk_id = ? WHERE locker_kiosk_id IS NOT NULL AND locker_kiosk_id <> ?', [id, id]);
    for (const table of ['deposits', 'handovers', 'pickup_pauses']) await this.q.run(`UPDATE ${table} SET kiosk_id = ? WHERE kiosk_id <> ?`, [id, id]);
    await this.q.run('UPDATE pickup_audit SET kiosk_id = ? WHERE kiosk_id IS NULL OR kiosk_id <> ?', [id, id]);
  }

  /** The coded refusal when a result is in another kiosk's locker: the citizen is told which kiosk to go to. */
  async atOtherKiosk(kioskId: string, dossierCode: string): Promise<AgentError> {
    const other = await this.identity(kioskId);
    return new AgentError(
      'LOCKER_AT_OTHER_KIOSK',
      `Kết quả của hồ sơ ${dossierCode} ở tủ tại ${other.name.vi}. Vui lòng đến ki-ốt đó và quét lại giấy hẹn để nhận.`,
      { facts: { kioskId: other.id, kioskName: other.name.vi } },
    );
  }

  /** Another kiosk's name (its id, when it never registered: a kiosk removed from the centre). */
  async identity(id: string): Promise<KioskIdentity> {
    if (id === this.here.id) return this.here;
    const row = await this.q.get<{ vi: string; en: string }>('SELECT name_vi AS vi, name_en AS en FROM kiosks WHERE id = ?', [id]);
    return { id, name: row ?? { vi: id, en: id } };
  }
}
