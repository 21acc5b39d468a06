/** OpenAPI 3.1 from the route registry, using zod 4's own JSON Schema output. */
import { z } from 'zod';
import { ErrorBodySchema } from '../../../shared/api-schemas';
import type { RouteSpec } from './route-registry';

const toOpenApiPath = (p: string): string => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

export function buildOpenApi(specs: readonly RouteSpec[], info: { version: string }): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = toOpenApiPath(spec.path);
    const params: object[] = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
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
    (paths[path] ??= {})[spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === 'staff' ? { security: [{ staffToken: [] }] } : {}),
      ...(spec.auth === 'technician' ? { security: [{ technicianSession: [] }] } : {}),
      ...(spec.auth === 'kiosk' ? { 'x-kiosk-only': 'From the kiosk itself (its own addresses or server.kioskClients), or with a staff token' } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua-kiosk agent',
      version: info.version,
      description: 'Local agent of the one-stop-centre lobby kiosk. Events are pushed on WS /api/events as { type, at, data }.',
    },
    components: { securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'A token from staff.tokens in the site config' }, technicianSession: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/diagnostics/session (technician PIN); ends after 5 idle minutes' } } },
    paths,
  };
}
