/**
 * Wire schemas of the lobby displays' zones (site config `displays`): a display at `/display/<id>` shows the calls
 * of its zone's counters and the waiting counts of the services they serve. Public: counter and service names only.
 */
import { z } from 'zod';
import { LocalizedTextSchema } from './api-schemas';

/** A display's id, as it appears in its address (`/display/tang-1`): lower-case letters, digits, single dashes. */
export const DisplayIdSchema = z
  .string()
  .max(32)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes, as in "tang-1"');

export const DisplayCounterSchema = z.object({ id: z.string(), name: LocalizedTextSchema });
export type DisplayCounter = z.infer<typeof DisplayCounterSchema>;

/**
 * The officer signed in at a counter, by full name ("Nguyễn Thị Lan"): only when the site config's
 * `display.showOfficer` is on. Off, GET /api/display carries no `officers` at all.
 */
export const DisplayOfficerSchema = z.object({ counterId: z.string(), name: z.string() });
export type DisplayOfficer = z.infer<typeof DisplayOfficerSchema>;

export const DisplayServiceSchema = z.object({ id: z.string(), prefix: z.string(), name: LocalizedTextSchema });
export type DisplayService = z.infer<typeof DisplayServiceSchema>;

/** GET /api/displays/:id — the zone a display shows: its counters in the configured order, the services they serve. */
export const DisplayZoneSchema = z.object({
  id: DisplayIdSchema,
  name: LocalizedTextSchema,
  counters: z.array(DisplayCounterSchema),
  services: z.array(DisplayServiceSchema),
});
export type DisplayZone = z.infer<typeof DisplayZoneSchema>;
