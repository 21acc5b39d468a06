/**
 * Lobby display zones over real HTTP: GET /api/displays/:id (public: counter and service names, nothing about a
 * citizen), its 404 in Vietnamese, its OpenAPI entry, and the snapshot every display reads: every counter, and the
 * latest call of each counter even when more counters have called than the day's recent calls hold.
 */
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import { DisplaySnapshotSchema } from '../../shared/counter-schemas';
import { DisplayZoneSchema } from '../../shared/display-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF_TOKEN } from '../support/test-config';

const COUNTERS = Array.from({ length: 14 }, (_, i) => String(i + 1));
const it = agentTest({
  config: () => ({
    counters: COUNTERS.map((id) => ({ id, services: [Number(id) % 2 ? 'tu-phap' : 'dat-dai'] })),
    // Counter 14 recalls ten times below to fill the day's newest calls: past the default three it would be a no-show.
    queue: { priorityStreakLimit: 2, defaultServiceMinutes: 5, maxRecalls: 20 },
    displays: [
      { id: 'tang-1', name: { vi: 'Tầng 1', en: 'Floor 1' }, counters: ['3', '1'] },
      { id: 'tang-2', name: { vi: 'Tầng 2', en: 'Floor 2' }, counters: COUNTERS.slice(2) },
    ],
  }),
});

describe('display zones API', () => {
  it("GET /api/displays/:id: the zone's counters in its order and the services they serve, names only", async ({ agent }) => {
    const res = await getJson<unknown>(`${agent.url}/api/displays/tang-1`);
    expect(res.status).toBe(200);
    expect(DisplayZoneSchema.parse(res.body)).toEqual({
      id: 'tang-1',
      name: { vi: 'Tầng 1', en: 'Floor 1' },
      counters: [
        { id: '3', name: { vi: 'Quầy số 3', en: 'Counter 3' } },
        { id: '1', name: { vi: 'Quầy số 1', en: 'Counter 1' } },
      ],
      services: [{ id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' } }],
    });
    // Exactly the schema's fields: no configuration beyond names reaches a public client.
    expect(res.body).toEqual(DisplayZoneSchema.parse(res.body));
  });

  it('an unknown display: 404 DISPLAY_NOT_FOUND with a Vietnamese message saying what to check', async ({ agent }) => {
    const res = await getJson<ErrorBody>(`${agent.url}/api/displays/tang-9`);
    expect([res.status, res.body.error.code]).toEqual([404, 'DISPLAY_NOT_FOUND']);
    expect(res.body.error.message).toMatch(/Kiểm tra lại địa chỉ trang/);
  });

  it('the OpenAPI document describes the route, public, with its error code', async ({ agent }) => {
    const doc = await getJson<{ paths: Record<string, Record<string, { description?: string; 'x-audience': string; responses: Record<string, { description: string }> }>> }>(`${agent.url}/api/openapi.json`);
    const op = doc.body.paths['/api/displays/{id}']?.get;
    expect(op?.['x-audience']).toBe('public');
    expect(op?.description).toContain('displays: [{ id, name: { vi, en }, counters: [counterId…] }]');
    expect(op?.responses['4XX']?.description).toContain('DISPLAY_NOT_FOUND');
  });

  it("GET /api/display: every counter, and each counter's latest call though 14 counters called since", async ({ agent }) => {
    const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
    for (const id of COUNTERS) {
      const issued = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: Number(id) % 2 ? 'tu-phap' : 'dat-dai' });
      expect((await postJson(`${agent.url}/api/counters/${id}/call`, { number: issued.body.number }, staff)).status).toBe(200);
    }
    // Counter 14 calls again and again: the day's ten newest calls are all its own.
    for (let i = 0; i < 10; i += 1) expect((await postJson(`${agent.url}/api/counters/14/recall`, {}, staff)).status).toBe(200);
    const snapshot = DisplaySnapshotSchema.parse((await getJson(`${agent.url}/api/display`)).body);
    expect(snapshot.counters.map((c) => c.id)).toEqual(COUNTERS);
    expect(new Set(snapshot.calls.map((c) => c.counterId))).toEqual(new Set(COUNTERS));
  });
});
