/** A citizen who does not come after queue.maxRecalls recalls: the next recall ends the ticket as a no-show, said to all. */
import { describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';

const test = agentTest({ config: () => ({ queue: { maxRecalls: 2 } }) });

describe('recalls without a start', () => {
  test('two recalls announced, the third is a no-show published as ticket.updated, and the display is not called again', async ({ agent, heard }) => {
    const ticket = await postJson<{ id: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    await postJson(`${agent.url}/api/counters/1/call-next`, {}, STAFF);
    for (let n = 1; n <= 2; n++) {
      const r = await postJson<{ ticket: { status: string } }>(`${agent.url}/api/counters/1/recall`, {}, STAFF);
      expect(r.body.ticket.status).toBe('called');
    }
    const third = await postJson<{ ticket: { status: string } }>(`${agent.url}/api/counters/1/recall`, {}, STAFF);
    expect([third.status, third.body.ticket.status]).toEqual([200, 'no-show']);
    const ended = await heard.next('ticket.updated', (e) => e.data.ticket.id === ticket.body.id && e.data.action === 'no-show');
    expect(ended.data.counterId).toBe('1');
    const calls = heard.events.flatMap((e) => (e.type === 'ticket.called' && e.data.ticket.id === ticket.body.id ? [e.data.recall] : []));
    expect(calls).toEqual([false, true, true]); // the call and two recalls, no third
  });
});
