/**
 * The site config's `displays` (README "Site config reference"): lobby displays that each show one zone of the
 * centre at `/display/<id>` — the calls of its counters and the waiting counts of the services they serve. A centre
 * with one TV needs none (`/display` shows every counter). Checked against the counters in `checkDisplays`.
 */
import { z } from 'zod';
import { LocalizedTextSchema } from '../../../shared/api-schemas';
import { DisplayIdSchema } from '../../../shared/display-schemas';

export const DisplayConfigSchema = z.strictObject({
  id: DisplayIdSchema,
  name: LocalizedTextSchema,
  /** Counter ids, in the order their tiles are shown. */
  counters: z.array(z.string().min(1)).min(1),
});
export type DisplayConfig = z.infer<typeof DisplayConfigSchema>;

/**
 * The site config's `display`: what every lobby display shows beyond numbers and counters. `showOfficer` puts the
 * full name of the officer signed in at each counter beside the counter's name (issue 19). Officers' names are not
 * a citizen's personal data, but they are public only when a centre chooses so: off, no name reaches a public client.
 */
export const DisplayOptionsSchema = z
  .strictObject({ showOfficer: z.boolean().default(false) })
  .prefault({});
export type DisplayOptions = z.infer<typeof DisplayOptionsSchema>;

/** Ids unique; every counter of a display configured, and named once in it. */
export function checkDisplays(displays: readonly DisplayConfig[], counterIds: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  displays.forEach((d, i) => {
    if (ids.has(d.id)) ctx.addIssue({ code: 'custom', path: ['displays', i, 'id'], message: `duplicate display id "${d.id}"` });
    ids.add(d.id);
    const seen = new Set<string>();
    d.counters.forEach((cid, j) => {
      if (!counterIds.has(cid)) ctx.addIssue({ code: 'custom', path: ['displays', i, 'counters', j], message: `unknown counter "${cid}"` });
      else if (seen.has(cid)) ctx.addIssue({ code: 'custom', path: ['displays', i, 'counters', j], message: `counter "${cid}" is listed twice` });
      seen.add(cid);
    });
  });
}
