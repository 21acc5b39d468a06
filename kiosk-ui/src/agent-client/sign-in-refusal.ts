/** Why the agent refused a sign-in, with the facts a screen says (attempts left, locked until), from the error event. */
import { AgentRequestError, errorEventCode, type AgentErrorCode } from './agent-client';

export interface SignInRefusal {
  code: AgentErrorCode;
  attemptsLeft: number | null;
  retryAt: string | null;
}

export function signInRefusal(event: unknown): SignInRefusal {
  const error = (event as { error?: unknown } | null)?.error;
  const details = error instanceof AgentRequestError ? error.details : {};
  return {
    code: errorEventCode(event),
    attemptsLeft: typeof details.attemptsLeft === 'number' ? details.attemptsLeft : null,
    retryAt: typeof details.retryAt === 'string' ? details.retryAt : null,
  };
}
