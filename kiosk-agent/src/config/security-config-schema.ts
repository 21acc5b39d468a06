/**
 * The parts of the site config that decide who may do what on the centre's network (README "Security and
 * privacy"): the server's names and TLS, remote touchscreens and their device tokens, staff tokens with an expiry,
 * event-socket limits, pickup-guessing limits, data retention and where the kiosk's secret key lives.
 */
import { z } from 'zod';

/** A secret a person copies into a config file: long enough that guessing it over the LAN is hopeless. */
const SecretSchema = z.string().min(24, 'at least 24 characters (e.g. the output of: openssl rand -base64 32)').max(512);

/**
 * A touchscreen on another machine than the agent: it presents its token (`X-Kiosk-Token`, or the `auth` message
 * on the event socket); an address alone is not enough, since any laptop can take a switched-off screen's address.
 * With `address`, the token is accepted only from there.
 */
export const KioskDeviceSchema = z.strictObject({
  name: z.string().min(1).max(80),
  token: SecretSchema,
  address: z.union([z.ipv4(), z.ipv6()]).optional(),
});

/**
 * The citizen-facing rating tablet at one counter (`/rate/:counterId`): it presents its token (`X-Counter-Token`)
 * and may only read that counter's rating screen and rate the visits finished there. Without a token a phone on the
 * Wi-Fi could rate an officer's visits before the citizens do.
 */
export const CounterTabletSchema = z.strictObject({
  counterId: z.string().min(1).max(64),
  token: SecretSchema,
  address: z.union([z.ipv4(), z.ipv6()]).optional(),
});

export const ServerConfigSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /** Base URL printed in the ticket QR (/track/:id); defaults to http(s)://host:port. */
  publicUrl: z.url().optional(),
  /**
   * Names the agent answers to besides its own addresses, `localhost`, its host name and publicUrl's host (a
   * request with any other `Host` is refused: DNS rebinding). E.g. ["kiosk.motcua.local"].
   */
  allowedHosts: z.array(z.string().min(1).max(253)).default([]),
  kioskDevices: z.array(KioskDeviceSchema).default([]),
  counterTablets: z.array(CounterTabletSchema).default([]),
  /**
   * Replaced by `kioskDevices`: an address alone let any machine that took it act as the kiosk. Kept only to say so
   * when an older site file still has it.
   */
  kioskClients: z
    .unknown()
    .optional()
    .refine((v) => v === undefined, 'replaced by server.kioskDevices: [{ "name": "…", "token": "<long secret>", "address": "…" }] (an address alone is not enough)'),
  /** HTTPS for the LAN: PEM files (relative paths are resolved against the config file). */
  tls: z.strictObject({ cert: z.string().min(1), key: z.string().min(1) }).optional(),
  websocket: z
    .strictObject({
      /** Event sockets in all (displays, counter PCs, phones following a ticket). */
      maxClients: z.number().int().min(1).max(100_000).default(2000),
      /** From one address (a phone, a display); the kiosk's own machine is not limited. */
      maxPerAddress: z.number().int().min(1).max(1000).default(16),
      /** Ping interval; a client that has not answered the previous ping by the next one is dropped. */
      pingMs: z.number().int().min(100).max(300_000).default(30_000),
    })
    .prefault({}),
});

/** A staff token from the config: a plain string (no expiry), or with a name (for the log) and an expiry. */
/**
 * Staff tokens keep the 16-character minimum they always had, so a site's file still loads after an upgrade (24+ is
 * what the README recommends); device tokens are new and start at 24.
 */
const StaffSecretSchema = z.string().min(16, 'at least 16 characters (24+ recommended: openssl rand -base64 32)').max(512);

/**
 * What an integration token may do, by the staff API's areas (api/token-scope.ts names each route's): `counters`
 * (call, serve, transfer…), `dossiers` (create, import), `lockers` (deposit, recall, remind, resume pickups),
 * `appointments` (book for citizens), `stats` (statistics), `procedures` (import the procedure catalogue). A token
 * without `scopes` may do all of them, as before.
 * `metrics`: GET /metrics for Prometheus; a token whose only scope it is is no staff token at all (access-policy.ts).
 */
export const TOKEN_SCOPES = ['counters', 'dossiers', 'lockers', 'appointments', 'stats', 'procedures', 'metrics'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const StaffTokenSchema = z.union([
  StaffSecretSchema,
  z.strictObject({
    token: StaffSecretSchema,
    name: z.string().min(1).max(80).optional(),
    /** ISO date or date-time; the token stops working then (an absolute lifetime for a token handed to a PC). */
    expiresAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    /** The areas this integration may use (e.g. the province's system: `["dossiers"]`); absent: all. */
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).optional(),
  }),
]);

export const PickupGuessingSchema = z
  .strictObject({
    /** Wrong pickup codes at this kiosk within `windowMinutes` that pause every pickup (and alert staff). */
    wrongCodesPerKiosk: z.number().int().min(3).max(1000).default(20),
    windowMinutes: z.number().int().min(1).max(1440).default(10),
    pauseMinutes: z.number().int().min(1).max(1440).default(15),
    /** Per-dossier lockouts (5 wrong codes each) after which only staff can hand the result over. */
    lockoutsBeforeStaff: z.number().int().min(1).max(20).default(3),
    /** Slip lookups one client may make per minute (each answer says whether a result is in a locker). */
    lookupsPerMinute: z.number().int().min(1).max(10_000).default(30),
  })
  .prefault({});

export const PrivacyConfigSchema = z
  .strictObject({
    /**
     * Days after which returned dossiers lose their applicant's name and phone, delivered messages are deleted and
     * old tickets lose what could identify a person; counts for statistics stay.
     */
    retentionDays: z.number().int().min(1).max(3650).default(90),
    /** How often the retention sweep runs. */
    sweepMs: z.number().int().min(1000).max(86_400_000).default(3_600_000),
  })
  .prefault({});

export const SecretsConfigSchema = z
  .strictObject({
    /**
     * The kiosk's secret key (pickup-code hashes are keyed with it, so a copied database alone is not enough to
     * find the codes). Default: `<dataDir>.key`, beside the data folder rather than in it. Created at first start.
     */
    keyFile: z.string().min(1).optional(),
  })
  .prefault({});
