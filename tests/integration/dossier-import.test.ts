/** Staff import dossiers from a CSV export; the good rows are stored, each bad one named by line; a result in a locker is not touched. */
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';

const lookup = async (url: string, code: string) => postJson<DossierLookup & ErrorBody>(`${url}/api/pickup/lookup`, { code });

const it = agentTest({ config: () => ({ locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 } }) });

describe('CSV import of dossiers', () => {
  it('needs a staff token', async ({ agent }) => {
    expect((await postJson(`${agent.url}/api/dossiers/import`, { csv: 'a' })).status).toBe(401);
  });

  it('stores the good rows, names the bad ones, and never changes a result that sits in a locker', async ({ agent }) => {
    const inLocker = '000.00.15.H29-250704-0061';
    await postJson(`${agent.url}/api/dossiers`, { code: inLocker, procedure: 'Chứng thực', applicantName: 'Vũ Thị Lan', dueDate: '2026-12-01', status: 'ready' }, STAFF);
    const dep = await postJson<{ compartment: { lock: number } }>(`${agent.url}/api/lockers/deposit`, { dossierCode: inLocker }, STAFF);
    agent.simulators.locker!.closeDoor(0, dep.body.compartment.lock);
    await waitUntil(async () => (await lookup(agent.url, inLocker)).body.inLocker === true, 2000, 'in locker');

    const rows = ['ma_ho_so;thu_tuc;nguoi_nop;so_dien_thoai;ngay_hen_tra;trang_thai'];
    for (let i = 0; i < 300; i++) rows.push(`000.00.15.H29-250801-${String(i + 1).padStart(4, '0')};Đăng ký khai sinh;Người số ${i + 1};09${String(i).padStart(8, '0')};15/08/2025;4`);
    rows.push('000.00.15.H29-250801-9999;Đăng ký khai sinh;Sai ngày;;32/08/2025;4'); // line 302
    rows.push(`${inLocker};Chứng thực;Vũ Thị Lan;;01/12/2026;9`); // line 303
    const res = await postJson<{ imported: number; errors: { line: number; message: string }[] }>(`${agent.url}/api/dossiers/import`, { csv: rows.join('\r\n') }, STAFF);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(300);
    expect(res.body.errors.map((e) => e.line)).toEqual([302, 303]);
    expect(res.body.errors[1]!.message).toMatch(/ngăn .* tủ/);

    expect((await lookup(agent.url, '000.00.15.H29-250801-0150')).body).toMatchObject({ status: 'processing', applicant: 'Người s* 1**', dueDate: '2025-08-15' });
    expect((await lookup(agent.url, inLocker)).body).toMatchObject({ status: 'in-locker', inLocker: true });
    const direct = await postJson<ErrorBody>(`${agent.url}/api/dossiers`, { code: inLocker, procedure: 'Chứng thực', applicantName: 'Vũ Thị Lan', dueDate: '2026-12-01', status: 'ready' }, STAFF);
    expect(direct.status).toBe(409);
    expect(direct.body.error.code).toBe('DOSSIER_IN_LOCKER');
  });

  it('a file without the needed columns is refused row by row, nothing stored', async ({ agent }) => {
    const res = await postJson<{ imported: number; errors: { line: number; message: string }[] }>(`${agent.url}/api/dossiers/import`, { csv: 'ma_ho_so\n000.00.15.H29-250801-0500\n' }, STAFF);
    expect(res.body).toEqual({ imported: 0, errors: [{ line: 1, message: expect.stringContaining('thiếu cột') }] });
    expect((await lookup(agent.url, '000.00.15.H29-250801-0500')).status).toBe(404);
  });
});
