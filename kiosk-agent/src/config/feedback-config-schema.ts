/**
 * Satisfaction ratings (README "Ratings"): after a pickup at the kiosk and at each counter's tablet. Three levels as
 * the one-stop indicators ask (rất hài lòng / hài lòng / không hài lòng), or five as some portals use; the reasons a
 * citizen may tick when not fully satisfied; how long after a visit ends its tablet still asks.
 */
import { z } from 'zod';

const ReasonSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes, e.g. "thai-do"'),
  vi: z.string().min(1).max(80),
  en: z.string().min(1).max(80),
});

/** What the centres' own paper forms ask about; a site replaces the whole list with its own. */
export const DEFAULT_RATING_REASONS: z.infer<typeof ReasonSchema>[] = [
  { id: 'thai-do', vi: 'Thái độ phục vụ', en: 'Attitude of the officer' },
  { id: 'thoi-gian-cho', vi: 'Thời gian chờ lâu', en: 'Long waiting time' },
  { id: 'huong-dan', vi: 'Hướng dẫn chưa rõ', en: 'Unclear guidance' },
  { id: 'giay-to', vi: 'Phải bổ sung giấy tờ nhiều lần', en: 'Asked for papers more than once' },
  { id: 'co-so-vat-chat', vi: 'Cơ sở vật chất', en: 'Facilities' },
];

export const FeedbackConfigSchema = z
  .strictObject({
    scale: z.union([z.literal(3), z.literal(5)]).default(3),
    reasons: z
      .array(ReasonSchema)
      .max(12)
      .default(DEFAULT_RATING_REASONS)
      .refine((r) => new Set(r.map((x) => x.id)).size === r.length, 'each reason needs its own id'),
    /** How long a counter's tablet keeps asking about the visit just finished there. */
    askSeconds: z.number().int().min(10).max(600).default(90),
  })
  .prefault({});
