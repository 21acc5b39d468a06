/**
 * Officers sign in as themselves, through the API and the command line: `npm run staff -- add` creates an account
 * (password on standard input) on the running site's store; the officer signs in, works a counter with the
 * session, is locked after five wrong passwords; a supervisor sees who is signed in where and disables an account,
 * whose session ends at once; an integration token still works a counter's API but is not a person.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';
import { testConfig } from '../support/test-config';

type Failure = { error: { code: string; message: string; details?: Record<string, string | number> } };

const test = agentTest({});

/** `npm run staff -- --config FILE …` as a technician runs it (the same script), the password piped in. */
function staffCli(configFile: string, args: string[], stdin = ''): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/staff.ts', '--config', configFile, ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('officers sign in as themselves', () => {
  test('the CLI adds an account; the officer signs in and calls next; wrong passwords lock; a supervisor disables it', async ({ agent }) => {
    const configFile = join(agent.config.dataDir, 'site-cli.json');
    writeFileSync(configFile, JSON.stringify(testConfig(agent.config.dataDir)));
    const added = staffCli(configFile, ['add', '--username', 'lan', '--name', 'Nguyễn Thị Lan', '--role', 'officer'], 'mat-khau-cua-lan\n');
    expect(added.out).toContain('Đã thêm tài khoản lan (officer)');
    expect(added.code).toBe(0);
    expect(staffCli(configFile, ['add', '--username', 'lan', '--name', 'X', '--role', 'officer'], 'mat-khau-khac\n').out).toContain('đã có');
    expect(staffCli(configFile, ['add', '--username', 'ha', '--name', 'Hà', '--role', 'boss'], 'mat-khau-khac\n').code).toBe(2);

    const signIn = (password: string) => postJson<Failure & { token: string; officer: { username: string; name: string } }>(`${agent.url}/api/staff/session`, { username: 'lan', password, counterId: '1' });
    const ok = await signIn('mat-khau-cua-lan');
    expect(ok.status).toBe(200);
    expect(ok.body.officer).toMatchObject({ username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer' });
    const lan = { authorization: `Bearer ${ok.body.token}` };
    expect((await getJson<{ officer: { username: string } }>(`${agent.url}/api/staff/session`, lan)).body.officer.username).toBe('lan');
    // Works a counter with the session (the queue is empty: that answer, not 401).
    const call = await postJson<Failure>(`${agent.url}/api/counters/1/call-next`, {}, lan);
    expect([call.status, call.body.error.code]).toEqual([404, 'QUEUE_EMPTY']);
    // An officer is not a supervisor.
    expect((await getJson<Failure>(`${agent.url}/api/staff/accounts`, lan)).body.error.code).toBe('STAFF_ROLE_REQUIRED');
    // An integration token works a counter's API but manages nothing that needs a person.
    expect((await postJson(`${agent.url}/api/counters/1/call-next`, {}, STAFF)).status).toBe(404);
    expect((await getJson(`${agent.url}/api/staff/accounts`, STAFF)).status).toBe(401);

    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await signIn('sai-mat-khau'));
    expect(attempts.map((a) => [a.status, a.body.error.code, a.body.error.details?.attemptsLeft])).toEqual([
      [401, 'STAFF_CREDENTIALS_INVALID', 4],
      [401, 'STAFF_CREDENTIALS_INVALID', 3],
      [401, 'STAFF_CREDENTIALS_INVALID', 2],
      [401, 'STAFF_CREDENTIALS_INVALID', 1],
      [429, 'STAFF_LOCKED', undefined],
    ]);
    expect(attempts[4]!.body.error.message).toContain('Tài khoản tạm khóa');
    expect((await signIn('mat-khau-cua-lan')).status).toBe(429);
    // The session signed in before the lock still works: the lock is about signing in.
    expect((await getJson(`${agent.url}/api/staff/session`, lan)).status).toBe(200);

    // The supervisor sees who is signed in where, and disables the account: its session ends at once.
    const hoa = await signedIn(agent, 'hoa', 'supervisor');
    const accounts = await getJson<{ id: number; username: string; locked: boolean; signedInAt: (string | null)[] }[]>(`${agent.url}/api/staff/accounts`, hoa);
    const lanAccount = accounts.body.find((a) => a.username === 'lan')!;
    expect(lanAccount).toMatchObject({ locked: true, signedInAt: ['1'] });
    const disabled = await postJson<{ sessionsEnded: number }>(`${agent.url}/api/staff/accounts/${lanAccount.id}/disabled`, { disabled: true }, hoa);
    expect(disabled.body).toEqual({ sessionsEnded: 1 });
    expect((await postJson(`${agent.url}/api/counters/1/call-next`, {}, lan)).status).toBe(401);
    expect(staffCli(configFile, ['list']).out).toMatch(/lan\s+officer\s+Nguyễn Thị Lan\s+\[disabled\]/);

    // A supervisor adds an account through the API; the new officer signs in, then signs out.
    const added2 = await postJson(`${agent.url}/api/staff/accounts`, { username: 'Minh', name: 'Trần Văn Minh', role: 'officer', password: 'mat-khau-minh' }, hoa);
    expect(added2.status).toBe(201);
    const minh = await postJson<{ token: string }>(`${agent.url}/api/staff/session`, { username: 'minh', password: 'mat-khau-minh' });
    const minhAuth = { authorization: `Bearer ${minh.body.token}` };
    expect((await postJson(`${agent.url}/api/staff/session/end`, {}, minhAuth)).status).toBe(200);
    expect((await getJson(`${agent.url}/api/staff/session`, minhAuth)).status).toBe(401);
    // Nothing here ever echoes a password.
    expect(JSON.stringify([accounts.body, added2.body])).not.toMatch(/mat-khau/);
  });

  test("an officer's statistics show the services and only the counters the officer worked at; a supervisor's every counter", async ({ agent }) => {
    const minh = await signedIn(agent, 'thu', 'officer');
    const hoa = await signedIn(agent, 'hoa', 'supervisor');
    for (let i = 0; i < 2; i++) await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    await postJson(`${agent.url}/api/counters/1/call-next`, {}, minh);
    await postJson(`${agent.url}/api/counters/1/finish`, {}, minh);
    await postJson(`${agent.url}/api/counters/2/call-next`, {}, STAFF);
    await postJson(`${agent.url}/api/counters/2/finish`, {}, STAFF);
    type Stats = { services: { serviceId: string; issued: number }[]; counters: { counterId: string; served: number }[] };
    const own = (await getJson<Stats>(`${agent.url}/api/stats`, minh)).body;
    const all = (await getJson<Stats>(`${agent.url}/api/stats`, hoa)).body;
    expect(own.counters.map((c) => [c.counterId, c.served])).toEqual([['1', 1]]);
    expect(all.counters.map((c) => [c.counterId, c.served])).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
    expect(own.services).toEqual(all.services);
  });

  test('one machine trying many usernames is slowed down: at most 20 sign-ins a minute, then 429 RATE_LIMITED', async ({ agent }) => {
    let answered = 0;
    let limited: Failure | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const r = await postJson<Failure>(`${agent.url}/api/staff/session`, { username: `doan${i}`, password: 'x' });
      if (r.status === 429) limited = r.body;
      else answered += 1;
    }
    expect(limited?.error.code).toBe('RATE_LIMITED');
    expect(limited?.error.message).toContain('thử đăng nhập quá nhiều lần');
    expect(answered).toBeLessThanOrEqual(20);
  });
});
