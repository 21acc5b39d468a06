/**
 * Merging what the one-stop system says into the kiosk's store: its word wins, except about results the kiosk
 * holds or has handed over — even when the door shut while the system was still being asked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { DossierService } from '../../../kiosk-agent/src/pickup/dossier-service';
import { KioskDirectory } from '../../../kiosk-agent/src/pickup/kiosk-directory';
import { pickupRepos, type PickupStore } from '../../../kiosk-agent/src/pickup/pickup-repos';
import { unitOfWork } from '../../../kiosk-agent/src/store/store-port';
import type { StatusReport, UpstreamAdapter, UpstreamDossier } from '../../../kiosk-agent/src/upstream/upstream-adapter';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';

const CODE = '000.00.15.H29-250704-0012';
const NOW = Date.parse('2026-11-23T03:00:00Z');
const remote = (status: UpstreamDossier['status']): UpstreamDossier => ({ code: CODE, procedure: 'Đăng ký khai sinh', applicantName: 'Đỗ Thị Hoa', phone: null, dueDate: '2025-07-10', status });

class ScriptedUpstream implements UpstreamAdapter {
  readonly name = 'http' as const;
  next: () => Promise<UpstreamDossier | undefined> = async () => undefined;
  fetchDossier(): Promise<UpstreamDossier | undefined> {
    return this.next();
  }
  async reportStatus(_r: StatusReport): Promise<void> {}
}

describe.each(STORE_KINDS)('dossiers merged from the one-stop system (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(() => t.cleanup());

  function setup() {
    const pickup: PickupStore = unitOfWork(t.store, pickupRepos(() => NOW, 'kiosk'));
    const repo = pickup.read.records;
    const upstream = new ScriptedUpstream();
    const warnings: object[] = [];
    const service = new DossierService(pickup, { now: () => NOW }, 'Asia/Ho_Chi_Minh', upstream, { warn: (o) => warnings.push(o) }, new KioskDirectory(t.store, { id: 'kiosk', name: { vi: 'Ki-ốt', en: 'Kiosk' } }));
    return { repo, upstream, service, warnings };
  }
  const statusOf = async (repo: ReturnType<typeof setup>['repo']) => (await repo.get(CODE))?.status;

  it('takes the system’s status for a dossier the kiosk does not hold', async () => {
    const { repo, upstream, service } = setup();
    upstream.next = async () => remote('processing');
    await service.refresh(CODE);
    upstream.next = async () => remote('needs-supplement');
    await service.refresh(CODE);
    expect(await statusOf(repo)).toBe('needs-supplement');
  });

  it('keeps "in locker" when the door shut while the system was being asked', async () => {
    const { repo, upstream, service } = setup();
    await repo.upsert({ ...remote('ready') }, 1);
    upstream.next = async () => {
      await t.store.run(`UPDATE dossiers SET status = 'in-locker' WHERE code = ?`, [CODE]); // the door shuts meanwhile
      return remote('ready');
    };
    await service.refresh(CODE);
    expect(await statusOf(repo)).toBe('in-locker');
  });

  it('never lets the system put a result in a compartment, nor take back a handover', async () => {
    const { repo, upstream, service } = setup();
    upstream.next = async () => remote('in-locker');
    await service.refresh(CODE);
    expect(await statusOf(repo)).toBe('ready');
    await repo.upsert({ ...remote('returned') }, 2);
    upstream.next = async () => remote('ready');
    await service.refresh(CODE);
    expect(await statusOf(repo)).toBe('returned');
  });

  it('answers from the store when the system is down; a dossier it never saw is UPSTREAM_UNAVAILABLE', async () => {
    const { repo, upstream, service, warnings } = setup();
    await repo.upsert({ ...remote('processing') }, 1);
    upstream.next = async () => Promise.reject(new AgentError('UPSTREAM_UNAVAILABLE', 'down', { cause: 'HTTP 503' }));
    await expect(service.lookup(CODE)).resolves.toMatchObject({ status: 'processing' });
    expect(warnings).toEqual([expect.objectContaining({ dossier: CODE, cause: 'HTTP 503' })]);
    await expect(service.lookup('000.00.15.H29-250704-0099')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
