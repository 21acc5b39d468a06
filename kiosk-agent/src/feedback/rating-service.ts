/**
 * Satisfaction ratings (docs/ARCHITECTURE.md "Domain facts": three levels, rất hài lòng / hài lòng / không hài lòng, or five where a
 * portal uses five). A pickup can be rated once, and only by someone who has just collected it: the kiosk sends
 * the rating with the dossier code after the handover completed, so a passer-by cannot stuff the figures. A
 * counter visit is rated by its ticket id once the counter finished it.
 */
import { parseSlipCode } from '../../../shared/dossier-code';
import type { RatingRequest } from '../../../shared/dossier-schemas';
import { AgentError } from '../errors/agent-error';
import type { Clock } from '../core/clock';
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
      ticket: db.prepare('SELECT status, counter_id AS counterId FROM tickets WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO ratings (at_ms, subject, reference, counter_id, level, scale) VALUES (?, ?, ?, ?, ?, ?)
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
    const { reference, counterId } = req.subject === 'pickup' ? this.pickupReference(req.reference) : this.counterReference(req.reference);
    const result = this.s.insert.run(this.clock.now(), req.subject, reference, counterId, req.level, this.scale);
    if (result.changes === 0) throw new AgentError('RATING_NOT_ALLOWED', 'Lượt này đã được đánh giá. Cảm ơn ông/bà.');
    return { id: Number(result.lastInsertRowid), level: req.level, scale: this.scale };
  }

  private pickupReference(given: string): { reference: string; counterId: null } {
    const parsed = parseSlipCode(given);
    const code = parsed.ok ? parsed.dossier.code : given;
    const state = this.s.handover.get(code) as string | undefined;
    if (state !== 'door-closed' && state !== 'opened') {
      throw new AgentError('RATING_NOT_ALLOWED', 'Chỉ đánh giá được sau khi đã nhận kết quả tại ki-ốt.');
    }
    return { reference: code, counterId: null };
  }

  /** A counter visit is rated once the counter finished it; the rating goes to that counter. */
  private counterReference(ticketId: string): { reference: string; counterId: string } {
    const t = this.s.ticket.get(ticketId) as { status: string; counterId: string | null } | undefined;
    if (!t || t.status !== 'done' || !t.counterId) {
      throw new AgentError('RATING_NOT_ALLOWED', 'Chỉ đánh giá được sau khi quầy đã giải quyết xong lượt của ông/bà.');
    }
    return { reference: ticketId, counterId: t.counterId };
  }
}
