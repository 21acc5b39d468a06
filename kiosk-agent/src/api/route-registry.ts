/**
 * Routes are declared once, with their zod schemas: the same declaration validates requests, registers the
 * express handler and produces the OpenAPI document, so the document cannot drift from what the agent does.
 *
 * Order inside every route: who is asking (auth) → path params → query → only then the body is read, with the
 * route's own size limit. An anonymous client on the LAN cannot make the agent read a 2 MB body it will refuse.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { AgentError } from '../errors/agent-error';

/**
 * none: anyone (a ticket's tracking page, the lobby display); kiosk: the kiosk itself (issuing a ticket, looking up
 * a slip) — its own machine or a remote screen with its device token — or a staff token (a counter PC helping a
 * citizen); kiosk-device: the kiosk itself only (opening a compartment with a pickup code, ratings, technician
 * entry); staff: a staff token always; demo: the demo controls of simulated devices (the kiosk itself only);
 * technician: a diagnostics session opened with the technician PIN (its token as the bearer), on the kiosk;
 * metrics: the kiosk itself or a token with the `metrics` scope (Prometheus), never an officer or the public.
 */
export type Auth = 'none' | 'kiosk' | 'kiosk-device' | 'counter-tablet' | 'staff' | 'supervisor' | 'demo' | 'technician' | 'metrics';

export interface RouteSpec<B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  /** Longer documentation for the OpenAPI document (what a client needs beyond the summary). */
  description?: string;
  tag: string;
  auth: Auth;
  body?: B;
  /**
   * The body is read as raw bytes and handed to this gate before it is parsed (a bank's webhook is signed over the
   * exact bytes it sent: payment-routes.ts); then parsed as JSON and validated as usual.
   */
  rawBodyGate?: (raw: Buffer, req: Request) => void | Promise<void>;
  /** Largest body accepted (express/body-parser syntax); 16 kB unless a route needs more. */
  bodyLimit?: string;
  /** Path parameters; every `:name` without a schema here is a string of 1–64 characters. */
  params?: z.ZodObject;
  /** Query parameters (GET filters), validated like bodies. */
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  errors?: string[];
  /**
   * The name a staff action is audited under once it has succeeded (who, what, to what). Every POST for staff or a
   * supervisor is audited; by default under its path without `/api/` and parameters (`counters.call-next`).
   */
  audit?: string;
}

/** What the edge hands the audit after a staff action succeeded (create-app.ts turns it into a row). */
export interface AuditedCall {
  action: string;
  req: Request;
  params: Record<string, string>;
  body: unknown;
  result: unknown;
}

export type Handler<B> = (ctx: { req: Request; res: Response; body: B; params: Record<string, string>; query: Record<string, unknown> }) => unknown;

/** The default shape of a path parameter: ids, numbers and codes are short. */
export const PathParamSchema = z.string().min(1).max(64);

export function zodFields(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(body)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
}

function validated(schema: z.ZodType, value: unknown, where: 'body' | 'path' | 'query'): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = zodFields(parsed.error).map((f) => ({ ...f, path: where === 'body' ? f.path : `${where}.${f.path === '(body)' ? '' : f.path}`.replace(/\.$/, '') }));
    throw new AgentError('VALIDATION_FAILED', `Dữ liệu gửi lên không hợp lệ: ${fields.map((f) => f.path).join(', ')}.`, { fields });
  }
  return parsed.data;
}

/** The names of a path's `:params`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

/** The schema a route's path params are checked with (declared ones, the default for the rest). */
export function paramsSchemaOf(spec: RouteSpec): z.ZodObject {
  const declared = spec.params?.shape ?? {};
  return z.strictObject(Object.fromEntries(pathParamNames(spec.path).map((n) => [n, (declared[n] as z.ZodType | undefined) ?? PathParamSchema])));
}

const readJson = (limit: string) => {
  const parser = express.json({ limit });
  return (req: Request, res: Response): Promise<void> =>
    new Promise((resolve, reject) => parser(req, res, ((err?: unknown) => (err ? reject(err) : resolve())) as NextFunction));
};

const readRaw = (limit: string) => {
  const parser = express.raw({ type: () => true, limit });
  return async (req: Request, res: Response): Promise<Buffer> => {
    await new Promise<void>((resolve, reject) => parser(req, res, ((err?: unknown) => (err ? reject(err) : resolve())) as NextFunction));
    return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  };
};

function parseJsonBytes(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AgentError('VALIDATION_FAILED', 'Nội dung gửi lên không phải JSON hợp lệ.', { fields: [{ path: '(body)', message: 'invalid JSON' }] });
  }
}

/** `/api/counters/:id/call-next` → `counters.call-next`: a staff route's action as the audit names it. */
export function auditName(path: string): string {
  return path
    .replace(/^\/api\//, '')
    .split('/')
    .filter((p) => p !== '' && !p.startsWith(':'))
    .join('.');
}

export class RouteRegistry {
  readonly specs: RouteSpec[] = [];

  constructor(
    private readonly router: Router,
    private readonly authorize: (auth: Auth, req: Request) => void | Promise<void>,
    /** Records an audited action; never throws (a failure is logged there, the action stands). */
    private readonly audit: (call: AuditedCall) => Promise<void> = async () => undefined,
  ) {}

  add<B extends z.ZodType | undefined>(spec: RouteSpec<B>, handler: Handler<B extends z.ZodType ? z.infer<B> : undefined>): void {
    this.specs.push(spec as RouteSpec);
    const paramsSchema = paramsSchemaOf(spec as RouteSpec);
    const read = spec.body && !spec.rawBodyGate ? readJson(spec.bodyLimit ?? '16kb') : undefined;
    const readBytes = spec.body && spec.rawBodyGate ? readRaw(spec.bodyLimit ?? '16kb') : undefined;
    this.router[spec.method](spec.path, async (req: Request, res: Response) => {
      await this.authorize(spec.auth, req);
      const params = validated(paramsSchema, { ...req.params }, 'path') as Record<string, string>;
      const query = spec.query ? (validated(spec.query, req.query, 'query') as Record<string, unknown>) : {};
      let body: unknown;
      if (spec.body && read) {
        await read(req, res);
        body = validated(spec.body, req.body ?? {}, 'body');
      } else if (spec.body && readBytes && spec.rawBodyGate) {
        const raw = await readBytes(req, res);
        await spec.rawBodyGate(raw, req);
        body = validated(spec.body, parseJsonBytes(raw), 'body');
      }
      const result = await handler({ req, res, body: body as never, params, query });
      const audited = spec.audit ?? (spec.method === 'post' && (spec.auth === 'staff' || spec.auth === 'supervisor') ? auditName(spec.path) : undefined);
      if (audited) await this.audit({ action: audited, req, params, body, result });
      if (result !== undefined && !res.headersSent) res.json(result);
    });
  }
}
