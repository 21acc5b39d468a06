/** Retention on a real store: personal data written again after being removed is removed again later. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierRepository } from '../../../kiosk-agent/src/pickup/dossier-repository';
import { Retention } from '../../../kiosk-agent/src/privacy/retention';
import { openStore, type Db } from '../../../kiosk-agent/src/store/sqlite';
import { FakeClock } from '../../support/fake-clock';
import { tempDir } from '../../support/temp-dir';

const DAY = 24 * 3_600_000;

describe('retention', () => {
  const dir = tempDir();
  let db: Db;
  beforeEach(() => {
    db = openStore({ dataDir: dir.path, fileName: `r-${Math.random()}.sqlite`, synchronous: 'NORMAL' });
  });
  afterEach(() => db.close());

  it('anonymises finished dossiers past the period; one written again (an import, the one-stop system) is anonymised again later', () => {
    const clock = new FakeClock(Date.parse('2026-01-01T03:00:00Z'));
    const repo = new DossierRepository(db);
    const retention = new Retention(db, clock, 90);
    const d = { code: '000.00.15.H29-251201-0901', procedure: 'Đăng ký kết hôn', applicantName: 'Hà Thị Thu', phone: '0911222333', dueDate: '2026-01-05', status: 'returned' as const };
    repo.upsert(d, clock.now());
    repo.upsert({ ...d, code: '000.00.15.H29-251201-0902', status: 'processing' }, clock.now());
    clock.advance(91 * DAY);
    expect(retention.sweep().dossiersAnonymised).toBe(1);
    expect(repo.get(d.code)).toMatchObject({ applicantName: '', phone: null, status: 'returned' });
    expect(repo.get('000.00.15.H29-251201-0902')).toMatchObject({ applicantName: 'Hà Thị Thu' }); // not finished: kept

    repo.mergeFromUpstream(d, clock.now()); // the province's system sends the name again
    expect(repo.get(d.code)!.applicantName).toBe('Hà Thị Thu');
    clock.advance(30 * DAY);
    expect(retention.sweep().dossiersAnonymised).toBe(0);
    clock.advance(61 * DAY);
    expect(retention.sweep().dossiersAnonymised).toBe(1);
    expect(repo.get(d.code)).toMatchObject({ applicantName: '', phone: null });
  });
});
