/**
 * Satisfaction ratings (docs/ARCHITECTURE.md "Domain facts": three levels, rất hài lòng / hài lòng / không hài lòng, or five where a
 * portal uses five). A pickup can be rated once, and only by someone who has just collected it: the kiosk sends
 * the rating with the dossier code after the handover completed, so a passer-by cannot stuff the figures. A
 * counter visit is rated by its ticket id once the counter finished it, from the kiosk or from that counter's tablet.
 *
 * Each rating is attributed to an officer (Circular 01/2018/TT-VPCP): for a counter visit, whoever finished the
 * ticket; for a pickup, whoever put the result in the compartment. The account is read when the rating is written,
 * so later changes to accounts do not move old ratings between officers.
 */
import { parseSlipCode } from '../../../shared/dossier-code';
import type { RatingRequest } from '../../../shared/dossier-schemas';
import { AgentError } from '../errors/agent-error';
import type { Clock } from '../core/clock';
import { pluck, type SqlStore } from '../store/store-port';

export interface RatingPolicy {
  scale: 3 | 5;
  reasons: readonly { id: string }[];
}

interface Subject {
  reference: string;
  counterId: string | null;
  accountId: number | null;
  dossierCode: string | null;
}

const NOT_SERVED = 'Chỉ đánh giá được sau khi quầy đã giải quyết xong lượt của ông/bà.';

export class RatingService {
  constructor(
    private readonly store: SqlStore,
    private readonly clock: Clock,
    private readonly policy: RatingPolicy,
  ) {}

  /** From the kiosk: a pickup just collected, or a counter visit by its ticket id. */
  async rate(req: RatingRequest): Promise<{ id: number; level: number; scale: number }> {
    this.check(req.level, req.reasons);
    const subject = req.subject === 'pickup' ? await this.pickupSubject(req.reference) : await this.counterSubject(req.reference);
    return this.insert(req.subject, subject, req.level, req.reasons);
  }

  /** From a counter's tablet: only a visit finished at that counter. */
  async rateAtCounter(counterId: string, req: { ticketId: string; level: number; reasons?: string[] | undefined }): Promise<{ id: number; level: number; scale: number }> {
    this.check(req.level, req.reasons);
    const subject = await this.counterSubject(req.ticketId);
    if (subject.counterId !== counterId) throw new AgentError('RATING_NOT_ALLOWED', NOT_SERVED);
    return this.insert('counter', subject, req.level, req.reasons);
  }

  private check(level: number, reasons: readonly string[] | undefined): void {
    const { scale } = this.policy;
    if (level > scale) {
      throw new AgentError('VALIDATION_FAILED', `Mức đánh giá phải từ 1 đến ${scale}.`, { fields: [{ path: 'level', message: `1–${scale}` }] });
    }
    const known = new Set(this.policy.reasons.map((r) => r.id));
    const unknown = (reasons ?? []).find((r) => !known.has(r));
    if (unknown !== undefined) {
      throw new AgentError('VALIDATION_FAILED', 'Lý do đánh giá không có trong danh sách của trung tâm.', { fields: [{ path: 'reasons', message: `unknown reason "${unknown}"` }] });
    }
  }

  private async insert(kind: 'pickup' | 'counter', s: Subject, level: number, reasons: readonly string[] | undefined): Promise<{ id: number; level: number; scale: number }> {
    const ticked = reasons && reasons.length > 0 ? [...new Set(reasons)].join(',') : null;
    const id = await pluck<number>(
      this.store,
      `INSERT INTO ratings (at_ms, subject, reference, counter_id, level, scale, account_id, dossier_code, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (subject, reference) DO NOTHING RETURNING id`,
      [this.clock.now(), kind, s.reference, s.counterId, level, this.policy.scale, s.accountId, s.dossierCode, ticked],
    );
    if (id === undefined) throw new AgentError('RATING_NOT_ALLOWED', 'Lượt này đã được đánh giá. Cảm ơn ông/bà.');
    return { id: Number(id), level, scale: this.policy.scale };
  }

  private async pickupSubject(given: string): Promise<Subject> {
    const parsed = parseSlipCode(given);
    const code = parsed.ok ? parsed.dossier.code : given;
    const state = await pluck<string>(this.store, 'SELECT state FROM handovers WHERE dossier_code = ?', [code]);
    if (state !== 'door-closed' && state !== 'opened') {
      throw new AgentError('RATING_NOT_ALLOWED', 'Chỉ đánh giá được sau khi đã nhận kết quả tại ki-ốt.');
    }
    const depositedBy = await pluck<number | null>(
      this.store,
      `SELECT account_id AS "accountId" FROM deposits WHERE dossier_code = ? AND state = 'done' ORDER BY id DESC LIMIT 1`,
      [code],
    );
    return { reference: code, counterId: null, accountId: depositedBy == null ? null : Number(depositedBy), dossierCode: code };
  }

  private async counterSubject(ticketId: string): Promise<Subject> {
    const t = await this.store.get<{ status: string; counterId: string | null; dossierCode: string | null }>(
      'SELECT status, counter_id AS "counterId", dossier_code AS "dossierCode" FROM tickets WHERE id = ?',
      [ticketId],
    );
    if (!t || t.status !== 'done' || !t.counterId) throw new AgentError('RATING_NOT_ALLOWED', NOT_SERVED);
    const finishedBy = await pluck<number | null>(
      this.store,
      `SELECT account_id AS "accountId" FROM ticket_events WHERE ticket_id = ? AND action = 'finish' ORDER BY id DESC LIMIT 1`,
      [ticketId],
    );
    return { reference: ticketId, counterId: t.counterId, accountId: finishedBy == null ? null : Number(finishedBy), dossierCode: t.dossierCode };
  }
}
