/** A running agent crosses local midnight (Asia/Ho_Chi_Minh): numbering restarts without a restart. */
import { describe, expect } from 'vitest';
import type { IssuedTicket, ServiceSummary } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';

const clock = new FakeClock(Date.parse('2026-11-22T23:59:58+07:00'));
const it = agentTest({ clock });

describe('agent running across midnight', () => {
  it('issues A001 again after 00:00 local time, and yesterday’s queue is gone', async ({ agent }) => {
    const before = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(before.body.number).toBe('A001');
    clock.set('2026-11-23T00:00:01+07:00');
    const services = await getJson<ServiceSummary[]>(`${agent.url}/api/services`);
    expect(services.body.find((s) => s.id === 'tu-phap')?.waiting).toBe(0);
    const after = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(after.body).toMatchObject({ number: 'A001', ahead: 0 });
    expect(after.body.id).not.toBe(before.body.id);
  });
});
