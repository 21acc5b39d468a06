/**
 * The one place where errors become HTTP. Coded errors keep their code and message; anything else is logged with
 * its stack and answered as a plain 500 INTERNAL_ERROR, never with the stack.
 */
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from '../../../shared/api-schemas';
import { httpStatusOf } from '../../../shared/api-schemas';
import { isAgentError } from '../errors/agent-error';

interface HttpishError {
  status?: number;
  type?: string;
}

export function errorBody(
  code: string,
  message: string,
  fields?: { path: string; message: string }[],
  details?: Record<string, string | number | boolean>,
): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) } };
}

/**
 * `storeFailed` is told of every error first and, when it was the store failing (disk full, read-only, busy, the
 * centre's server unreachable), answers with what to tell the person: those are 503 STORE_UNAVAILABLE, not 500 —
 * nothing was half-written, the citizen or officer may try again or go to a counter.
 */
export function createErrorMapper(
  log: { error(obj: object, msg: string): void },
  storeFailed: (err: unknown) => string | undefined = () => undefined,
  /** Told of each coded error answered (the metrics count pickup failures by code: a refusal publishes no event). */
  answered: (path: string, code: string) => void = () => undefined,
) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (isAgentError(err)) {
      answered(req.path, err.code);
      res.status(httpStatusOf(err.code)).json(errorBody(err.code, err.message, err.details.fields, err.details.facts));
      return;
    }
    const e = err as HttpishError;
    if (e?.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('VALIDATION_FAILED', 'Nội dung gửi lên không phải JSON hợp lệ.', [{ path: '(body)', message: 'invalid JSON' }]));
      return;
    }
    if (e?.type === 'entity.too.large') {
      res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.'));
      return;
    }
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(400).json(errorBody('VALIDATION_FAILED', 'Yêu cầu không hợp lệ.'));
      return;
    }
    const storeMessage = storeFailed(err);
    if (storeMessage !== undefined) {
      answered(req.path, 'STORE_UNAVAILABLE');
      res.status(503).json(errorBody('STORE_UNAVAILABLE', storeMessage));
      return;
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    answered(req.path, 'INTERNAL_ERROR');
    res.status(500).json(errorBody('INTERNAL_ERROR', 'Ki-ốt gặp lỗi nội bộ. Vui lòng thử lại hoặc báo cán bộ hướng dẫn.'));
  };
}
