/**
 * A counter desk on a fresh store (either adapter) at 08:00 in the centre, as the desk's tests start from: the
 * queue, the desk, its call log and a clock the test moves, new for each test.
 *
 *   describe.each(STORE_KINDS)('… (%s)', (kind) => {
 *     const bench = counterDeskEachTest(kind);
 *     it('…', async () => { const { desk, issue } = bench; … });
 */
import { afterEach, beforeEach } from 'vitest';
import { parseSiteConfig } from '../../../../kiosk-agent/src/config/load-config';
import { CounterDesk } from '../../../../kiosk-agent/src/queue/counter-desk';
import { CounterRepository } from '../../../../kiosk-agent/src/queue/counter-repository';
import { QueueService } from '../../../../kiosk-agent/src/queue/queue-service';
import { FakeClock } from '../../../support/fake-clock';
import { openTestStore, type StoreKind, type TestStore } from '../../../support/test-stores';
import { testConfig } from '../../../support/test-config';

export const MIN = 60_000;
// The store comes from openTestStore; nothing here reads or writes the config's data folder.
const config = parseSiteConfig(testConfig('unused-data-dir'));

export interface CounterDeskBench {
  t: TestStore;
  clock: FakeClock;
  queue: QueueService;
  desk: CounterDesk;
  log: CounterRepository;
  /** A ticket issued a second after the last one, so their order is the order of issue. */
  issue: (serviceId?: string, priority?: 'elderly') => ReturnType<QueueService['issueTicket']>;
}

export async function openCounterDesk(kind: StoreKind): Promise<CounterDeskBench> {
  const t = await openTestStore(kind);
  const clock = new FakeClock(Date.parse('2026-11-23T08:00:00+07:00'));
  const queue = new QueueService({ config, store: t.store, clock });
  const log = new CounterRepository(t.store);
  const desk = new CounterDesk({ config, queue, store: t.store, counters: log, clock });
  const issue = (serviceId = 'tu-phap', priority?: 'elderly') => {
    clock.advance(1000);
    return queue.issueTicket(serviceId, priority);
  };
  return { t, clock, queue, desk, log, issue };
}

/**
 * A bench for each test of the calling describe block, closed after it. The object is the same throughout and
 * refilled before each test, so a test reads its fields when it runs, never when the block is declared.
 */
export function counterDeskEachTest(kind: StoreKind): CounterDeskBench {
  const bench = {} as CounterDeskBench;
  beforeEach(async () => {
    Object.assign(bench, await openCounterDesk(kind));
  });
  afterEach(() => bench.t.cleanup());
  return bench;
}

/** The error code an action ends with (thrown at once or rejected later), or 'no error'. */
export async function errorCodeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    return (err as { code: string }).code;
  }
  return 'no error';
}
