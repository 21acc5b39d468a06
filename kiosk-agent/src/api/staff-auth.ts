/** Bearer-token check for staff routes; constant-time compare so tokens cannot be guessed byte by byte. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AgentError } from '../errors/agent-error';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(req: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
}

export function createStaffCheck(tokens: readonly string[]): (req: Request) => void {
  const known = tokens.map(digest);
  return (req) => {
    const token = bearerToken(req);
    const given = token ? digest(token) : undefined;
    if (!given || !known.some((k) => timingSafeEqual(k, given))) {
      throw new AgentError('UNAUTHORIZED', 'Cần đăng nhập bằng mã cán bộ (Authorization: Bearer <token>).');
    }
  };
}
