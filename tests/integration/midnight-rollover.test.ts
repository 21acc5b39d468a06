/** A running agent crosses local midnight (Asia/Ho_Chi_Minh): numbering restarts without a restart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { IssuedTicket, ServiceSummary } from '../../shared/api-schemas';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

describe('agent running across midnight', () => {
  const dir = tempDir();
  const clock = new FakeClock(Date.parse('2026-11-22T23:59:58+07:00'));
  let agent: RunningAgent;
  beforeAll(async () => {
    agent = await startKioskAgent({ config: testConfig(dir.path), clock, uiDir: '/nonexistent' });
  });
  afterAll(async () => {
    await agent.stop();
    dir.cleanup();
  });

  it('issues A001 again after 00:00 local time, and yesterday’s queue is gone', async () => {
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
