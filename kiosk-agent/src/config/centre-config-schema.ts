/**
 * A kiosk among others in a centre (docs/ARCHITECTURE.md "A centre"): which kiosk this agent is, and where the
 * queue lives — SQLite in the data folder (a lone kiosk, the default) or the centre's PostgreSQL server, shared by
 * every agent of the centre (each with its own `kiosk.id`, devices and data folder; the same `store.url`, services
 * and counters).
 */
import { z } from 'zod';
import { LocalizedTextSchema } from '../../../shared/api-schemas';

export const KioskIdentitySchema = z
  .strictObject({
    /** Names this kiosk's lockers and printer jobs in the shared store: unique within the centre. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes (e.g. "sanh-a")').default('kiosk'),
    /** What a citizen at another kiosk is told ("Kết quả của bạn ở tủ tại Ki-ốt sảnh A"). */
    name: LocalizedTextSchema.default({ vi: 'Ki-ốt', en: 'Kiosk' }),
  })
  .prefault({});

const PostgresUrlSchema = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), 'a PostgreSQL URL: postgres://user:password@host:5432/database');

export const StoreConfigSchema = z
  .discriminatedUnion('driver', [
    z.strictObject({ driver: z.literal('sqlite') }),
    z.strictObject({
      driver: z.literal('postgres'),
      /** The password may be in the URL: the diagnostics bundle and the logs never show it. */
      url: PostgresUrlSchema,
      /** Connections this agent keeps to the server (each kiosk's agent has its own pool). */
      poolSize: z.number().int().min(2).max(100).default(10),
      /** How long a request waits to reach the server before it is answered 503 STORE_UNAVAILABLE. */
      connectTimeoutMs: z.number().int().min(200).max(60_000).default(3000),
      /** At start, how long to wait for a server that does not answer yet (a kiosk PC boots faster than a server). */
      waitAtStartMs: z.number().int().min(0).max(600_000).default(30_000),
    }),
  ])
  .default({ driver: 'sqlite' });

export type StoreConfig = z.infer<typeof StoreConfigSchema>;
