/**
 * Every rating names an officer, end to end over HTTP on each store, read back the way a supervisor reads it (the
 * service-quality report): officer "lan" finishes a visit at counter 1 and its tablet's rating is hers; officer
 * "minh" puts a result in a locker and the citizen's rating at the kiosk after the pickup is his; a visit finished
 * with the integration token is "Không rõ cán bộ". The integration token can import dossiers and cannot sign in at
 * a counter as a person.
 */
import { describe, expect } from 'vitest';
import type { ErrorBody, IssuedTicket } from '../../shared/api-schemas';
import type { ServiceQualityReport } from '../../shared/report-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { getJson, postJson } from '../support/http';
import { depositInLocker, STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';
import { waitUntil } from '../support/socat';

const DAY = '2026-12-02';
const locker = { driver: 'simulated' as const, boards: [{ address: 0, locks: 4 }], pollMs: 50 };
const clocks = { sqlite: new FakeClock(Date.parse(`${DAY}T09:00:00+07:00`)), postgres: new FakeClock(Date.parse(`${DAY}T09:00:00+07:00`)) };
const STORES = {
  sqlite: agentTest({ clock: clocks.sqlite, config: () => ({ locker }) }),
  postgres: agentTest({ clock: clocks.postgres, config: async () => ({ locker, store: { driver: 'postgres', url: await freshDatabase() } }) }),
};

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('ratings are attributed to officers (%s)', (kind) => {
  const it = STORES[kind];

  it('counter visit → the officer who finished it; locker pickup → the officer who deposited it', async ({ agent }) => {
    const url = agent.url;
    const lan = await signedIn(agent, 'lan', 'officer', '1');
    const minh = await signedIn(agent, 'minh', 'officer');
    const boss = await signedIn(agent, 'giamsat', 'supervisor');

    // Lan serves A001 and the citizen rates 3 (rất hài lòng) on counter 1's tablet.
    const a = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    await postJson(`${url}/api/counters/1/call-next`, {}, lan);
    clocks[kind].advance(5 * 60_000);
    expect((await postJson(`${url}/api/counters/1/finish`, { dossierCode: '000.00.10.H38-261202-0001' }, lan)).status).toBe(200);
    expect((await postJson(`${url}/api/counters/1/rating`, { ticketId: a.id, level: 3 }, {})).status).toBe(201);

    // A machine with the integration token serves A002, rated 1: nobody's.
    const b = (await postJson<IssuedTicket>(`${url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    await postJson(`${url}/api/counters/2/call-next`, {}, STAFF);
    await postJson(`${url}/api/counters/2/finish`, {}, STAFF);
    expect((await postJson(`${url}/api/counters/2/rating`, { ticketId: b.id, level: 1, reasons: ['thai-do'] })).status).toBe(201);

    // Minh deposits a result; the citizen collects it at the kiosk and rates 2 (hài lòng).
    const code = '000.00.15.H29-261202-0031';
    const box = await depositInLocker(agent, code, {}, minh);
    expect((await postJson(`${url}/api/pickup/open`, { code, pickupCode: box.pickupCode })).status).toBe(200);
    agent.simulators.locker!.closeDoor(box.board, box.lock);
    await waitUntil(async () => (await postJson(`${url}/api/ratings`, { subject: 'pickup', reference: code, level: 2 })).status === 201, 3000, 'pickup rated');

    const report = await getJson<ServiceQualityReport>(`${url}/api/reports/service-quality?from=${DAY}&to=${DAY}`, boss);
    expect(report.status).toBe(200);
    const byName = new Map(report.body.officers.map((o) => [o.username ?? '(none)', o.ratings]));
    expect(byName.get('lan')).toMatchObject({ scale3: [0, 0, 1], total: 1, satisfied: 1 });
    expect(byName.get('minh')).toMatchObject({ scale3: [0, 1, 0], total: 1, satisfied: 1 });
    expect(byName.get('(none)')).toMatchObject({ scale3: [1, 0, 0], total: 1, satisfied: 0 });
    expect(report.body.centre.ratings).toMatchObject({ total: 3, satisfied: 2, satisfactionPercent: 66.7 });
  });

  it('an integration token imports dossiers but is not a person at a counter', async ({ agent }) => {
    const url = agent.url;
    const csv = 'code,procedure,applicantName,phone,dueDate,status\n000.00.15.H29-261202-0040,Chứng thực,Trần Thị Bình,0912345678,2026-12-05,ready\n';
    const imported = await postJson<{ imported: number }>(`${url}/api/dossiers/import`, { csv }, STAFF);
    expect([imported.status, imported.body.imported]).toEqual([200, 1]);
    // Its bearer is not a session: the officer's own routes refuse it, and it cannot sign in as anyone.
    const who = await getJson<ErrorBody>(`${url}/api/staff/session`, STAFF);
    expect(who.status).toBe(401);
    const report = await getJson<ErrorBody>(`${url}/api/reports/service-quality`, STAFF);
    expect([report.status, report.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
  });
});
