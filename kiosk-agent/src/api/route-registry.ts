/**
 * Routes are declared once, with their zod schemas: the same declaration validates requests, registers the
 * express handler and produces the OpenAPI document, so the document cannot drift from what the agent does.
 */
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { AgentError } from '../errors/agent-error';

/**
 * none: anyone (health, a ticket's tracking page, the lobby display); kiosk: the kiosk itself (issuing tickets,
 * pickup) — from the agent's own machine or a configured kiosk address, or with a staff token; staff: a staff
 * token always; demo: the demo controls of simulated devices; technician: a diagnostics session opened with the
 * technician PIN (its token as the bearer), kept alive by each request.
 */
export type Auth = 'none' | 'kiosk' | 'staff' | 'demo' | 'technician';

export interface RouteSpec<B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  body?: B;
  /** Query parameters (GET filters), validated like bodies. */
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  errors?: string[];
}

export type Handler<B> = (ctx: { req: Request; res: Response; body: B; params: Record<string, string>; query: Record<string, unknown> }) => unknown;

export function zodFields(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(body)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
}

function validated(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    throw new AgentError('VALIDATION_FAILED', `Dữ liệu gửi lên không hợp lệ: ${fields.map((f) => f.path).join(', ')}.`, { fields });
  }
  return parsed.data;
}

export class RouteRegistry {
  readonly specs: RouteSpec[] = [];

  constructor(
    private readonly router: Router,
    private readonly authorize: (auth: Auth, req: Request) => void,
  ) {}

  add<B extends z.ZodType | undefined>(spec: RouteSpec<B>, handler: Handler<B extends z.ZodType ? z.infer<B> : undefined>): void {
    this.specs.push(spec as RouteSpec);
    this.router[spec.method](spec.path, async (req: Request, res: Response) => {
      this.authorize(spec.auth, req);
      const body = spec.body ? validated(spec.body, req.body ?? {}) : undefined;
      const query = spec.query ? (validated(spec.query, req.query) as Record<string, unknown>) : {};
      const result = await handler({ req, res, body: body as never, params: req.params as Record<string, string>, query });
      if (result !== undefined && !res.headersSent) res.json(result);
    });
  }
}
