import { describe, expect, it } from 'vitest';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { StaffClient } from '../../kiosk-ui/src/agent-client/staff-client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const TICKET = { id: 't1', number: 'A001', serviceId: 'tu-phap', priority: null, issuedAt: '2026-11-23T01:00:00.000Z', status: 'called', counterId: '3', ahead: 0, estimatedWaitMinutes: 0 };

function staff(response: Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const client = new StaffClient(async (url, init) => {
    calls.push({ url, init });
    return response.clone();
  }, 'a-staff-token-of-16+');
  return { client, calls };
}

describe('staff client', () => {
  it('sends the bearer token on every request and posts each action to its path', async () => {
    const { client, calls } = staff(json(200, { ticket: TICKET }));
    await client.callNext('3');
    await client.act('3', 'no-show');
    await client.callNumber('3', 'A007');
    await client.transfer('3', { toCounterId: '5', position: 'front' });
    expect(calls.map((c) => c.url)).toEqual(['/api/counters/3/call-next', '/api/counters/3/no-show', '/api/counters/3/call', '/api/counters/3/transfer']);
    for (const c of calls) expect((c.init?.headers as Record<string, string>).authorization).toBe('Bearer a-staff-token-of-16+');
    expect(JSON.parse(String(calls[2]!.init?.body))).toEqual({ number: 'A007' });
    expect(JSON.parse(String(calls[3]!.init?.body))).toEqual({ toCounterId: '5', position: 'front' });
  });

  it('a refused token surfaces as UNAUTHORIZED, which the console treats as signed out', async () => {
    const { client } = staff(json(401, { error: { code: 'UNAUTHORIZED', message: 'Cần mã truy cập của cán bộ.' } }));
    const err = await client.counterState('1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentRequestError);
    expect((err as AgentRequestError).code).toBe('UNAUTHORIZED');
  });

  it('asks for statistics of a range', async () => {
    const { client, calls } = staff(json(200, { from: '2026-11-01', to: '2026-11-23', ratingScale: 3, services: [], counters: [] }));
    await client.stats('2026-11-01', '2026-11-23');
    expect(calls[0]!.url).toBe('/api/stats?from=2026-11-01&to=2026-11-23');
  });
});
