/**
 * Satisfaction ratings (DESIGN.md §4: three levels, rất hài lòng / hài lòng / không hài lòng, or five where a
 * portal uses five). A pickup can be rated once, and only by someone who has just collected it: the kiosk sends
 * the rating with the dossier code after the handover completed, so a passer-by cannot stuff the figures.
 */
import { parseSlipCode } from '../../../shared/dossier-code';
import type { RatingRequest } from '../../../shared/dossier-schemas';
import { AgentError } from '../errors/agent-error';
import type { Clock } from '../queue/local-day';
import type { Db } from '../store/sqlite';

export class RatingService {
  private readonly s;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly scale: 3 | 5,
  ) {
    this.s = {
      handover: db.prepare('SELECT state FROM handovers WHERE dossier_code = ?').pluck(),
      insert: db.prepare(
        `INSERT INTO ratings (at_ms, subject, reference, counter_id, level, scale) VALUES (?, ?, ?, NULL, ?, ?)
         ON CONFLICT (subject, reference) DO NOTHING`,
      ),
    };
  }

  rate(req: RatingRequest): { id: number; level: number; scale: number } {
    if (req.level > this.scale) {
      throw new AgentError('VALIDATION_FAILED', `Mức đánh giá phải từ 1 đến ${this.scale}.`, {
        fields: [{ path: 'level', message: `1–${this.scale}` }],
      });
    }
    const parsed = parseSlipCode(req.reference);
    const code = parsed.ok ? parsed.dossier.code : req.reference;
    const state = this.s.handover.get(code) as string | undefined;
    if (state !== 'door-closed' && state !== 'opened') {
      throw new AgentError('RATING_NOT_ALLOWED', 'Chỉ đánh giá được sau khi đã nhận kết quả tại ki-ốt.');
    }
    const result = this.s.insert.run(this.clock.now(), 'pickup', code, req.level, this.scale);
    if (result.changes === 0) throw new AgentError('RATING_NOT_ALLOWED', 'Lần nhận kết quả này đã được đánh giá. Cảm ơn ông/bà.');
    return { id: Number(result.lastInsertRowid), level: req.level, scale: this.scale };
  }
}
