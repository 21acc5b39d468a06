/**
 * A hand-made working day at a centre for the service-quality report (tests/integration/service-quality-report):
 * two officers and an integration token at the counters, results put in the lockers and collected, ratings. Every
 * time is set on the agent's FakeClock, so waits and service times are known to the minute. Ratings are written
 * straight into the agent's store with their officer (the kiosk's POST /api/ratings does not name one yet).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { FakeClock } from './fake-clock';
import { postJson } from './http';
import { STAFF } from './lockers';
import { OFFICER_PASSWORD, signedIn } from './officers';
import { postgresPool } from './postgres-cluster';
import { waitUntil } from './socat';

export const DAY = '2026-11-16';
export const at = (time: string, day = DAY): string => `${day}T${time}:00+07:00`;

type Auth = { authorization: string };

export interface QualityDay {
  lanId: number;
  minhId: number;
}

/** Writes a rating row as the kiosk will once ratings name their officer (migration 15). */
export async function insertRating(agent: RunningAgent, r: { atMs: number; subject: 'counter' | 'pickup'; reference: string; counterId?: string; level: number; scale: 3 | 5; accountId: number | null }): Promise<void> {
  const values = [r.atMs, r.subject, r.reference, r.counterId ?? null, r.level, r.scale, r.accountId];
  const cols = 'at_ms, subject, reference, counter_id, level, scale, account_id';
  const store = agent.config.store;
  if (store.driver === 'postgres') {
    const pool = postgresPool(store.url, 1);
    try {
      await pool.query(`INSERT INTO ratings (${cols}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, values);
    } finally {
      await pool.end();
    }
  } else {
    const db = new Database(join(agent.config.dataDir, 'kiosk.sqlite'));
    try {
      db.prepare(`INSERT INTO ratings (${cols}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...values);
    } finally {
      db.close();
    }
  }
}

/** A result deposited by `as` (door shut: in the locker); its pickup code. */
async function deposit(agent: RunningAgent, code: string, dueDate: string, as: Auth): Promise<string> {
  const created = await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Chứng thực bản sao', applicantName: 'Nguyễn Văn An', dueDate, status: 'ready' }, as);
  if (created.status !== 200) throw new Error(`dossier ${code}: ${JSON.stringify(created.body)}`);
  const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${agent.url}/api/lockers/deposit`, { dossierCode: code }, as);
  if (res.status !== 200) throw new Error(`deposit ${code}: ${JSON.stringify(res.body)}`);
  agent.simulators.locker!.closeDoor(res.body.compartment.board, res.body.compartment.lock);
  await waitUntil(async () => (await postJson<{ inLocker?: boolean }>(`${agent.url}/api/pickup/lookup`, { code })).body.inLocker === true, 3000, `${code} in the locker`);
  return res.body.pickupCode;
}

/** The citizen opens the compartment with the pickup code at the kiosk and shuts the door. */
export async function collect(agent: RunningAgent, code: string, pickupCode: string): Promise<void> {
  const res = await postJson<{ compartment: { board: number; lock: number } }>(`${agent.url}/api/pickup/open`, { code, pickupCode });
  if (res.status !== 200) throw new Error(`pickup ${code}: ${JSON.stringify(res.body)}`);
  agent.simulators.locker!.closeDoor(res.body.compartment.board, res.body.compartment.lock);
  await waitUntil(async () => (await postJson<{ status?: string }>(`${agent.url}/api/pickup/lookup`, { code })).body.status === 'returned', 3000, `${code} returned`);
}

export const DOSSIERS = { late: '000.00.15.H29-261116-0001', sameDay: '000.00.15.H29-261116-0002', nextDay: '000.00.15.H29-261116-0003' };

/**
 * The day (local times, 2026-11-16):
 *  06:30 Minh deposits `late` (promised 11-15: late, though 06:30 local is still the 15th in UTC)
 *  07:00 Lan deposits `sameDay` (promised 11-16), 07:30 `nextDay` (promised 11-20, collected at 06:30 the next day)
 *  T1 tu-phap  issued 08:00, Lan calls 08:10, starts 08:12, finishes 08:20       wait 10, service 8   rated 3 (Lan)
 *  T2 tu-phap  issued 08:05, Lan calls 08:25, finishes 08:31 (no start)          wait 20, service 6   rated 1 (Lan)
 *  T3 dat-dai  issued 08:40, Minh calls 09:10, no-show 09:15                     wait 30
 *  T4 tu-phap  issued 09:20, Minh calls 09:24, starts 09:25, finishes 09:37      wait 4, service 12   rated 2 (Minh)
 *  T5 dat-dai  issued 09:40, the token calls 09:50, finishes 09:53               wait 10, service 3   rated 3 (nobody)
 *  T6 tu-phap  issued 10:00, Minh calls 10:02, no-show 10:03; back: Lan calls it 10:30, finishes 10:34
 *                                                                                 wait 2, service 4   rated 2 (Lan)
 *  11:00 `late` collected (rated 1 of 3, Minh); 11:10 `sameDay` collected (rated 5 of 5, Lan)
 */
export async function workTheDay(agent: RunningAgent, clock: FakeClock): Promise<QualityDay> {
  clock.set(at('06:00'));
  const lanId = (await agent.staff.add({ username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer', password: OFFICER_PASSWORD })).id;
  const minhId = (await agent.staff.add({ username: 'minh', name: 'Trần Văn Minh', role: 'officer', password: OFFICER_PASSWORD })).id;
  const lan = await signedIn(agent, 'lan', 'officer');
  const minh = await signedIn(agent, 'minh', 'officer');
  const step = async <T>(time: string, what: () => Promise<T>): Promise<T> => {
    clock.set(at(time));
    return what();
  };
  const issue = async (time: string, serviceId: string) => (await step(time, () => postJson<{ id: string; number: string }>(`${agent.url}/api/tickets`, { serviceId }))).body;
  const act = async (time: string, counter: string, action: string, as: Auth, body: object = {}) => {
    const res = await step(time, () => postJson(`${agent.url}/api/counters/${counter}/${action}`, body, as));
    if (res.status !== 200) throw new Error(`${action} at ${counter} (${time}): ${JSON.stringify(res.body)}`);
  };

  const codes = {
    late: await step('06:30', () => deposit(agent, DOSSIERS.late, '2026-11-15', minh)),
    sameDay: await step('07:00', () => deposit(agent, DOSSIERS.sameDay, '2026-11-16', lan)),
    nextDay: await step('07:30', () => deposit(agent, DOSSIERS.nextDay, '2026-11-20', lan)),
  };
  const t1 = await issue('08:00', 'tu-phap');
  const t2 = await issue('08:05', 'tu-phap');
  await act('08:10', '1', 'call-next', lan);
  await act('08:12', '1', 'start', lan);
  await act('08:20', '1', 'finish', lan);
  await act('08:25', '1', 'call-next', lan);
  await act('08:31', '1', 'finish', lan);
  await issue('08:40', 'dat-dai');
  await act('09:10', '2', 'call-next', minh);
  await act('09:15', '2', 'no-show', minh);
  const t4 = await issue('09:20', 'tu-phap');
  await act('09:24', '2', 'call-next', minh);
  await act('09:25', '2', 'start', minh);
  await act('09:37', '2', 'finish', minh);
  const t5 = await issue('09:40', 'dat-dai');
  await act('09:50', '2', 'call-next', STAFF);
  await act('09:53', '2', 'finish', STAFF);
  const t6 = await issue('10:00', 'tu-phap');
  await act('10:02', '2', 'call-next', minh);
  await act('10:03', '2', 'no-show', minh);
  await act('10:30', '1', 'call', lan, { number: t6.number });
  await act('10:34', '1', 'finish', lan);
  await step('11:00', () => collect(agent, DOSSIERS.late, codes.late));
  await step('11:10', () => collect(agent, DOSSIERS.sameDay, codes.sameDay));

  const counterRating = (time: string, ticketId: string, counterId: string, level: number, accountId: number | null) =>
    insertRating(agent, { atMs: Date.parse(at(time)), subject: 'counter', reference: ticketId, counterId, level, scale: 3, accountId });
  await counterRating('08:21', t1.id, '1', 3, lanId);
  await counterRating('08:32', t2.id, '1', 1, lanId);
  await counterRating('09:38', t4.id, '2', 2, minhId);
  await counterRating('09:54', t5.id, '2', 3, null);
  await counterRating('10:35', t6.id, '1', 2, lanId);
  await insertRating(agent, { atMs: Date.parse(at('11:01')), subject: 'pickup', reference: DOSSIERS.late, level: 1, scale: 3, accountId: minhId });
  await insertRating(agent, { atMs: Date.parse(at('11:11')), subject: 'pickup', reference: DOSSIERS.sameDay, level: 5, scale: 5, accountId: lanId });

  // The next morning: collected on the 17th, though UTC still says the 16th.
  clock.set(at('06:30', '2026-11-17'));
  await collect(agent, DOSSIERS.nextDay, codes.nextDay);
  return { lanId, minhId };
}
