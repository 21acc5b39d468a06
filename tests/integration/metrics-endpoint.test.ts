/**
 * GET /metrics as Prometheus reads it (README "Monitoring"): a ticket issued and called, a slip the printer could not
 * print and a device fault each move the figures a monitoring system alerts on. The agent runs on a fake clock, so
 * the time from issue to call is exact. Who may read /metrics from another host is decided in
 * tests/agent/api/metrics-access.test.ts (from loopback every caller is the kiosk itself).
 */
import { describe, expect } from 'vitest';
import type { IssuedTicket } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { postJson } from '../support/http';
import { scrape, valueOf, type Sample } from '../support/prometheus-text';
import { waitUntil } from '../support/socat';
import { STAFF_TOKEN } from '../support/test-config';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789';
const STAFF = { authorization: `Bearer ${STAFF_TOKEN}` };
const PROMETHEUS = { authorization: `Bearer ${METRICS_TOKEN}` };
const clock = new FakeClock(Date.parse('2026-12-02T02:00:00Z')); // 09:00 in Hà Nội

const it = agentTest({
  clock,
  config: () => ({
    printer: { driver: 'simulated', statusPollMs: 100 },
    staff: { tokens: [STAFF_TOKEN, { token: METRICS_TOKEN, name: 'prometheus', scopes: ['metrics'] }] },
  }),
});

const metric = async (url: string): Promise<Sample[]> => {
  const res = await scrape(url, PROMETHEUS);
  expect(res.status).toBe(200);
  return res.samples;
};
/** A counter's value, 0 before its first increment (Prometheus treats a missing series the same way). */
const count = (samples: Sample[], name: string, labels: Record<string, string>): number => valueOf(samples, name, labels) ?? 0;

describe('GET /metrics', () => {
  it('answers the Prometheus text format with the process metrics and the kiosk label', async ({ agent }) => {
    const res = await scrape(agent.url, PROMETHEUS);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE kiosk_tickets_issued_total counter');
    expect(res.body).toContain('# TYPE kiosk_ticket_time_to_call_seconds histogram');
    expect(valueOf(res.samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(res.samples, 'kiosk_device_state', { device: 'printer', state: 'ready' })).toBe(1);
    expect(res.samples.every((s) => s.labels.kiosk === 'kiosk')).toBe(true);
  });

  it('a ticket issued and called 5 minutes later: issued +1, waiting +1 then −1, a call at counter 1, time to call 300 s', async ({ agent }) => {
    const before = await metric(agent.url);
    const issued = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap', priority: 'elderly' });
    expect(issued.status).toBe(201);

    const waiting = await metric(agent.url);
    expect(count(waiting, 'kiosk_tickets_issued_total', { service: 'tu-phap', priority: 'elderly' })).toBe(count(before, 'kiosk_tickets_issued_total', { service: 'tu-phap', priority: 'elderly' }) + 1);
    expect(valueOf(waiting, 'kiosk_tickets_waiting', { service: 'tu-phap' })).toBe(valueOf(before, 'kiosk_tickets_waiting', { service: 'tu-phap' })! + 1);
    expect(valueOf(waiting, 'kiosk_tickets_waiting', { service: 'dat-dai' })).toBe(0);
    expect(count(waiting, 'kiosk_print_jobs_total', { result: 'ok' })).toBe(count(before, 'kiosk_print_jobs_total', { result: 'ok' }) + 1);

    clock.advance(5 * 60_000);
    const called = await postJson<{ ticket: { id: string } }>(`${agent.url}/api/counters/1/call-next`, {}, STAFF);
    expect(called.body.ticket.id).toBe(issued.body.id);
    const after = await metric(agent.url);
    expect(count(after, 'kiosk_ticket_calls_total', { counter: '1', recall: 'false' })).toBe(count(before, 'kiosk_ticket_calls_total', { counter: '1', recall: 'false' }) + 1);
    expect(valueOf(after, 'kiosk_tickets_waiting', { service: 'tu-phap' })).toBe(valueOf(before, 'kiosk_tickets_waiting', { service: 'tu-phap' }));
    const h = (suffix: string, labels: Record<string, string> = {}) => count(after, `kiosk_ticket_time_to_call_seconds_${suffix}`, { service: 'tu-phap', ...labels });
    const h0 = (suffix: string, labels: Record<string, string> = {}) => count(before, `kiosk_ticket_time_to_call_seconds_${suffix}`, { service: 'tu-phap', ...labels });
    expect(h('count')).toBe(h0('count') + 1);
    expect(h('sum') - h0('sum')).toBe(300);
    expect(h('bucket', { le: '300' })).toBe(h0('bucket', { le: '300' }) + 1);
    expect(h('bucket', { le: '120' })).toBe(h0('bucket', { le: '120' }));

    // A recall is a call at the counter, not a second "first call".
    expect((await postJson(`${agent.url}/api/counters/1/recall`, {}, STAFF)).status).toBe(200);
    const recalled = await metric(agent.url);
    expect(count(recalled, 'kiosk_ticket_calls_total', { counter: '1', recall: 'true' })).toBe(count(after, 'kiosk_ticket_calls_total', { counter: '1', recall: 'true' }) + 1);
    expect(count(recalled, 'kiosk_ticket_time_to_call_seconds_count', { service: 'tu-phap' })).toBe(h('count'));
  });

  it('paper out: the device state flips, a ticket not printed is counted under PRINTER_PAPER_OUT, and back', async ({ agent }) => {
    const before = await metric(agent.url);
    expect((await postJson(`${agent.url}/api/demo/printer/state`, { paper: 'out' })).status).toBe(200);
    await waitUntil(async () => valueOf(await metric(agent.url), 'kiosk_device_state', { device: 'printer', state: 'paper-out' }) === 1, 3000, 'printer paper-out in /metrics');
    const out = await metric(agent.url);
    expect(valueOf(out, 'kiosk_device_state', { device: 'printer', state: 'ready' })).toBe(0);

    const ticket = await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' });
    expect(ticket.body).toMatchObject({ printed: false, printError: { code: 'PRINTER_PAPER_OUT' } });
    const failed = await metric(agent.url);
    expect(count(failed, 'kiosk_print_jobs_total', { result: 'PRINTER_PAPER_OUT' })).toBe(count(before, 'kiosk_print_jobs_total', { result: 'PRINTER_PAPER_OUT' }) + 1);
    expect(count(failed, 'kiosk_print_jobs_total', { result: 'ok' })).toBe(count(before, 'kiosk_print_jobs_total', { result: 'ok' }));
    // Issued all the same: the citizen has the number on the screen.
    expect(count(failed, 'kiosk_tickets_issued_total', { service: 'dat-dai', priority: 'none' })).toBe(count(before, 'kiosk_tickets_issued_total', { service: 'dat-dai', priority: 'none' }) + 1);

    expect((await postJson(`${agent.url}/api/demo/printer/state`, { paper: 'ok' })).status).toBe(200);
    await waitUntil(async () => valueOf(await metric(agent.url), 'kiosk_device_state', { device: 'printer', state: 'ready' }) === 1, 3000, 'printer ready again in /metrics');
  });

  it('a pickup refused is counted by step and code; the kiosk itself reads /metrics without a token', async ({ agent }) => {
    const before = await scrape(agent.url);
    expect(before.status).toBe(200);
    const lookup = await postJson<{ error: { code: string } }>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-9999' });
    expect(lookup.body.error.code).toBe('DOSSIER_NOT_FOUND');
    const after = await scrape(agent.url);
    const labels = { step: 'lookup', code: 'DOSSIER_NOT_FOUND' };
    expect(count(after.samples, 'kiosk_pickup_failures_total', labels)).toBe(count(before.samples, 'kiosk_pickup_failures_total', labels) + 1);
  });

  it('an event socket shows in the clients gauge per audience', async ({ agent, heard }) => {
    expect(heard).toBeDefined();
    const samples = await metric(agent.url);
    // The test's socket comes from loopback: the kiosk itself, so it is counted as kiosk and as public.
    expect(valueOf(samples, 'kiosk_websocket_clients', { audience: 'kiosk' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'kiosk_websocket_clients', { audience: 'public' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'kiosk_websocket_clients', { audience: 'staff' })).toBe(0);
  });

  it('after all of the above, no label names a person or a dossier: only services, counters, devices, states and codes', async ({ agent }) => {
    const res = await scrape(agent.url, PROMETHEUS);
    const labelNames = new Set(res.samples.filter((s) => s.name.startsWith('kiosk_')).flatMap((s) => Object.keys(s.labels)));
    expect([...labelNames].sort()).toEqual(['audience', 'code', 'counter', 'device', 'kiosk', 'le', 'priority', 'recall', 'result', 'service', 'state', 'step']);
    expect(res.body).not.toContain('H29-250704');
    expect(res.body).not.toMatch(/\b0\d{9}\b/);
  });

  it('is matched before the UI fallback and documented in the OpenAPI document', async ({ agent }) => {
    const doc = (await (await fetch(`${agent.url}/api/openapi.json`)).json()) as { paths: Record<string, { get?: { 'x-audience': string } }> };
    expect(doc.paths['/metrics']?.get?.['x-audience']).toBe('monitoring');
  });
});
