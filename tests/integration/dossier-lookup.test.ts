/** Staff register dossiers; a citizen's scanned slip finds what they may see, masked. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';

const DOSSIER = {
  code: '000.00.15.H29-250704-0012',
  procedure: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Văn An',
  phone: '0912345678',
  dueDate: '2026-11-20',
  status: 'processing',
};

const it = agentTest({ clock: new FakeClock(Date.parse('2026-11-22T09:00:00+07:00')) });

describe('dossiers and slip lookup', () => {
  it('staff create and update dossiers; without a token they are refused', async ({ agent }) => {
    expect((await postJson(`${agent.url}/api/dossiers`, DOSSIER)).status).toBe(401);
    const created = await postJson<{ status: string; applicantName: string }>(`${agent.url}/api/dossiers`, DOSSIER, STAFF);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'processing', applicantName: 'Nguyễn Văn An' });
    const updated = await postJson<{ status: string }>(`${agent.url}/api/dossiers`, { ...DOSSIER, code: DOSSIER.code.toLowerCase(), status: 9 }, STAFF);
    expect(updated.body.status).toBe('ready');
  });

  it('refuses malformed dossiers with the failing fields', async ({ agent }) => {
    const bad = await postJson<ErrorBody>(`${agent.url}/api/dossiers`, { ...DOSSIER, code: '1.000948.H38', dueDate: '22/11/2026', status: 'done' }, STAFF);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['dueDate', 'status']));
    const procedure = await postJson<ErrorBody>(`${agent.url}/api/dossiers`, { ...DOSSIER, code: '1.000948.H38' }, STAFF);
    expect(procedure.body.error.fields?.[0]?.path).toBe('code');
    const locker = await postJson<ErrorBody>(`${agent.url}/api/dossiers`, { ...DOSSIER, status: 'in-locker' }, STAFF);
    expect(locker.status).toBe(400);
  });

  it('a scanned slip (barcode or lookup-URL QR) shows status and due date, applicant and phone masked', async ({ agent }) => {
    await postJson(`${agent.url}/api/dossiers`, { ...DOSSIER, code: '000.00.15.H29-250704-0013', status: 4 }, STAFF);
    const viaUrl = await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, {
      code: 'https://dvc.example/tra-cuu?SGT=001234567890&MHS=000.00.15.H29-250704-0013',
    });
    expect(viaUrl.status).toBe(200);
    expect(viaUrl.body).toEqual({
      code: '000.00.15.H29-250704-0013',
      procedure: 'Đăng ký khai sinh',
      status: 'processing',
      dueDate: '2026-11-20',
      overdue: true,
      applicant: 'Nguyễn V** A*',
      phone: '09******78',
      inLocker: false,
    });
    expect(JSON.stringify(viaUrl.body)).not.toContain('0912345678');
    const ready = await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-0012' });
    expect(ready.body).toMatchObject({ status: 'ready', overdue: false, inLocker: false });
  });

  it('unknown dossier → 404 DOSSIER_NOT_FOUND; garbage or a procedure code → 400 SLIP_CODE_INVALID; all audited', async ({ agent }) => {
    const unknown = await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-250704-9999' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'DOSSIER_NOT_FOUND', message: expect.stringContaining('quầy trả kết quả') });
    const procedure = await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '1.000948.H38' });
    expect(procedure.body.error).toMatchObject({ code: 'SLIP_CODE_INVALID', message: expect.stringContaining('mã thủ tục') });
    expect((await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '\u0000\u0001' })).body.error.code).toBe('SLIP_CODE_INVALID');
    const db = new Database(join(agent.config.dataDir, 'kiosk.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT dossier_code AS code, result FROM pickup_audit ORDER BY id').all() as { code: string | null; result: string }[];
    db.close();
    expect(rows).toEqual(
      expect.arrayContaining([
        { code: '000.00.15.H29-250704-0013', result: 'found' },
        { code: '000.00.15.H29-250704-9999', result: 'not-found' },
        { code: null, result: 'invalid:procedure-code' },
      ]),
    );
  });
});
