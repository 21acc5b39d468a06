/**
 * Every branch of the result-pickup flow, with the agent replaced by actors and time by a SimulatedClock: the
 * slip typed or scanned, a dossier not in a locker, unknown codes, wrong and locked pickup codes, a compartment
 * that does not open, a door left open, the receipt, the rating, and the ticket for the result counter.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor, type AnyActorRef } from 'xstate';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { AgentRequestError, type AgentErrorCode } from '../../kiosk-ui/src/agent-client/agent-client';
import {
  DEFAULT_COLLECT_TIMING,
  collectResultMachine,
  type CollectResultEvent,
  type CollectResultInput,
} from '../../kiosk-ui/src/flows/collect-result/collect-result.machine';

const CODE = '000.00.15.H29-250704-0012';
const inLocker: DossierLookup = {
  code: CODE,
  procedure: 'Cấp bản sao trích lục hộ tịch',
  status: 'in-locker',
  dueDate: '2025-07-10',
  overdue: false,
  applicant: 'Nguyễn V** A*',
  inLocker: true,
};
const processing: DossierLookup = { ...inLocker, status: 'processing', inLocker: false };
const agentError = (code: AgentErrorCode, details: Record<string, number> = {}) => new AgentRequestError(code, code, 400, details);

interface Fakes {
  lookup?: (code: string) => Promise<DossierLookup>;
  open?: (input: { code: string; pickupCode: string }) => Promise<{ compartment: { board: number; lock: number } }>;
  rate?: (input: { reference: string; level: number }) => Promise<unknown>;
}

function start(input: Partial<CollectResultInput> = {}, fakes: Fakes = {}) {
  const clock = new SimulatedClock();
  const lookup = vitest.fn(fakes.lookup ?? (async () => inLocker));
  const open = vitest.fn(fakes.open ?? (async () => ({ compartment: { board: 0, lock: 7 } })));
  const rate = vitest.fn(fakes.rate ?? (async () => ({ id: 1 })));
  const cue = vitest.fn();
  const hold = vitest.fn();
  const release = vitest.fn();
  let pickupWatcher: ((e: CollectResultEvent) => void) | null = null;
  const watching: string[] = [];
  const machine = collectResultMachine.provide({
    actors: {
      lookupDossier: fromPromise(({ input }) => lookup(input.code)),
      openCompartment: fromPromise(({ input }) => open(input)),
      sendRating: fromPromise(({ input }) => rate(input)),
      watchPickup: fromCallback<CollectResultEvent, { dossierCode: string }>(({ sendBack, input }) => {
        watching.push(input.dossierCode);
        pickupWatcher = sendBack;
        return () => {
          pickupWatcher = null;
        };
      }),
    },
    actions: { cueDoorOpen: cue, holdSession: hold, releaseSession: release },
  });
  const actor = createActor(machine, { clock, input: { code: null, resultServiceId: 'tra-ket-qua', ratingScale: 3, ...input } }).start();
  const fromAgent = (e: CollectResultEvent) => {
    if (!pickupWatcher) throw new Error('nobody is watching the pickup');
    pickupWatcher(e);
  };
  return { actor, clock, lookup, open, rate, cue, hold, release, fromAgent, watching };
}

const at = (actor: AnyActorRef, state: string) => waitFor(actor, (s) => s.value === state, { timeout: 1000 });
const typePin = (actor: AnyActorRef, pin: string) => {
  for (const d of pin) actor.send({ type: 'pin.digit', digit: d });
};

describe('collect-result: finding the dossier', () => {
  it('without a scan it asks for the slip; the code typed on the keypad is looked up', async () => {
    const { actor, lookup } = start();
    expect(actor.getSnapshot().value).toBe('waitingForSlip');
    actor.send({ type: 'slip.submit' }); // nothing typed yet: stays
    expect(actor.getSnapshot().value).toBe('waitingForSlip');
    for (const k of `${CODE}X`) actor.send({ type: 'slip.key', key: k });
    actor.send({ type: 'slip.delete' });
    expect(actor.getSnapshot().context.entry).toBe(CODE);
    actor.send({ type: 'slip.submit' });
    await at(actor, 'enteringCode');
    expect(lookup).toHaveBeenCalledWith(CODE);
  });

  it('a scanned slip is looked up straight away', async () => {
    const { actor, lookup } = start({ code: `https://dichvucong.gov.vn/tra-cuu?MHS=${CODE}` });
    await at(actor, 'enteringCode');
    expect(lookup).toHaveBeenCalledWith(`https://dichvucong.gov.vn/tra-cuu?MHS=${CODE}`);
    expect(actor.getSnapshot().context.dossier?.applicant).toBe('Nguyễn V** A*');
  });

  it('a dossier not in a locker: its status, then a ticket for the result counter or home', async () => {
    const { actor, open } = start({ code: CODE }, { lookup: async () => processing });
    await at(actor, 'showingStatus');
    expect(actor.getSnapshot().context.dossier?.status).toBe('processing');
    actor.send({ type: 'pickup.takeTicket' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ next: 'ticket', serviceId: 'tra-ket-qua' });
    expect(open).not.toHaveBeenCalled();
  });

  it('no ticket is offered where the site has no result counter service', async () => {
    const { actor } = start({ code: CODE, resultServiceId: null }, { lookup: async () => processing });
    await at(actor, 'showingStatus');
    actor.send({ type: 'pickup.takeTicket' });
    expect(actor.getSnapshot().value).toBe('showingStatus');
    actor.send({ type: 'pickup.finish' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('an unknown or unreadable code: the reason, and scanning again starts clean', async () => {
    const { actor } = start({ code: 'rác' }, { lookup: async () => Promise.reject(agentError('DOSSIER_NOT_FOUND')) });
    await at(actor, 'slipProblem');
    expect(actor.getSnapshot().context.errorCode).toBe('DOSSIER_NOT_FOUND');
    actor.send({ type: 'pickup.scanAgain' });
    expect(actor.getSnapshot().value).toBe('waitingForSlip');
    expect(actor.getSnapshot().context).toMatchObject({ entry: '', code: null, errorCode: null });
  });

  it('no connection to the agent: a problem screen with its code', async () => {
    const { actor } = start({ code: CODE }, { lookup: async () => Promise.reject(agentError('NETWORK_ERROR')) });
    await at(actor, 'problem');
    expect(actor.getSnapshot().context.errorCode).toBe('NETWORK_ERROR');
  });

  it('a new scan on a status screen looks that slip up instead', async () => {
    const lookups: DossierLookup[] = [processing, inLocker];
    const { actor, lookup } = start({ code: CODE }, { lookup: async () => lookups.shift()! });
    await at(actor, 'showingStatus');
    actor.send({ type: 'slip.scanned', code: '000.00.15.H29-250704-0013' });
    await at(actor, 'enteringCode');
    expect(lookup).toHaveBeenLastCalledWith('000.00.15.H29-250704-0013');
  });
});

describe('collect-result: the pickup code and the compartment', () => {
  it('only six digits are taken, and only a complete code is sent', async () => {
    const { actor, open } = start({ code: CODE });
    await at(actor, 'enteringCode');
    typePin(actor, '12a34567');
    expect(actor.getSnapshot().context.pickupCode).toBe('123456');
    actor.send({ type: 'pin.delete' });
    actor.send({ type: 'pin.submit' });
    expect(actor.getSnapshot().value).toBe('enteringCode');
    expect(open).not.toHaveBeenCalled();
  });

  it('a wrong code: back to the keypad, emptied, with the attempts left', async () => {
    const { actor } = start({ code: CODE }, { open: async () => Promise.reject(agentError('PICKUP_CODE_INVALID', { attemptsLeft: 4 })) });
    await at(actor, 'enteringCode');
    typePin(actor, '000000');
    actor.send({ type: 'pin.submit' });
    await waitFor(actor, (s) => s.context.errorCode === 'PICKUP_CODE_INVALID');
    expect(actor.getSnapshot().value).toBe('enteringCode');
    expect(actor.getSnapshot().context).toMatchObject({ pickupCode: '', attemptsLeft: 4 });
  });

  it('locked after five wrong codes: how long, and the counter', async () => {
    const { actor } = start({ code: CODE }, { open: async () => Promise.reject(agentError('PICKUP_LOCKED', { retryAfterMinutes: 15 })) });
    await at(actor, 'enteringCode');
    typePin(actor, '000000');
    actor.send({ type: 'pin.submit' });
    await at(actor, 'problem');
    expect(actor.getSnapshot().context).toMatchObject({ errorCode: 'PICKUP_LOCKED', retryAfterMinutes: 15, pickupCode: '' });
    actor.send({ type: 'pickup.takeTicket' });
    expect(actor.getSnapshot().output).toEqual({ next: 'ticket', serviceId: 'tra-ket-qua' });
  });

  it('a compartment that does not answer: go to the result counter, with a ticket', async () => {
    const { actor, hold } = start({ code: CODE }, { open: async () => Promise.reject(agentError('LOCKER_TIMEOUT')) });
    await at(actor, 'enteringCode');
    typePin(actor, '123456');
    actor.send({ type: 'pin.submit' });
    await at(actor, 'problem');
    expect(actor.getSnapshot().context.errorCode).toBe('LOCKER_TIMEOUT');
    expect(hold).not.toHaveBeenCalled();
  });

  it('the door opens: compartment shown, a sound, the session held; shut door → receipt → rating → thanks → home', async () => {
    const { actor, clock, open, rate, cue, hold, release, fromAgent, watching } = start({ code: CODE });
    await at(actor, 'enteringCode');
    typePin(actor, '123456');
    actor.send({ type: 'pin.submit' });
    await at(actor, 'doorOpen');
    expect(open).toHaveBeenCalledWith({ code: CODE, pickupCode: '123456' });
    expect(actor.getSnapshot().context).toMatchObject({ compartment: { board: 0, lock: 7 }, pickupCode: '' });
    expect(cue).toHaveBeenCalledTimes(1);
    expect(hold).toHaveBeenCalledTimes(1);
    expect(watching).toEqual([CODE]);

    actor.send({ type: 'slip.scanned', code: 'another' }); // a stray scan does not abandon an open door
    actor.send({ type: 'pickup.finish' });
    expect(actor.getSnapshot().value).toBe('doorOpen');

    fromAgent({ type: 'door.reminder' });
    expect(actor.getSnapshot().context.doorReminder).toBe(true);
    fromAgent({ type: 'pickup.completed', receiptPrinted: true });
    expect(actor.getSnapshot().value).toBe('rating');
    expect(actor.getSnapshot().context.receiptPrinted).toBe(true);
    expect(release).toHaveBeenCalledTimes(1);

    actor.send({ type: 'rating.chosen', level: 4 }); // not on a 3-level scale
    expect(actor.getSnapshot().value).toBe('rating');
    actor.send({ type: 'rating.chosen', level: 3 });
    await at(actor, 'thanks');
    expect(rate).toHaveBeenCalledWith({ reference: CODE, level: 3 });
    clock.increment(DEFAULT_COLLECT_TIMING.thanksShownMs);
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('a receipt the printer could not print is remembered for the screen', async () => {
    const { actor, fromAgent } = start({ code: CODE });
    await at(actor, 'enteringCode');
    typePin(actor, '123456');
    actor.send({ type: 'pin.submit' });
    await at(actor, 'doorOpen');
    fromAgent({ type: 'pickup.completed', receiptPrinted: false });
    expect(actor.getSnapshot().context.receiptPrinted).toBe(false);
  });

  it('a door left open past the wait: the citizen is sent to staff', async () => {
    const { actor, clock, release } = start({ code: CODE });
    await at(actor, 'enteringCode');
    typePin(actor, '123456');
    actor.send({ type: 'pin.submit' });
    await at(actor, 'doorOpen');
    clock.increment(DEFAULT_COLLECT_TIMING.doorWaitMs);
    expect(actor.getSnapshot().value).toBe('problem');
    expect(actor.getSnapshot().context.errorCode).toBe('DOOR_LEFT_OPEN');
    expect(release).toHaveBeenCalledTimes(1);
  });
});

describe('collect-result: the rating', () => {
  async function toRating(fakes: Fakes = {}) {
    const s = start({ code: CODE }, fakes);
    await at(s.actor, 'enteringCode');
    typePin(s.actor, '123456');
    s.actor.send({ type: 'pin.submit' });
    await at(s.actor, 'doorOpen');
    s.fromAgent({ type: 'pickup.completed', receiptPrinted: true });
    return s;
  }

  it('can be skipped', async () => {
    const { actor, rate } = await toRating();
    actor.send({ type: 'rating.skip' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
    expect(rate).not.toHaveBeenCalled();
  });

  it('goes home by itself when nobody answers', async () => {
    const { actor, clock } = await toRating();
    clock.increment(DEFAULT_COLLECT_TIMING.ratingShownMs);
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('thanks the citizen even when the rating did not reach the agent', async () => {
    const { actor } = await toRating({ rate: async () => Promise.reject(agentError('NETWORK_ERROR')) });
    actor.send({ type: 'rating.chosen', level: 1 });
    await at(actor, 'thanks');
  });

  it('uses the site’s five-level scale', async () => {
    const s = start({ code: CODE, ratingScale: 5 });
    await at(s.actor, 'enteringCode');
    typePin(s.actor, '123456');
    s.actor.send({ type: 'pin.submit' });
    await at(s.actor, 'doorOpen');
    s.fromAgent({ type: 'pickup.completed', receiptPrinted: true });
    s.actor.send({ type: 'rating.chosen', level: 5 });
    await at(s.actor, 'thanks');
    expect(s.rate).toHaveBeenCalledWith({ reference: CODE, level: 5 });
  });
});
