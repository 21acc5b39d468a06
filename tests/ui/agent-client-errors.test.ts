/** The agent client's failure modes that the main client test leaves out: time-outs, 5xx bodies, unprinted tickets. */
import { describe, expect, it } from 'vitest';
import { AgentClient, errorCodeOf } from '../../kiosk-ui/src/agent-client/agent-client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('agent client errors', () => {
  it('gives up after its timeout with NETWORK_TIMEOUT', async () => {
    // A fetch that never answers, but honours the abort signal like the real one.
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const client = new AgentClient(hanging, '', 30);
    await expect(client.services()).rejects.toMatchObject({ name: 'AgentRequestError', code: 'NETWORK_TIMEOUT', status: 0 });
  });

  it('keeps the agent\'s code and status on a 503', async () => {
    const client = new AgentClient(async () => json(503, { error: { code: 'SHUTTING_DOWN', message: 'Đang tắt' } }));
    await expect(client.issueTicket({ serviceId: 'tu-phap' })).rejects.toMatchObject({ code: 'SHUTTING_DOWN', status: 503, message: 'Đang tắt' });
  });

  it('an error status without the error body is a BAD_RESPONSE', async () => {
    const client = new AgentClient(async () => json(500, { oops: true }));
    const err = await client.kiosk().catch((e: unknown) => e);
    expect(errorCodeOf(err)).toBe('BAD_RESPONSE');
  });

  it('a ticket that was not printed parses, with the printer\'s reason', async () => {
    const ticket = {
      id: 't9',
      number: 'A009',
      serviceId: 'tu-phap',
      priority: null,
      issuedAt: '2026-11-23T01:00:00.000Z',
      ahead: 2,
      estimatedWaitMinutes: 6,
      trackUrl: 'http://127.0.0.1:8080/track/t9',
      printed: false,
      printError: { code: 'PRINTER_PAPER_OUT', message: 'Hết giấy' },
    };
    const client = new AgentClient(async () => json(201, ticket));
    await expect(client.issueTicket({ serviceId: 'tu-phap' })).resolves.toMatchObject({ printed: false, printError: { code: 'PRINTER_PAPER_OUT' } });
  });

  it('reads the kiosk info and the demo printer jobs', async () => {
    const info = { centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên', timezone: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 420, demo: true, priorityCategories: ['elderly', 'merit'], pickup: { lockers: false, resultServiceId: null }, ratingScale: 5, checkIn: false, procedures: true };
    const jobs = [{ id: 1, receivedAt: '2026-11-23T01:00:00.000Z', bytes: 900, text: 'A001', qrCodes: [], cut: true }];
    const urls: string[] = [];
    const client = new AgentClient(async (url) => {
      urls.push(url);
      return json(200, url.endsWith('/api/kiosk') ? info : jobs);
    }, 'http://127.0.0.1:8080');
    await expect(client.kiosk()).resolves.toEqual(info);
    await expect(client.demoPrinterJobs()).resolves.toEqual(jobs);
    expect(urls).toEqual(['http://127.0.0.1:8080/api/kiosk', 'http://127.0.0.1:8080/api/demo/printer/jobs']);
  });

  it('a non-agent error is UNKNOWN to the UI', () => {
    expect(errorCodeOf(new Error('x'))).toBe('UNKNOWN');
  });
});
