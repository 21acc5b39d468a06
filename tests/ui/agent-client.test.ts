import { describe, expect, it } from 'vitest';
import { AgentClient, AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function clientReturning(response: Response | Error) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const client = new AgentClient(async (url, init) => {
    calls.push({ url, ...(init ? { init } : {}) });
    if (response instanceof Error) throw response;
    return response;
  });
  return { client, calls };
}

const TICKET = {
  id: 'tX',
  number: 'A001',
  serviceId: 'tu-phap',
  priority: 'elderly',
  issuedAt: '2026-11-22T01:00:00.000Z',
  ahead: 0,
  estimatedWaitMinutes: 0,
  trackUrl: 'http://127.0.0.1:8080/track/tX',
  printed: false,
  printError: { code: 'PRINTER_PAPER_OUT', message: 'Máy in đã hết giấy.' },
};

describe('agent client', () => {
  it('posts a ticket request as JSON and parses the reply', async () => {
    const { client, calls } = clientReturning(json(201, TICKET));
    const ticket = await client.issueTicket({ serviceId: 'tu-phap', priority: 'elderly' });
    expect(ticket).toEqual(TICKET);
    expect(calls[0]!.url).toBe('/api/tickets');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ serviceId: 'tu-phap', priority: 'elderly' });
  });

  it('turns an error body into its code', async () => {
    const { client } = clientReturning(json(404, { error: { code: 'SERVICE_NOT_FOUND', message: 'Không có lĩnh vực' } }));
    await expect(client.issueTicket({ serviceId: 'x' })).rejects.toMatchObject({ code: 'SERVICE_NOT_FOUND', status: 404 });
  });

  it('rejects a response that does not match the schema', async () => {
    const { client } = clientReturning(json(200, [{ id: 'tu-phap' }]));
    const err = await client.services().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentRequestError);
    expect((err as AgentRequestError).code).toBe('BAD_RESPONSE');
    expect((err as AgentRequestError).message).toContain('/api/services');
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const { client } = clientReturning(new TypeError('fetch failed'));
    await expect(client.kiosk()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('reports a non-JSON error page as NETWORK_ERROR (a proxy or a stopped agent)', async () => {
    const { client } = clientReturning(new Response('<html>502</html>', { status: 502 }));
    await expect(client.health()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 502 });
  });
});
