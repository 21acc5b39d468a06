/**
 * A citizen who leaves a phone with their ticket gets a message when their turn is near and when they are called —
 * each once, through the outbox to a (fake) SMS gateway; a phone never reaches a public client.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { FakeGateway } from '../support/fake-gateway';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';

const gateway = new FakeGateway();
const PHONE = '0912345678';
const test = agentTest({
  config: () => ({
    notifier: { driver: 'webhook', url: gateway.url },
    outbox: { pollMs: 50, minBackoffMs: 50 },
    queue: { notifyAhead: 2 },
  }),
});

describe('messages before your turn', () => {
  beforeAll(() => gateway.start());
  afterAll(() => gateway.stop());

  test('near (2 ahead) once, called once with the counter; none for tickets without a phone; the phone stays private', async ({ agent, heard }) => {
    const issue = (phone?: string) => postJson<{ id: string; number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap', ...(phone ? { phone } : {}) });
    for (let i = 0; i < 4; i++) expect((await issue()).status).toBe(201);
    const mine = await issue(PHONE); // A005: 4 ahead
    expect(mine.status).toBe(201);
    expect(JSON.stringify(mine.body)).not.toContain(PHONE);
    const bad = await postJson<{ error: { code: string } }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap', phone: 'call me' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const callNext = () => postJson(`${agent.url}/api/counters/1/call-next`, {}, STAFF);
    await callNext(); // 3 ahead: nothing yet
    await new Promise((r) => setTimeout(r, 300));
    expect(gateway.received).toEqual([]);
    await callNext(); // 2 ahead: near
    await waitUntil(() => gateway.received.length === 1, 3000, 'the near message');
    expect(gateway.received[0]).toMatchObject({ to: PHONE, reference: 'A005' });
    expect(gateway.received[0]!.text).toContain('Số A005 của ông/bà còn 2 người nữa là đến lượt');
    await callNext(); // 1 ahead: no second near message
    await callNext(); // 0 ahead
    await callNext(); // A005 called at counter 1
    await waitUntil(() => gateway.received.length === 2, 3000, 'the called message');
    expect(gateway.received[1]!.text).toContain('Mời số A005 đến Quầy số 1');
    // Called again (recall), and more calls: no more messages.
    await postJson(`${agent.url}/api/counters/1/recall`, {}, STAFF);
    await new Promise((r) => setTimeout(r, 400));
    expect(gateway.received.map((m) => m.reference)).toEqual(['A005', 'A005']);
    // The public view of the ticket and every event ever sent: no phone.
    expect(JSON.stringify((await getJson(`${agent.url}/api/tickets/${mine.body.id}`)).body)).not.toContain(PHONE);
    expect(JSON.stringify(heard.events)).not.toContain(PHONE);
  });
});
