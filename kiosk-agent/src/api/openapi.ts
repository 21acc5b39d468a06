/** OpenAPI 3.1 from the route registry, using zod 4's own JSON Schema output. */
import { z } from 'zod';
import { ErrorBodySchema } from '../../../shared/api-schemas';
import { EVENT_AUDIENCE } from '../../../shared/ws-events';
import { paramsSchemaOf, type Auth, type RouteSpec } from './route-registry';

/** Who may call a route, as the document says it (x-audience) and with which credentials (security). */
const AUDIENCE: Record<Auth, { audience: string; security?: object[]; note?: string }> = {
  none: { audience: 'public' },
  kiosk: {
    audience: 'kiosk',
    security: [{}, { kioskDevice: [] }, { staffToken: [] }],
    note: "The kiosk itself (the agent's own machine, or a remote touchscreen with its X-Kiosk-Token), an integration token or an officer's session; else 403 KIOSK_ONLY",
  },
  'kiosk-device': { audience: 'kiosk', security: [{}, { kioskDevice: [] }], note: 'The kiosk itself only (never a counter PC, whatever its token); else 403 KIOSK_ONLY' },
  'counter-tablet': {
    audience: 'counter',
    security: [{}, { counterTablet: [] }],
    note: "The rating tablet of the counter in the path (X-Counter-Token, server.counterTablets) or the kiosk itself; else 403 COUNTER_TABLET_ONLY",
  },
  demo: { audience: 'kiosk', security: [{}, { kioskDevice: [] }], note: 'Only with simulated devices; from the kiosk itself only' },
  staff: { audience: 'staff', security: [{ staffToken: [] }, { officerSession: [] }], note: 'An integration token (staff.tokens) or an officer signed in (POST /api/staff/session); else 401' },
  supervisor: {
    audience: 'staff',
    security: [{ officerSession: [] }],
    note: 'A supervisor or admin signed in (POST /api/staff/session); an officer gets 403 STAFF_ROLE_REQUIRED, an integration token 401',
  },
  technician: { audience: 'technician', security: [{ technicianSession: [] }], note: 'On the kiosk itself, with the session from POST /api/diagnostics/session' },
  metrics: {
    audience: 'monitoring',
    security: [{}, { staffToken: [] }],
    note: 'The kiosk itself, or a staff.tokens entry allowed the `metrics` scope (Prometheus: Authorization: Bearer); another integration token 403 TOKEN_SCOPE, anyone else 401',
  },
};

const toOpenApiPath = (p: string): string => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

export function buildOpenApi(specs: readonly RouteSpec[], info: { version: string }): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = toOpenApiPath(spec.path);
    const params: object[] = Object.entries(paramsSchemaOf(spec).shape).map(([name, schema]) => ({ name, in: 'path', required: true, schema: schemaOf(schema as z.ZodType, 'input') }));
    for (const [name, field] of Object.entries(spec.query?.shape ?? {})) {
      params.push({ name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: schemaOf(field as z.ZodType, 'input') });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: schemaOf(r.schema, 'output') } } } : {}) };
    }
    if (spec.errors?.length) {
      responses['4XX'] = {
        description: `Error; codes: ${spec.errors.join(', ')}`,
        content: { 'application/json': { schema: schemaOf(ErrorBodySchema, 'output') } },
      };
    }
    const who = AUDIENCE[spec.auth];
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      'x-audience': who.audience,
      ...(spec.description || who.note ? { description: [spec.description, who.note].filter(Boolean).join(' ') } : {}),
      ...(who.security ? { security: who.security } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(spec.body
        ? { requestBody: { required: true, description: `At most ${spec.bodyLimit ?? '16kb'}; read only after the caller is allowed`, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  const audiences = Object.entries(EVENT_AUDIENCE)
    .map(([type, audience]) => `\`${type}\`: ${audience}`)
    .join('; ');
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua-kiosk agent',
      version: info.version,
      description:
        'Local agent of the one-stop-centre lobby kiosk. Every request is checked first for its Host (one of the names the agent answers to: 421 HOST_NOT_ALLOWED) and a browser Origin (403 ORIGIN_NOT_ALLOWED); then its caller (x-audience: public, kiosk, staff, technician); only then is a body read. ' +
        'Events are pushed on WS /api/events as { type, at, data }, each only to its audience — ' +
        audiences +
        '. A socket is public unless it comes from the kiosk itself, or sends { "type": "auth", "kioskToken"?, "staffToken"? } after connecting (answered with { "type": "auth.result", "audiences", "refused" }); tokens never go in the URL. ' +
        'A public client never receives a slip code, a dossier code, a name, a phone or a compartment.',
    },
    components: {
      securitySchemes: {
        staffToken: { type: 'http', scheme: 'bearer', description: 'A token from staff.tokens in the site config (optionally with an expiry)' },
        kioskDevice: { type: 'apiKey', in: 'header', name: 'X-Kiosk-Token', description: 'The device token of a remote touchscreen (server.kioskDevices)' },
        counterTablet: { type: 'apiKey', in: 'header', name: 'X-Counter-Token', description: "The token of one counter's rating tablet (server.counterTablets)" },
        officerSession: {
          type: 'http',
          scheme: 'bearer',
          description: "The token from POST /api/staff/session (an officer's username and password); ends after staff.sessionIdleMinutes idle, at staff.sessionMaxHours, on sign-out or when the account is disabled",
        },
        technicianSession: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/diagnostics/session (technician PIN); ends after its idle time and at its absolute lifetime' },
      },
    },
    paths,
  };
}
