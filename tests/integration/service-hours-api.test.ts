/** Opening hours, limits and closing early through the API, as the kiosk and a supervisor's page meet them. */
import { describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';

const at = (local: string): number => Date.parse(`${local}+07:00`);
const iso = (local: string): string => new Date(at(local)).toISOString();
const clock = new FakeClock(at('2026-12-02T11:20')); // a Wednesday, ten minutes before the morning closes
const weekdays: [string, string][] = [['07:30', '11:30'], ['13:30', '17:00']];

const test = agentTest({
  clock,
  config: () => ({
    hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
    services: [
      { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, dailyLimit: 2 },
      { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, defaultServiceMinutes: 30 },
    ],
    queue: { closingMarginMinutes: 5 },
  }),
});

type Failure = { error: { code: string; message: string; details?: Record<string, string> } };

describe('opening hours through the API', () => {
  test('limit, closing margin, closed hours and closing early: coded refusals with when to come back', async ({ agent }) => {
    const ticket = (serviceId: string, priority?: string) => postJson<Failure & { number: string }>(`${agent.url}/api/tickets`, { serviceId, ...(priority ? { priority } : {}) });
    expect((await ticket('tu-phap')).status).toBe(201);
    expect((await ticket('tu-phap')).status).toBe(201);
    const full = await ticket('tu-phap');
    expect([full.status, full.body.error.code, full.body.error.details?.opensAt]).toEqual([409, 'SERVICE_FULL', iso('2026-12-03T07:30')]);
    expect(full.body.error.message).toContain('hết số trong ngày');

    expect((await ticket('dat-dai')).status).toBe(201); // 0 ahead
    const closing = await ticket('dat-dai'); // 1 ahead × 30 min: past 11:30 + 5
    expect([closing.status, closing.body.error.code, closing.body.error.details?.closesAt]).toEqual([409, 'SERVICE_CLOSING', iso('2026-12-02T11:30')]);
    expect((await ticket('dat-dai', 'elderly')).status).toBe(201);

    const services = await getJson<{ id: string; state: string; remaining?: number; closesAt?: string }[]>(`${agent.url}/api/services`);
    expect(services.body.map((s) => [s.id, s.state, s.remaining ?? null])).toEqual([
      ['tu-phap', 'full', 0],
      ['dat-dai', 'closing', null],
    ]);

    clock.set(iso('2026-12-02T12:00'));
    const lunch = await ticket('dat-dai');
    expect([lunch.status, lunch.body.error.code, lunch.body.error.details?.opensAt]).toEqual([409, 'SERVICE_CLOSED', iso('2026-12-02T13:30')]);
    expect(lunch.body.error.message).toContain('13:30');

    clock.set(iso('2026-12-02T14:00'));
    // A supervisor's decision: not without signing in, not with an integration token, not by an officer.
    expect((await postJson(`${agent.url}/api/services/dat-dai/close-today`, {})).status).toBe(401);
    expect((await postJson(`${agent.url}/api/services/dat-dai/close-today`, {}, STAFF)).status).toBe(401);
    const officer = await postJson<Failure>(`${agent.url}/api/services/dat-dai/close-today`, {}, await signedIn(agent, 'lan', 'officer'));
    expect([officer.status, officer.body.error.code]).toEqual([403, 'STAFF_ROLE_REQUIRED']);
    const supervisor = await signedIn(agent, 'hoa', 'supervisor');
    const closed = await postJson(`${agent.url}/api/services/dat-dai/close-today`, {}, supervisor);
    expect(closed.body).toEqual({ serviceId: 'dat-dai', day: '2026-12-02', opensAt: iso('2026-12-03T07:30') });
    const after = await ticket('dat-dai');
    expect([after.status, after.body.error.code, after.body.error.details?.opensAt]).toEqual([409, 'SERVICE_CLOSED', iso('2026-12-03T07:30')]);
    expect((await postJson(`${agent.url}/api/services/nope/close-today`, {}, supervisor)).status).toBe(404);
  });
});
