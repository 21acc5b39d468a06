/**
 * The counter rating tablet (`/rate/:counterId`, README "Ratings at the counter"): what it shows and what it sends.
 * A citizen rates the visit just finished at that counter, once; the rating is attributed to the officer who
 * finished it (Circular 01/2018/TT-VPCP: evaluation per dossier and per officer).
 */
import { z } from 'zod';
import { LocalizedTextSchema } from './api-schemas';

/** A reason a citizen may tick (configured: `feedback.reasons`), labelled in both languages. */
export const RatingReasonSchema = z.object({ id: z.string(), label: LocalizedTextSchema });
export type RatingReason = z.infer<typeof RatingReasonSchema>;

export const CounterRatingScreenSchema = z.object({
  counter: z.object({ id: z.string(), name: LocalizedTextSchema }),
  /** The officer working at the counter (who called its ticket, or else who is signed in there). */
  officer: z.object({ name: z.string() }).nullable(),
  /** The ticket being called or served now. */
  current: z.object({ number: z.string(), serviceName: LocalizedTextSchema }).nullable(),
  /** The visit just finished here and not yet rated, while it may still be rated (`feedback.askSeconds`). */
  ask: z.object({ ticketId: z.string(), number: z.string(), finishedAt: z.string(), until: z.string() }).nullable(),
  scale: z.union([z.literal(3), z.literal(5)]),
  reasons: z.array(RatingReasonSchema),
});
export type CounterRatingScreen = z.infer<typeof CounterRatingScreenSchema>;

export const CounterRatingRequestSchema = z.strictObject({
  ticketId: z.string().min(1).max(64),
  level: z.number().int().min(1).max(5),
  /** Ids from `reasons`; a tick list, so at most one of each. */
  reasons: z.array(z.string().min(1).max(40)).max(12).optional(),
});
export type CounterRatingRequest = z.infer<typeof CounterRatingRequestSchema>;
