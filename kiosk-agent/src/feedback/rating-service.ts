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
import { pluck, type SqlStore } from '../store/store-port';

export class RatingService {
  constructor(
    private readonly store: SqlStore,
    private readonly clock: Clock,
    private readonly scale: 3 | 5,
  ) {}

  async rate(req: RatingRequest): Promise<{ id: number; level: number; scale: number }> {
    if (req.level > this.scale) {
      throw new AgentError('VALIDATION_FAILED', `Mức đánh giá phải từ 1 đến ${this.scale}.`, {
        fields: [{ path: 'level', message: `1–${this.scale}` }],
      });
    }
    const { reference, counterId } = req.subject === 'pickup' ? await this.pickupReference(req.reference) : await this.counterReference(req.reference);
    const id = await pluck<number>(
      this.store,
      `INSERT INTO ratings (at_ms, subject, reference, counter_id, level, scale) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (subject, reference) DO NOTHING RETURNING id`,
      [this.clock.now(), req.subject, reference, counterId, req.level, this.scale],
    );
    if (id === undefined) throw new AgentError('RATING_NOT_ALLOWED', 'Lượt này đã được đánh giá. Cảm ơn ông/bà.');
    return { id: Number(id), level: req.level, scale: this.scale };
  }

  private async pickupReference(given: string): Promise<{ reference: string; counterId: null }> {
    const parsed = parseSlipCode(given);
    const code = parsed.ok ? parsed.dossier.code : given;
    const state = await pluck<string>(this.store, 'SELECT state FROM handovers WHERE dossier_code = ?', [code]);
    if (state !== 'door-closed' && state !== 'opened') {
      throw new AgentError('RATING_NOT_ALLOWED', 'Chỉ đánh giá được sau khi đã nhận kết quả tại ki-ốt.');
    }
    return { reference: code, counterId: null };
  }

  private async counterReference(ticketId: string): Promise<{ reference: string; counterId: string }> {
    const t = await this.store.get<{ status: string; counterId: string | null }>('SELECT status, counter_id AS "counterId" FROM tickets WHERE id = ?', [ticketId]);
    if (!t || t.status !== 'done' || !t.counterId) {
      throw new AgentError('RATING_NOT_ALLOWED', 'Chỉ đánh giá được sau khi quầy đã giải quyết xong lượt của ông/bà.');
    }
    return { reference: ticketId, counterId: t.counterId };
  }
}
