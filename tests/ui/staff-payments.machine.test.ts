/**
 * The officers' fees page (/payments) with the agent as a double: sign-in (a refusal, then in; a kept token checked),
 * cash for a dossier (its fees, the amount confirmed, the new state and who recorded it), a dossier paid meanwhile,
 * an unknown one, a transfer assigned (it leaves the list), one already assigned elsewhere, the session ended
 * mid-way, and the fees CSV for supervisors only.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { DossierFees } from '../../shared/payment-schemas';
import type { OfficerView } from '../../shared/staff-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { parseCashAmount } from '../../kiosk-ui/src/flows/staff-payments/cash-amount';
import { staffPaymentsMachine, type CashStep, type TransfersStep, type UnmatchedTransfer } from '../../kiosk-ui/src/flows/staff-payments/staff-payments.machine';

const OFFICER: OfficerView = { id: 2, username: 'canbo1', name: 'Nguyễn Thị Lan', role: 'officer' };
const SUPERVISOR: OfficerView = { id: 1, username: 'giamsat', name: 'Trần Văn Giám', role: 'supervisor' };
const CODE = '000.00.15.H29-261120-0041';

/** An agent double: one dossier with fees, two unmatched transfers, the same refusals as the real one. */
function fakeAgent(officer: OfficerView = OFFICER, token: string | null = null) {
  const dossier: DossierFees = { dossierCode: CODE, procedure: 'Cấp bản sao trích lục hộ tịch', fees: [{ name: 'Lệ phí', amount: 30_000 }, { name: 'Phí sao y', amount: 20_000 }], total: 50_000, paid: 0, due: 50_000 };
  let transfers: UnmatchedTransfer[] = [
    { id: 7, reference: 'MBVCB.3301.nop phi trich luc', amount: 20_000, transactionId: 'FT1', paidAt: '2026-11-22T02:05:00.000Z' },
    { id: 8, reference: 'chuyen tien phi', amount: 50_000, transactionId: 'FT2', paidAt: '2026-11-22T03:05:00.000Z' },
  ];
  const calls: string[] = [];
  const kept: (string | null)[] = [];
  let live = true;
  const authed = (t: string) => {
    if (!live || t !== 'tok') throw new AgentRequestError('UNAUTHORIZED', 'ended', 401);
  };
  const standing = () => ({ dossierCode: CODE, total: dossier.total, paid: dossier.paid, due: dossier.due });
  const pay = (amount: number) => {
    dossier.paid += amount;
    dossier.due = Math.max(0, dossier.total - dossier.paid);
  };
  const machine = staffPaymentsMachine.provide({
    actors: {
      signIn: fromPromise(async ({ input }) => {
        if (input.password !== 'demo-2026') throw new AgentRequestError('STAFF_CREDENTIALS_INVALID', 'wrong', 401, { attemptsLeft: 4 });
        return { token: 'tok', officer };
      }),
      whoAmI: fromPromise(async ({ input }) => (authed(input.token), { officer })),
      signOut: fromPromise<unknown, { token: string }>(async () => {
        calls.push('end');
        return undefined;
      }),
      loadDossier: fromPromise(async ({ input }) => {
        authed(input.token);
        calls.push(`read ${input.code}`);
        if (input.code !== CODE) throw new AgentRequestError('DOSSIER_NOT_FOUND', 'no', 404);
        return { ...dossier, fees: [...dossier.fees] };
      }),
      recordCash: fromPromise(async ({ input }) => {
        authed(input.token);
        calls.push(`cash ${input.code} ${input.amount}`);
        if (dossier.due <= 0) throw new AgentRequestError('PAYMENT_NOT_DUE', 'paid', 409);
        pay(input.amount);
        return standing();
      }),
      loadTransfers: fromPromise(async ({ input }) => (authed(input.token), transfers.map((u) => ({ ...u })))),
      assignTransfer: fromPromise(async ({ input }) => {
        authed(input.token);
        calls.push(`assign ${input.id} ${input.dossierCode}`);
        if (input.id === 8) throw new AgentRequestError('UNMATCHED_PAYMENT_ASSIGNED', 'already', 409, { dossierCode: '000.00.15.H29-261120-0050' });
        if (input.dossierCode !== CODE) throw new AgentRequestError('DOSSIER_NOT_FOUND', 'no', 404);
        pay(transfers.find((u) => u.id === input.id)!.amount);
        transfers = transfers.filter((u) => u.id !== input.id);
        return standing();
      }),
      saveFeesCsv: fromPromise(async ({ input }) => {
        authed(input.token);
        calls.push(`csv ${input.from} ${input.to}`);
      }),
    },
    actions: {
      saveToken: ({ context }) => kept.push(context.token),
      forgetToken: () => kept.push(null),
    },
  });
  const actor = createActor(machine, { input: { token } }).start();
  return {
    actor,
    calls,
    kept,
    dossier,
    endSession: () => (live = false),
    /** A transfer arrives for the dossier while the officer is looking at it. */
    paidMeanwhile: (amount: number) => pay(amount),
    transfersLeft: () => transfers.map((u) => u.id),
  };
}

async function signedIn(officer: OfficerView = OFFICER) {
  const agent = fakeAgent(officer);
  agent.actor.send({ type: 'credentials.submitted', username: officer.username, password: 'demo-2026' });
  await waitFor(agent.actor, (s) => s.matches({ ready: { transfers: 'listed' } }));
  return agent;
}

const cashAt = (step: CashStep) => ({ ready: { cash: step } });
const transfersAt = (step: TransfersStep) => ({ ready: { transfers: step } });

describe('officers’ fees page', () => {
  it('a wrong password is told with the tries left; signed in, the officer is named and the unmatched transfers listed', async () => {
    const { actor, kept } = fakeAgent();
    actor.send({ type: 'credentials.submitted', username: 'canbo1', password: 'sai' });
    const refused = await waitFor(actor, (s) => s.matches('signedOut') && s.context.refusal !== null);
    expect(refused.context.refusal).toEqual({ code: 'STAFF_CREDENTIALS_INVALID', attemptsLeft: 4, retryAt: null });
    actor.send({ type: 'credentials.submitted', username: 'canbo1', password: 'demo-2026' });
    const ready = await waitFor(actor, (s) => s.matches(transfersAt('listed')));
    expect(ready.context.officer?.name).toBe('Nguyễn Thị Lan');
    expect(ready.context.transfers?.map((u) => u.id)).toEqual([7, 8]);
    expect(ready.matches(cashAt('entering'))).toBe(true);
    expect(kept).toEqual(['tok']);
  });

  it('a kept token is checked first (a reload keeps the session); an ended one asks to sign in again', async () => {
    const kept = fakeAgent(OFFICER, 'tok');
    expect((await waitFor(kept.actor, (s) => s.matches(transfersAt('listed')))).context.officer?.username).toBe('canbo1');
    const stale = fakeAgent(OFFICER, 'old');
    const out = await waitFor(stale.actor, (s) => s.matches('signedOut'));
    expect([out.context.errorCode, out.context.token, stale.kept]).toEqual(['UNAUTHORIZED', null, [null]]);
  });

  it('cash: the dossier’s fees, the amount confirmed, the new state and who recorded it', async () => {
    const { actor, calls } = await signedIn();
    actor.send({ type: 'cash.lookup', code: `  ${CODE} ` });
    const shown = await waitFor(actor, (s) => s.matches(cashAt('shown')));
    expect(shown.context.dossier).toMatchObject({ procedure: 'Cấp bản sao trích lục hộ tịch', total: 50_000, paid: 0, due: 50_000 });
    expect(shown.context.dossier?.fees).toHaveLength(2);
    // Not an amount: said at once, nothing sent.
    actor.send({ type: 'cash.submit', amount: 'năm chục' });
    expect(actor.getSnapshot().context.amountInvalid).toBe(true);
    actor.send({ type: 'cash.submit', amount: '30.000' });
    expect(actor.getSnapshot().matches(cashAt('confirming'))).toBe(true);
    expect(actor.getSnapshot().context.amount).toBe(30_000);
    // Back to the amount, then confirmed: only then is anything recorded.
    actor.send({ type: 'cash.back' });
    actor.send({ type: 'cash.submit', amount: '30000' });
    expect(calls.filter((c) => c.startsWith('cash'))).toEqual([]);
    actor.send({ type: 'cash.confirm' });
    const recorded = await waitFor(actor, (s) => s.matches(cashAt('recorded')));
    expect(calls).toContain(`cash ${CODE} 30000`);
    expect(recorded.context.dossier).toMatchObject({ paid: 30_000, due: 20_000, procedure: 'Cấp bản sao trích lục hộ tịch' });
    expect(recorded.context.recorded).toEqual({ amount: 30_000, by: 'Nguyễn Thị Lan' });
    actor.send({ type: 'cash.clear' });
    expect(actor.getSnapshot().matches(cashAt('entering'))).toBe(true);
    expect(actor.getSnapshot().context.dossier).toBeNull();
  });

  it('not due: a dossier paid meanwhile is refused by the agent and read again; one paid in full takes no cash', async () => {
    const agent = await signedIn();
    const { actor, calls } = agent;
    actor.send({ type: 'cash.lookup', code: CODE });
    await waitFor(actor, (s) => s.matches(cashAt('shown')));
    agent.paidMeanwhile(50_000);
    actor.send({ type: 'cash.submit', amount: '50000' });
    actor.send({ type: 'cash.confirm' });
    const reread = await waitFor(actor, (s) => s.matches(cashAt('shown')) && s.context.dossier?.due === 0);
    expect(reread.context.cashError).toBe('PAYMENT_NOT_DUE');
    expect(reread.context.dossier?.paid).toBe(50_000);
    // Paid in full on screen: the machine refuses it itself, without asking.
    const asked = calls.length;
    actor.send({ type: 'cash.submit', amount: '10000' });
    expect(actor.getSnapshot().matches(cashAt('shown'))).toBe(true);
    expect(actor.getSnapshot().context.cashError).toBe('PAYMENT_NOT_DUE');
    expect(calls).toHaveLength(asked);
  });

  it('an unknown dossier is said by its code; an empty code is not looked up', async () => {
    const { actor, calls } = await signedIn();
    actor.send({ type: 'cash.lookup', code: '   ' });
    expect(calls).toEqual([]);
    actor.send({ type: 'cash.lookup', code: '000.00.15.H29-261120-0999' });
    const refused = await waitFor(actor, (s) => s.matches(cashAt('entering')) && s.context.cashError !== null);
    expect([refused.context.cashError, refused.context.dossier]).toEqual(['DOSSIER_NOT_FOUND', null]);
  });

  it('a transfer assigned to its dossier leaves the list; the dossier open for cash shows it paid', async () => {
    const agent = await signedIn();
    const { actor } = agent;
    actor.send({ type: 'cash.lookup', code: CODE });
    await waitFor(actor, (s) => s.matches(cashAt('shown')));
    actor.send({ type: 'transfer.pick', id: 7 });
    expect(actor.getSnapshot().matches(transfersAt('choosing'))).toBe(true);
    // A code naming no dossier: the dialog stays with the reason.
    actor.send({ type: 'transfer.assign', dossierCode: '000.00.15.H29-261120-0999' });
    const wrong = await waitFor(actor, (s) => s.matches(transfersAt('choosing')) && s.context.transferError !== null);
    expect(wrong.context.transferError).toBe('DOSSIER_NOT_FOUND');
    actor.send({ type: 'transfer.assign', dossierCode: CODE });
    const done = await waitFor(actor, (s) => s.matches(transfersAt('listed')) && s.context.transferNotice !== null);
    expect(done.context.transferNotice).toEqual({ kind: 'assigned', dossierCode: CODE, amount: 20_000, due: 30_000 });
    expect(done.context.transfers?.map((u) => u.id)).toEqual([8]);
    expect(done.context.dossier).toMatchObject({ paid: 20_000, due: 30_000 });
    expect(agent.transfersLeft()).toEqual([8]);
  });

  it('a transfer already assigned says to which dossier, and the list is read again', async () => {
    const { actor, calls } = await signedIn();
    actor.send({ type: 'transfer.pick', id: 8 });
    actor.send({ type: 'transfer.assign', dossierCode: CODE });
    const told = await waitFor(actor, (s) => s.matches(transfersAt('listed')) && s.context.transferNotice !== null);
    expect(told.context.transferNotice).toEqual({ kind: 'alreadyAssigned', dossierCode: '000.00.15.H29-261120-0050', amount: 50_000, due: null });
    expect(told.context.selected).toBeNull();
    expect(calls).toContain(`assign 8 ${CODE}`);
  });

  it('the session ended mid-way: back to sign-in, told so, the token forgotten and nothing kept on screen', async () => {
    const agent = await signedIn();
    const { actor, kept } = agent;
    actor.send({ type: 'cash.lookup', code: CODE });
    await waitFor(actor, (s) => s.matches(cashAt('shown')));
    actor.send({ type: 'cash.submit', amount: '50000' });
    agent.endSession();
    actor.send({ type: 'cash.confirm' });
    const out = await waitFor(actor, (s) => s.matches('signedOut'));
    expect([out.context.errorCode, out.context.token, out.context.dossier, out.context.transfers]).toEqual(['UNAUTHORIZED', null, null, null]);
    expect(kept).toEqual(['tok', null]);
    expect(agent.dossier.paid).toBe(0);
  });

  it('the fees CSV: a supervisor saves a period (a wrong one refused first); an officer’s request does nothing', async () => {
    const sup = await signedIn(SUPERVISOR);
    sup.actor.send({ type: 'report.save', from: '2026-11-30', to: '2026-11-01' });
    expect(sup.actor.getSnapshot().context.reportProblem).toBe('order');
    sup.actor.send({ type: 'report.save', from: '2026-11-01', to: '2026-11-30' });
    const saved = await waitFor(sup.actor, (s) => s.context.reportSaved);
    expect(saved.context.reportProblem).toBeNull();
    expect(sup.calls).toEqual(['csv 2026-11-01 2026-11-30']);
    const officer = await signedIn(OFFICER);
    officer.actor.send({ type: 'report.save', from: '2026-11-01', to: '2026-11-30' });
    expect(officer.actor.getSnapshot().matches({ ready: { report: 'idle' } })).toBe(true);
    expect(officer.calls).toEqual([]);
  });

  it('reads amounts the Vietnamese way, whole dong only', () => {
    expect(['50.000', '50 000', '1,200,000', '7'].map(parseCashAmount)).toEqual([50_000, 50_000, 1_200_000, 7]);
    expect(['', '0', '-5', '12,5đ', '1000000000', 'abc'].map(parseCashAmount)).toEqual([null, null, null, null, null, null]);
  });
});
