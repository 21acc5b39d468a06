/** Bearer-token check for staff routes; constant-time compare so tokens cannot be guessed byte by byte. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AgentError } from '../errors/agent-error';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function createStaffCheck(tokens: readonly string[]): (req: Request) => void {
  const known = tokens.map(digest);
  return (req) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const given = m ? digest(m[1]!) : undefined;
    if (!given || !known.some((k) => timingSafeEqual(k, given))) {
      throw new AgentError('UNAUTHORIZED', 'Cần đăng nhập bằng mã cán bộ (Authorization: Bearer <token>).');
    }
  };
}
