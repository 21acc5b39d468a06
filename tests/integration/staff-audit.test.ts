/**
 * Everything staff do through the API is audited with who did it: an officer's deposit, recall and calls name the
 * officer; an integration token's import names the token; supervisors read it filtered by officer, action and day;
 * nothing personal (names, phones) goes into it.
 */
import { describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';
import { depositInLocker, STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';

const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+07:00'));
const test = agentTest({
  clock,
  config: () => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }] },
    staff: {
      tokens: [
        { token: 'test-staff-token-0123456789', name: 'mot-cua-tinh' },
        // The province's system: dossiers only.
        { token: 'province-import-token-0123456789', name: 'tinh-import', scopes: ['dossiers'] },
        // A queue integration: counters only.
        { token: 'queue-bridge-token-0123456789', name: 'hang-doi', scopes: ['counters'] },
      ],
    },
  }),
});

type Row = { actor: string; action: string; subject: string | null; counterId: string | null; day: string; detail: string | null };

describe('the staff audit', () => {
  test('names the officer for a deposit, a recall and calls, the token for an import; supervisors filter it', async ({ agent }) => {
    const lan = await signedIn(agent, 'lan', 'officer');
    const hoa = await signedIn(agent, 'hoa', 'supervisor');
    await depositInLocker(agent, '000.00.15.H29-261202-0001', { applicantName: 'Phạm Thị Mai', phone: '0912345678' }, lan);
    expect((await postJson(`${agent.url}/api/lockers/recall`, { dossierCode: '000.00.15.H29-261202-0001' }, lan)).status).toBe(200);
    await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect((await postJson(`${agent.url}/api/counters/1/call-next`, {}, lan)).status).toBe(200);
    expect((await postJson(`${agent.url}/api/counters/1/call-next`, {}, lan)).status).toBe(404); // refused: not audited
    const csv = 'Mã hồ sơ;Thủ tục;Người nộp;Điện thoại;Ngày hẹn trả;Trạng thái\n000.00.15.H29-261202-0002;Chứng thực;Lê Văn Bình;0987654321;05/12/2026;ready\n';
    expect((await postJson(`${agent.url}/api/dossiers/import`, { csv }, STAFF)).status).toBe(200);

    const audit = (q = '', who = hoa) => getJson<Row[]>(`${agent.url}/api/audit${q}`, who);
    const all = (await audit()).body;
    expect(all.map((r) => [r.actor, r.action, r.subject, r.counterId])).toEqual([
      ['token:mot-cua-tinh', 'dossiers.import', null, null],
      ['lan', 'counters.call-next', 'A001', '1'],
      ['lan', 'lockers.recall', '000.00.15.H29-261202-0001', null],
      ['lan', 'lockers.deposit', '000.00.15.H29-261202-0001', null],
      ['lan', 'dossiers', '000.00.15.H29-261202-0001', null],
    ]);
    expect(all[0]!.detail).toBe('{"imported":1}');
    expect(all.every((r) => r.day === '2026-12-02')).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/Phạm Thị Mai|0912345678|Lê Văn Bình|0987654321/);

    expect((await audit('?officer=lan&action=lockers.deposit')).body.map((r) => r.subject)).toEqual(['000.00.15.H29-261202-0001']);
    expect((await audit('?day=2026-12-01')).body).toEqual([]);
    expect((await audit('?day=yesterday')).status).toBe(400);
    // Officers and integrations do not read it.
    expect((await audit('', lan)).status).toBe(403);
    expect((await audit('', STAFF)).status).toBe(401);
  });

  test('an integration token with scopes works only its areas: the import, not a counter or the statistics', async ({ agent }) => {
    const province = { authorization: 'Bearer province-import-token-0123456789' };
    const csv = 'Mã hồ sơ;Thủ tục;Người nộp;Điện thoại;Ngày hẹn trả;Trạng thái\n000.00.15.H29-261202-0003;Chứng thực;Đỗ Văn Cường;;05/12/2026;ready\n';
    expect((await postJson(`${agent.url}/api/dossiers/import`, { csv }, province)).status).toBe(200);
    const call = await postJson<{ error: { code: string; message: string } }>(`${agent.url}/api/counters/1/call-next`, {}, province);
    expect([call.status, call.body.error.code]).toEqual([403, 'TOKEN_SCOPE']);
    expect(call.body.error.message).toContain('counters');
    expect((await getJson(`${agent.url}/api/stats`, province)).status).toBe(403);
    expect((await postJson(`${agent.url}/api/lockers/deposit`, { dossierCode: '000.00.15.H29-261202-0003' }, province)).status).toBe(403);
    // Bank transfers staff place on dossiers are dossier work: the province's token may list them, a counters one not.
    expect((await getJson(`${agent.url}/api/payments/unmatched`, province)).status).toBe(200);
    const queueBridge = { authorization: 'Bearer queue-bridge-token-0123456789' };
    const transfers = await getJson<{ error: { code: string } }>(`${agent.url}/api/payments/unmatched`, queueBridge);
    expect([transfers.status, transfers.body.error.code]).toEqual([403, 'TOKEN_SCOPE']);
    expect((await postJson(`${agent.url}/api/payments/unmatched/1/assign`, { dossierCode: '000.00.15.H29-261202-0003' }, queueBridge)).status).toBe(403);
    // The token without scopes still does everything, as before.
    expect((await getJson(`${agent.url}/api/stats`, STAFF)).status).toBe(200);
    const rows = (await getJson<Row[]>(`${agent.url}/api/audit?action=dossiers.import`, await signedIn(agent, 'hoa', 'supervisor'))).body;
    expect(rows[0]?.actor).toBe('token:tinh-import');
  });
});
