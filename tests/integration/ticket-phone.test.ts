/**
 * A phone left after the ticket printed (PUT /api/tickets/:id/phone, the kiosk's "Nhận tin nhắn" step and the
 * tracking page): accepted only on a waiting ticket, answered masked, and the two messages before the turn reach
 * the (fake) SMS gateway once each; withdrawn (DELETE), nothing more is sent.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { FakeGateway } from '../support/fake-gateway';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';

const gateway = new FakeGateway();
const PHONE = '0912345678';
const OTHER = '0987654321';
const test = agentTest({
  config: () => ({
    notifier: { driver: 'webhook', url: gateway.url },
    outbox: { pollMs: 50, minBackoffMs: 50 },
    queue: { notifyAhead: 2 },
  }),
});

async function send<T>(method: 'PUT' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, text };
}
type Refusal = { error: { code: string; message: string } };
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('a phone left on a ticket after it printed', () => {
  beforeAll(() => gateway.start());
  afterAll(() => gateway.stop());

  test('waiting: accepted and masked; the near and called messages once each; called: refused with why', async ({ agent, heard }) => {
    const issue = (serviceId: string) => postJson<{ id: string; number: string }>(`${agent.url}/api/tickets`, { serviceId });
    for (let i = 0; i < 4; i++) expect((await issue('tu-phap')).status).toBe(201);
    const mine = (await issue('tu-phap')).body; // A005: 4 ahead
    const phoneUrl = `${agent.url}/api/tickets/${mine.id}/phone`;

    const bad = await send<Refusal>('PUT', phoneUrl, { phone: 'call me' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const landline = await send<Refusal>('PUT', phoneUrl, { phone: '02438251234' });
    expect([landline.status, landline.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await send<Refusal>('PUT', `${agent.url}/api/tickets/tnosuchticket/phone`, { phone: PHONE });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);

    const left = await send<{ ok: boolean; phone: string }>('PUT', phoneUrl, { phone: PHONE });
    expect([left.status, left.body]).toEqual([200, { ok: true, phone: '•••• ••• 678' }]);
    expect(left.text).not.toContain('0912345');

    const callNext = () => postJson(`${agent.url}/api/counters/1/call-next`, {}, STAFF);
    await callNext(); // 3 ahead: nothing yet
    await settle();
    expect(gateway.received).toEqual([]);
    await callNext(); // 2 ahead: near
    await waitUntil(() => gateway.received.length === 1, 3000, 'the near message');
    expect(gateway.received[0]).toMatchObject({ to: PHONE, reference: 'A005' });
    expect(gateway.received[0]!.text).toContain('Số A005 của ông/bà còn 2 người nữa là đến lượt');
    // Left again: still waiting, accepted, but "near" went already.
    expect((await send('PUT', phoneUrl, { phone: PHONE })).status).toBe(200);
    await callNext();
    await callNext();
    await settle();
    expect(gateway.received).toHaveLength(1);
    await callNext(); // A005 called at counter 1
    await waitUntil(() => gateway.received.length === 2, 3000, 'the called message');
    expect(gateway.received[1]).toMatchObject({ to: PHONE, reference: 'A005' });
    expect(gateway.received[1]!.text).toContain('Mời số A005 đến Quầy số 1');

    const late = await send<Refusal>('PUT', phoneUrl, { phone: OTHER });
    expect([late.status, late.body.error.code]).toEqual([409, 'TICKET_NOT_WAITING']);
    expect(late.body.error.message).toBe('Số A005 đã được gọi, nên không cần nhắn tin báo trước lượt nữa.');
    await postJson(`${agent.url}/api/counters/1/recall`, {}, STAFF);
    await settle();
    expect(gateway.received.map((m) => m.reference)).toEqual(['A005', 'A005']);
    expect(JSON.stringify((await getJson(`${agent.url}/api/tickets/${mine.id}`)).body)).not.toContain(PHONE);
    expect(JSON.stringify(heard.events)).not.toContain(PHONE);
  });

  test('already near when left: the message goes at once; withdrawn: no called message', async ({ agent }) => {
    const before = gateway.received.length;
    const first = await postJson<{ id: string; number: string }>(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' });
    const second = await postJson<{ id: string; number: string; ahead: number }>(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' });
    expect(second.body.ahead).toBe(1);
    const phoneUrl = `${agent.url}/api/tickets/${second.body.id}/phone`;
    expect((await send('PUT', phoneUrl, { phone: OTHER })).body).toEqual({ ok: true, phone: '•••• ••• 321' });
    await waitUntil(() => gateway.received.length === before + 1, 3000, 'the near message at once');
    expect(gateway.received.at(-1)).toMatchObject({ to: OTHER, reference: second.body.number });
    expect(gateway.received.at(-1)!.text).toContain(`Số ${second.body.number} của ông/bà còn 1 người nữa là đến lượt`);

    const withdrawn = await send<{ ok: boolean }>('DELETE', phoneUrl);
    expect([withdrawn.status, withdrawn.body]).toEqual([200, { ok: true }]);
    await postJson(`${agent.url}/api/counters/2/call-next`, {}, STAFF); // the first
    await postJson(`${agent.url}/api/counters/2/call-next`, {}, STAFF); // the second: no phone any more
    const view = await getJson<{ status: string }>(`${agent.url}/api/tickets/${second.body.id}`);
    expect(view.body.status).toBe('called');
    await settle();
    expect(gateway.received).toHaveLength(before + 1);
    expect(first.status).toBe(201);
  });
});
