/**
 * Merging what the one-stop system says into the kiosk's store: its word wins, except about results the kiosk
 * holds or has handed over — even when the door shut while the system was still being asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { DossierRepository } from '../../../kiosk-agent/src/pickup/dossier-repository';
import { DossierService } from '../../../kiosk-agent/src/pickup/dossier-service';
import { openStore, type Db } from '../../../kiosk-agent/src/store/sqlite';
import type { StatusReport, UpstreamAdapter, UpstreamDossier } from '../../../kiosk-agent/src/upstream/upstream-adapter';
import { tempDir } from '../../support/temp-dir';

const CODE = '000.00.15.H29-250704-0012';
const remote = (status: UpstreamDossier['status']): UpstreamDossier => ({ code: CODE, procedure: 'Đăng ký khai sinh', applicantName: 'Đỗ Thị Hoa', phone: null, dueDate: '2025-07-10', status });

class ScriptedUpstream implements UpstreamAdapter {
  readonly name = 'http' as const;
  next: () => Promise<UpstreamDossier | undefined> = async () => undefined;
  fetchDossier(): Promise<UpstreamDossier | undefined> {
    return this.next();
  }
  async reportStatus(_r: StatusReport): Promise<void> {}
}

describe('dossiers merged from the one-stop system', () => {
  const dirs: { cleanup(): void }[] = [];
  const dbs: Db[] = [];
  afterEach(() => {
    dbs.splice(0).forEach((db) => db.close());
    dirs.splice(0).forEach((d) => d.cleanup());
  });
  function setup() {
    const dir = tempDir();
    dirs.push(dir);
    const db = openStore({ dataDir: dir.path, synchronous: 'NORMAL' });
    dbs.push(db);
    const repo = new DossierRepository(db);
    const upstream = new ScriptedUpstream();
    const warnings: object[] = [];
    const service = new DossierService(repo, { now: () => Date.parse('2026-11-23T03:00:00Z') }, 'Asia/Ho_Chi_Minh', upstream, { warn: (o) => warnings.push(o) });
    return { db, repo, upstream, service, warnings };
  }

  it('takes the system’s status for a dossier the kiosk does not hold', async () => {
    const { repo, upstream, service } = setup();
    upstream.next = async () => remote('processing');
    await service.refresh(CODE);
    upstream.next = async () => remote('needs-supplement');
    await service.refresh(CODE);
    expect(repo.get(CODE)?.status).toBe('needs-supplement');
  });

  it('keeps "in locker" when the door shut while the system was being asked', async () => {
    const { db, repo, upstream, service } = setup();
    repo.upsert({ ...remote('ready') }, 1);
    upstream.next = async () => {
      db.prepare(`UPDATE dossiers SET status = 'in-locker' WHERE code = ?`).run(CODE); // the door shuts meanwhile
      return remote('ready');
    };
    await service.refresh(CODE);
    expect(repo.get(CODE)?.status).toBe('in-locker');
  });

  it('never lets the system put a result in a compartment, nor take back a handover', async () => {
    const { repo, upstream, service } = setup();
    upstream.next = async () => remote('in-locker');
    await service.refresh(CODE);
    expect(repo.get(CODE)?.status).toBe('ready');
    repo.upsert({ ...remote('returned') }, 2);
    upstream.next = async () => remote('ready');
    await service.refresh(CODE);
    expect(repo.get(CODE)?.status).toBe('returned');
  });

  it('answers from the store when the system is down; a dossier it never saw is UPSTREAM_UNAVAILABLE', async () => {
    const { repo, upstream, service, warnings } = setup();
    repo.upsert({ ...remote('processing') }, 1);
    upstream.next = async () => Promise.reject(new AgentError('UPSTREAM_UNAVAILABLE', 'down', { cause: 'HTTP 503' }));
    await expect(service.lookup(CODE)).resolves.toMatchObject({ status: 'processing' });
    expect(warnings).toEqual([expect.objectContaining({ dossier: CODE, cause: 'HTTP 503' })]);
    await expect(service.lookup('000.00.15.H29-250704-0099')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
