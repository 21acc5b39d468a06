/**
 * Appointment benchmarks, on one agent (the real CLI, its own SQLite, the printer simulator over TCP):
 * 1. Booking: POST /api/appointments/book → 201 (slot places, the limits, the SMS queued in the outbox), 500
 *    bookings one after another over a fortnight of slots.
 * 2. Check-in: POST /api/appointments/check-in → the last byte of the slip at the printer simulator (the ticket
 *    placed at its booked time, printed), 500 check-ins one after another.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SimulatedPrinter } from '../../kiosk-agent/src/devices/printer/simulated-printer';
import { spawnAgent } from '../support/agent-process';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { ms, summarize } from './stats';

const COUNT = 500;

export async function benchAppointments(): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const sim = new SimulatedPrinter();
  const { port } = await sim.start(0, '127.0.0.1');
  const configFile = join(dir.path, 'site.json');
  const base = testConfig(join(dir.path, 'data'), { driver: 'escpos', interface: `tcp://127.0.0.1:${port}`, text: 'cp1258' });
  writeFileSync(
    configFile,
    JSON.stringify({
      ...base,
      // Every day, all day in 5-minute slots of 3: enough places for 500 bookings from one address (the most it may make a day) and many phones.
      services: base.services.map((s) => ({ ...s, appointments: { slotMinutes: 5, perSlot: 3, daysAhead: 14, hours: ALL_WEEK } })),
      appointments: { perAddressPerDay: 500, earlyMinutes: 240 },
    }),
  );
  const agent = spawnAgent(['--config', configFile]);
  try {
    const url = await agent.url;
    const slots = await slotsFrom(url);
    const book = async (i: number) => {
      const t0 = performance.now();
      const res = await postJson<{ code: string }>(`${url}/api/appointments/book`, { serviceId: 'tu-phap', start: slots[i]!, phone: `09${String(10_000_000 + i)}` });
      if (res.status !== 201) throw new Error(`booking ${i} refused: ${JSON.stringify(res.body)}`);
      return { ms: performance.now() - t0, code: res.body.code };
    };
    // Warm-up through the staff route (the same booking code; the public route's 500 a day from one address are measured).
    for (let i = 0; i < 10; i++) await postJson(`${url}/api/appointments`, { serviceId: 'tu-phap', start: slots[COUNT + i]!, phone: '0912345678' }, STAFF);
    const booked = [];
    for (let i = 0; i < COUNT; i++) booked.push(await book(i));

    // Check-in needs the booked time within `earlyMinutes` of now: staff book visits starting in the next hours.
    const soon = [];
    for (let i = 0; i < COUNT; i++) {
      const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + (30 + (i % 180)) * 60_000).toISOString();
      const res = await postJson<{ code: string }>(`${url}/api/appointments`, { serviceId: i % 2 ? 'tu-phap' : 'dat-dai', start, phone: '0912345678' }, STAFF);
      if (res.status !== 201) throw new Error(`staff booking ${i} refused: ${JSON.stringify(res.body)}`);
      soon.push(res.body.code);
    }
    const checkIns: number[] = [];
    for (const code of soon) {
      const printed = new Promise<number>((resolve) => sim.once('job', () => resolve(performance.now())));
      const t0 = performance.now();
      const res = await postJson<{ ticket: { printed: boolean } }>(`${url}/api/appointments/check-in`, { code });
      if (res.status !== 201 || !res.body.ticket.printed) throw new Error(`check-in failed: ${JSON.stringify(res.body)}`);
      checkIns.push((await printed) - t0);
    }
    const b = summarize(booked.map((x) => x.ms));
    const c = summarize(checkIns);
    return [
      `appointment booking (POST /api/appointments/book → 201, SMS queued, ${b.n} bookings): median ${ms(b.median)}, p99 ${ms(b.p99)}, max ${ms(b.max)}  [target p99 ≤ 50 ms]`,
      `appointment check-in (POST /api/appointments/check-in → last byte of the slip at the printer simulator, ${c.n}): median ${ms(c.median)}, p99 ${ms(c.p99)}, max ${ms(c.max)}  [target p99 ≤ 50 ms, as a ticket]`,
    ];
  } finally {
    agent.child.kill('SIGTERM');
    await agent.exited;
    await sim.stop();
    dir.cleanup();
  }
}

const WHOLE_DAY: [string, string][] = [['00:00', '23:55']];
const ALL_WEEK = { mon: WHOLE_DAY, tue: WHOLE_DAY, wed: WHOLE_DAY, thu: WHOLE_DAY, fri: WHOLE_DAY, sat: WHOLE_DAY, sun: WHOLE_DAY };

/** The slot starts of the next days, in order, each offered three times (three places a slot). */
async function slotsFrom(url: string): Promise<string[]> {
  const out: string[] = [];
  for (let d = 1; out.length < (COUNT + 10) && d <= 14; d++) {
    const date = new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${url}/api/appointments/slots?serviceId=tu-phap&date=${date}`);
    const list = (await res.json()) as { slots: { start: string }[] };
    for (const s of list.slots) out.push(s.start, s.start, s.start);
  }
  return out;
}
