/** The printer simulator over real TCP, as the driver (or any ESC/POS client) sees it. */
import { Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeCp1258 } from '../../kiosk-agent/src/devices/printer/cp1258';
import { SimulatedPrinter } from '../../kiosk-agent/src/devices/printer/simulated-printer';

let sim: SimulatedPrinter;
let port: number;

/** Opens a connection, sends the chunks in order, collects every byte the printer answers, closes. */
async function exchange(chunks: Uint8Array[], expectReplies: number): Promise<number[]> {
  const socket = new Socket();
  const replies: number[] = [];
  await new Promise<void>((r) => socket.connect(port, '127.0.0.1', () => r()));
  const got = new Promise<void>((resolve) => {
    if (expectReplies === 0) resolve();
    socket.on('data', (d: Buffer) => {
      replies.push(...d);
      if (replies.length >= expectReplies) resolve();
    });
  });
  for (const c of chunks) {
    socket.write(c);
    await new Promise((r) => setTimeout(r, 5));
  }
  await got;
  await new Promise<void>((r) => {
    socket.on('close', () => r());
    socket.end();
  });
  return replies;
}

const DLE_EOT = (n: number) => Uint8Array.of(0x10, 0x04, n);

describe('simulated ESC/POS printer over TCP', () => {
  beforeAll(async () => {
    sim = new SimulatedPrinter();
    ({ port } = await sim.start());
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    sim.setState({ paper: 'ok', coverOpen: false, offline: false });
    sim.clearJobs();
  });

  it('records a job per connection and decodes it', async () => {
    const job = sim.waitForJob();
    await exchange([Uint8Array.of(0x1b, 0x40, 0x1b, 0x74, 52), encodeCp1258('Đất đai\n'), Uint8Array.of(0x1d, 0x56, 0x00)], 0);
    const recorded = await job;
    expect(recorded.decoded.lines).toEqual(['Đất đai']);
    expect(recorded.decoded.cuts).toBe(1);
    expect(sim.jobs).toHaveLength(1);
  });

  it('answers DLE EOT 1/2/4 byte-exactly for each state', async () => {
    const ask = () => exchange([DLE_EOT(1), DLE_EOT(2), DLE_EOT(4)], 3);
    expect(await ask()).toEqual([0x12, 0x12, 0x12]);
    sim.setState({ paper: 'low' });
    expect(await ask()).toEqual([0x12, 0x12, 0x1e]);
    sim.setState({ paper: 'out' });
    expect(await ask()).toEqual([0x1a, 0x32, 0x7e]);
    sim.setState({ paper: 'ok', coverOpen: true });
    expect(await ask()).toEqual([0x1a, 0x16, 0x12]);
    sim.setState({ coverOpen: false, offline: true });
    expect(await ask()).toEqual([0x1a, 0x12, 0x12]);
    for (const b of await ask()) expect(b & 0x93).toBe(0x12);
    expect(sim.jobs).toHaveLength(0); // status-only connections are not jobs
  });

  it('answers status requests inside a job (even split across packets) and strips them from the job', async () => {
    const replies = await exchange([Uint8Array.of(0x41, 0x10), Uint8Array.of(0x04, 0x04, 0x42, 0x0a)], 1);
    expect(replies).toEqual([0x12]);
    expect(sim.jobs[0]!.decoded.lines).toEqual(['AB']);
    expect([...sim.jobs[0]!.bytes]).toEqual([0x41, 0x42, 0x0a]);
  });

  it('prints nothing while out of paper, but still answers', async () => {
    sim.setState({ paper: 'out' });
    const discarded = new Promise<number>((r) => sim.once('discarded', r));
    const replies = await exchange([DLE_EOT(4), Uint8Array.of(0x41, 0x0a)], 1);
    expect(replies).toEqual([0x7e]);
    expect(await discarded).toBe(2);
    expect(sim.jobs).toHaveLength(0);
  });

  it('takes many connections at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => exchange([new TextEncoder().encode(`job ${i}\n`)], 0)));
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.jobs.map((j) => j.decoded.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `job ${i}`).sort());
  });

  it('prints nothing with the cover open or offline either', async () => {
    for (const state of [{ coverOpen: true }, { offline: true }]) {
      sim.setState({ paper: 'ok', coverOpen: false, offline: false, ...state });
      const discarded = new Promise<number>((r) => sim.once('discarded', r));
      expect(await exchange([DLE_EOT(1), Uint8Array.of(0x41, 0x0a)], 1)).toEqual([0x1a]);
      expect(await discarded).toBe(2);
    }
    expect(sim.jobs).toHaveLength(0);
  });

  it('answers a status request split over three packets', async () => {
    expect(await exchange([Uint8Array.of(0x41, 0x10), Uint8Array.of(0x04), Uint8Array.of(0x02, 0x0a)], 1)).toEqual([0x12]);
    expect([...(await waitForJobs(1))[0]!.bytes]).toEqual([0x41, 0x0a]);
  });

  it('keeps DLE EOT with n outside 1..4 as data (no reply)', async () => {
    const replies = await exchange([Uint8Array.of(0x41, 0x10, 0x04, 0x05, 0x0a)], 0);
    expect(replies).toEqual([]);
    expect([...(await waitForJobs(1))[0]!.bytes]).toEqual([0x41, 0x10, 0x04, 0x05, 0x0a]);
  });

  it('records a job whose connection was reset instead of closed', async () => {
    const job = sim.waitForJob((j) => j.decoded.text === 'reset');
    const socket = new Socket();
    await new Promise<void>((r) => socket.connect(port, '127.0.0.1', () => r()));
    socket.write(new TextEncoder().encode('reset\n'));
    await new Promise((r) => setTimeout(r, 20));
    socket.resetAndDestroy();
    expect((await job).decoded.lines).toEqual(['reset']);
  });

  it('waitForJob gives up after its timeout', async () => {
    await expect(sim.waitForJob(() => true, 30)).rejects.toThrow(/no matching print job/);
  });
});

/** Jobs are recorded when the server side sees the close, a moment after the client's close. */
async function waitForJobs(n: number): Promise<typeof sim.jobs> {
  for (let k = 0; k < 100 && sim.jobs.length < n; k++) await new Promise((r) => setTimeout(r, 5));
  return sim.jobs;
}
