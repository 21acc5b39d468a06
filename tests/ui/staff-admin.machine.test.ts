/**
 * The supervisor's accounts page (/admin/staff) with the agent as a double: sign in, the list, adding an account
 * (checked before sending: 8 characters, typed twice; the agent's refusals keep the form open), disabling after a
 * confirmation, enabling, resetting a password; the list is fetched again after every action. An officer's
 * sign-in is told the page is for supervisors.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { AccountView, OfficerView } from '../../shared/staff-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { staffAdminMachine, type NewAccount } from '../../kiosk-ui/src/flows/staff-admin/staff-admin.machine';

const SUPERVISOR: OfficerView = { id: 1, username: 'giamsat', name: 'Trần Văn Giám', role: 'supervisor' };
const OFFICER: OfficerView = { id: 2, username: 'canbo1', name: 'Nguyễn Thị Lan', role: 'officer' };

/** An agent double: accounts in memory, the same refusals as the real one. */
function fakeAgent(signedInAs: OfficerView = SUPERVISOR) {
  const accounts: AccountView[] = [
    { ...SUPERVISOR, disabled: false, locked: false, signedInAt: [null] },
    { ...OFFICER, disabled: false, locked: true, signedInAt: ['2'] },
  ];
  const calls: string[] = [];
  let sessionLive = true;
  const machine = staffAdminMachine.provide({
    actors: {
      signIn: fromPromise(async ({ input }) => {
        if (input.password !== 'demo-2026') throw new AgentRequestError('STAFF_CREDENTIALS_INVALID', 'wrong', 401, { attemptsLeft: 4 });
        return { token: `tok-${signedInAs.username}`, officer: signedInAs };
      }),
      loadAccounts: fromPromise(async ({ input }) => {
        calls.push('list');
        if (!sessionLive || input.token !== `tok-${signedInAs.username}`) throw new AgentRequestError('UNAUTHORIZED', 'no', 401);
        if (signedInAs.role === 'officer') throw new AgentRequestError('STAFF_ROLE_REQUIRED', 'supervisors only', 403);
        return { me: signedInAs, accounts: accounts.map((a) => ({ ...a, signedInAt: [...a.signedInAt] })) };
      }),
      addAccount: fromPromise(async ({ input }) => {
        calls.push(`add ${input.account.username}`);
        if (accounts.some((a) => a.username === input.account.username)) throw new AgentRequestError('STAFF_USERNAME_TAKEN', 'taken', 409);
        const added = { id: accounts.length + 1, username: input.account.username, name: input.account.name, role: input.account.role };
        accounts.push({ ...added, disabled: false, locked: false, signedInAt: [] });
        return added;
      }),
      setDisabled: fromPromise(async ({ input }) => {
        calls.push(`${input.disabled ? 'disable' : 'enable'} ${input.accountId}`);
        const a = accounts.find((x) => x.id === input.accountId)!;
        const sessionsEnded = input.disabled ? a.signedInAt.length : 0;
        a.disabled = input.disabled;
        if (input.disabled) a.signedInAt = [];
        return { sessionsEnded };
      }),
      resetPassword: fromPromise(async ({ input }) => {
        calls.push(`password ${input.accountId} ${input.password}`);
        const a = accounts.find((x) => x.id === input.accountId)!;
        a.locked = false;
        a.signedInAt = [];
        return { ok: true };
      }),
      signOut: fromPromise(async ({ input }) => {
        calls.push(`end ${input.token}`);
      }),
    },
  });
  return { actor: createActor(machine, { input: { token: null } }).start(), calls, accounts, endSession: () => (sessionLive = false) };
}

async function signedInSupervisor() {
  const agent = fakeAgent();
  agent.actor.send({ type: 'credentials.submitted', username: 'giamsat', password: 'demo-2026' });
  await waitFor(agent.actor, (s) => s.matches({ ready: 'idle' }));
  return agent;
}

const idle = { ready: 'idle' } as const;

describe('supervisor accounts page', () => {
  it('a wrong password is told with the tries left; the supervisor then sees every account and who is signed in where', async () => {
    const { actor } = fakeAgent();
    actor.send({ type: 'credentials.submitted', username: 'giamsat', password: 'sai' });
    const refused = await waitFor(actor, (s) => s.matches('signedOut') && s.context.refusal !== null);
    expect(refused.context.refusal).toEqual({ code: 'STAFF_CREDENTIALS_INVALID', attemptsLeft: 4, retryAt: null });
    actor.send({ type: 'credentials.submitted', username: 'giamsat', password: 'demo-2026' });
    const ready = await waitFor(actor, (s) => s.matches(idle));
    expect(ready.context.me).toEqual(SUPERVISOR);
    expect(ready.context.accounts?.map((a) => [a.username, a.role, a.locked, a.signedInAt])).toEqual([
      ['giamsat', 'supervisor', false, [null]],
      ['canbo1', 'officer', true, ['2']],
    ]);
  });

  it('an officer who signs in is told the page is for supervisors, and may sign in as someone else (the session ends)', async () => {
    const { actor, calls } = fakeAgent(OFFICER);
    actor.send({ type: 'credentials.submitted', username: 'canbo1', password: 'demo-2026' });
    const refused = await waitFor(actor, (s) => s.matches('notSupervisor'));
    expect(refused.context.errorCode).toBe('STAFF_ROLE_REQUIRED');
    actor.send({ type: 'signOut' });
    const out = await waitFor(actor, (s) => s.matches('signedOut'));
    expect(calls).toContain('end tok-canbo1');
    expect(out.context.token).toBeNull();
  });

  it('adds an account: a short or mistyped password is caught before sending, a taken username keeps the form open; the list is fetched again', async () => {
    const { actor, calls } = await signedInSupervisor();
    actor.send({ type: 'add.open' });
    const account: NewAccount = { username: ' canbo2 ', name: 'Lê Văn Hùng', role: 'officer', password: 'ngan' };
    actor.send({ type: 'add.submit', account, confirm: 'ngan' });
    expect(actor.getSnapshot().context.formProblem).toBe('passwordShort');
    actor.send({ type: 'add.submit', account: { ...account, password: 'mat-khau-dai' }, confirm: 'mat-khau-dia' });
    expect(actor.getSnapshot().context.formProblem).toBe('passwordMismatch');
    expect(calls.filter((c) => c.startsWith('add'))).toEqual([]);

    actor.send({ type: 'add.submit', account: { ...account, username: 'canbo1', password: 'mat-khau-dai' }, confirm: 'mat-khau-dai' });
    const taken = await waitFor(actor, (s) => s.matches({ ready: 'addForm' }) && s.context.errorCode !== null);
    expect(taken.context.errorCode).toBe('STAFF_USERNAME_TAKEN');

    actor.send({ type: 'add.submit', account: { ...account, password: 'mat-khau-dai' }, confirm: 'mat-khau-dai' });
    const added = await waitFor(actor, (s) => s.matches(idle) && s.context.notice !== null);
    expect(calls.slice(-2)).toEqual(['add canbo2', 'list']);
    expect(added.context.notice).toEqual({ kind: 'added', username: 'canbo2' });
    expect(added.context.accounts?.map((a) => a.username)).toEqual(['giamsat', 'canbo1', 'canbo2']);
  });

  it('disables only after the confirmation, says how many sessions ended, enables again; the own account is left alone', async () => {
    const { actor, calls } = await signedInSupervisor();
    actor.send({ type: 'disable.ask', accountId: SUPERVISOR.id, disabled: true });
    expect(actor.getSnapshot().matches(idle)).toBe(true);

    actor.send({ type: 'disable.ask', accountId: OFFICER.id, disabled: true });
    expect(actor.getSnapshot().matches({ ready: 'confirmDisable' })).toBe(true);
    actor.send({ type: 'dialog.cancel' });
    expect(actor.getSnapshot().matches(idle)).toBe(true);
    expect(calls.some((c) => c.startsWith('disable'))).toBe(false);

    actor.send({ type: 'disable.ask', accountId: OFFICER.id, disabled: true });
    actor.send({ type: 'disable.confirm' });
    const disabled = await waitFor(actor, (s) => s.matches(idle) && s.context.notice !== null);
    expect(calls.slice(-2)).toEqual(['disable 2', 'list']);
    expect(disabled.context.notice).toEqual({ kind: 'disabled', username: 'canbo1', sessionsEnded: 1 });
    expect(disabled.context.accounts?.find((a) => a.id === OFFICER.id)).toMatchObject({ disabled: true, signedInAt: [] });

    actor.send({ type: 'disable.ask', accountId: OFFICER.id, disabled: false });
    actor.send({ type: 'disable.confirm' });
    const enabled = await waitFor(actor, (s) => s.matches(idle) && s.context.notice?.kind === 'enabled');
    expect(enabled.context.accounts?.find((a) => a.id === OFFICER.id)?.disabled).toBe(false);
  });

  it('resets a password (typed twice), which lifts the lock; a weak one refused by the agent keeps the form open', async () => {
    const { actor, calls } = await signedInSupervisor();
    actor.send({ type: 'password.open', accountId: OFFICER.id });
    actor.send({ type: 'password.submit', password: 'mat-khau-moi', confirm: 'mat-khau-cu' });
    expect(actor.getSnapshot().context.formProblem).toBe('passwordMismatch');
    actor.send({ type: 'password.submit', password: 'mat-khau-moi', confirm: 'mat-khau-moi' });
    const reset = await waitFor(actor, (s) => s.matches(idle) && s.context.notice !== null);
    expect(calls.slice(-2)).toEqual(['password 2 mat-khau-moi', 'list']);
    expect(reset.context.notice).toEqual({ kind: 'passwordReset', username: 'canbo1' });
    expect(reset.context.accounts?.find((a) => a.id === OFFICER.id)?.locked).toBe(false);
  });

  it("a supervisor's session that ended brings the sign-in form back with the reason", async () => {
    const agent = await signedInSupervisor();
    // The token no longer works (signed out elsewhere, idle too long): the next list is refused.
    agent.endSession();
    agent.actor.send({ type: 'refresh' });
    const out = await waitFor(agent.actor, (s) => s.matches('signedOut'));
    expect([out.context.errorCode, out.context.token, out.context.accounts]).toEqual(['UNAUTHORIZED', null, null]);
  });
});
