/**
 * The one error type domain code throws. It carries a code from shared/error-codes.ts; the HTTP status is looked
 * up from the code in one place (api/error-mapper.ts). Messages are Vietnamese first and say what to do next.
 */
import type { ErrorCode } from '../../../shared/error-codes';

export interface FieldProblem {
  path: string;
  message: string;
}

export class AgentError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; facts?: Record<string, string | number | boolean>; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'AgentError';
  }
}

export function isAgentError(err: unknown): err is AgentError {
  return err instanceof AgentError;
}
