/** Retention on a real store: personal data written again after being removed is removed again later. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierRepository } from '../../../kiosk-agent/src/pickup/dossier-repository';
import { Retention } from '../../../kiosk-agent/src/privacy/retention';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';

const DAY = 24 * 3_600_000;

describe.each(STORE_KINDS)('retention (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(() => t.cleanup());

  it('anonymises finished dossiers past the period; one written again (an import, the one-stop system) is anonymised again later', async () => {
    const clock = new FakeClock(Date.parse('2026-01-01T03:00:00Z'));
    const repo = new DossierRepository(t.store, 'kiosk');
    const retention = new Retention(t.store, clock, 90);
    const d = { code: '000.00.15.H29-251201-0901', procedure: 'Đăng ký kết hôn', applicantName: 'Hà Thị Thu', phone: '0911222333', dueDate: '2026-01-05', status: 'returned' as const };
    await repo.upsert(d, clock.now());
    await repo.upsert({ ...d, code: '000.00.15.H29-251201-0902', status: 'processing' }, clock.now());
    clock.advance(91 * DAY);
    expect((await retention.sweep()).dossiersAnonymised).toBe(1);
    expect(await repo.get(d.code)).toMatchObject({ applicantName: '', phone: null, status: 'returned' });
    expect(await repo.get('000.00.15.H29-251201-0902')).toMatchObject({ applicantName: 'Hà Thị Thu' }); // not finished: kept

    await repo.mergeFromUpstream(d, clock.now()); // the province's system sends the name again
    expect((await repo.get(d.code))!.applicantName).toBe('Hà Thị Thu');
    clock.advance(30 * DAY);
    expect((await retention.sweep()).dossiersAnonymised).toBe(0);
    clock.advance(61 * DAY);
    expect((await retention.sweep()).dossiersAnonymised).toBe(1);
    expect(await repo.get(d.code)).toMatchObject({ applicantName: '', phone: null });
  });

  it("clears an appointment's phone, name and booking address a day after its time, keeping the booking for statistics", async () => {
    const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+07:00'));
    const insert = (id: string, endMs: number) =>
      t.store.run(
        `INSERT INTO appointments (id, code, service_id, day, start_ms, end_ms, phone, name, source, address, created_at_ms)
         VALUES (?, ?, 'tu-phap', '2026-12-01', ?, ?, '0912345678', 'Lê Văn Bình', 'public', '192.0.2.7', ?)`,
        [id, id.padStart(8, '0'), endMs - 1_800_000, endMs, endMs - 3 * DAY],
      );
    await insert('1', clock.now() - DAY - 60_000); // its day is over
    await insert('2', clock.now() - 3_600_000); // an hour ago: kept for today
    await new Retention(t.store, clock, 30).sweep();
    const rows = await t.store.all<{ id: string; phone: string | null; name: string | null; address: string | null; status: string }>(
      'SELECT id, phone, name, address, status FROM appointments ORDER BY id',
    );
    expect(rows).toEqual([
      { id: '1', phone: null, name: null, address: null, status: 'booked' },
      { id: '2', phone: '0912345678', name: 'Lê Văn Bình', address: '192.0.2.7', status: 'booked' },
    ]);
  });
});
