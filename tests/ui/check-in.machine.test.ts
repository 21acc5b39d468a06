/**
 * Checking in a booked visit, as the kiosk's screens see it: the keypad, the agent's answers (a ticket, again,
 * too early, expired, unknown, a failure), and how the session reaches the flow (the home button, an appointment
 * QR scanned on any screen) and leaves it (home, or a walk-in ticket for the same service). The agent is a double.
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { CheckInResponse } from '../../shared/appointment-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { checkInMachine, type CheckInMachine } from '../../kiosk-ui/src/flows/check-in/check-in.machine';
import { checkedIn, flowOf, SLIP, startSession, ticketAt } from './support/kiosk-session-harness';

const refusal = (code: string, details: Record<string, string> = {}) => new AgentRequestError(code as never, 'refused', 409, details);

function flow(answer: (code: string) => Promise<CheckInResponse>, code: string | null = null) {
  const codes: string[] = [];
  const machine = checkInMachine.provide({
    actors: {
      checkIn: fromPromise(async ({ input }) => {
        codes.push(input.code);
        return answer(input.code);
      }),
    },
  });
  const actor = createActor(machine, { input: { code } }).start();
  const at = (state: Parameters<SnapshotFrom<CheckInMachine>['matches']>[0]) => waitFor(actor, (s) => s.matches(state), { timeout: 1000 });
  const type = (digits: string) => [...digits].forEach((digit) => actor.send({ type: 'checkin.digit', digit }));
  return { actor, at, type, codes };
}

describe('check-in flow', () => {
  it('takes 8 digits, no more, no letters; submits only when complete; shows the ticket', async () => {
    const f = flow(async (code) => checkedIn(code));
    await f.at('entering');
    f.type('1234x567');
    f.actor.send({ type: 'checkin.submit' }); // 7 digits: nothing sent
    expect(f.actor.getSnapshot().matches('entering')).toBe(true);
    f.type('89');
    expect(f.actor.getSnapshot().context.code).toBe('12345678');
    f.actor.send({ type: 'checkin.delete' });
    f.type('0');
    f.actor.send({ type: 'checkin.submit' });
    const done = await f.at('checkedIn');
    expect(f.codes).toEqual(['12345670']);
    expect(done.context.result?.ticket.number).toBe('A013');
  });

  it('an unknown code empties the keypad and says why; a scan then checks at once', async () => {
    const f = flow(async (code) => {
      if (code === '11111111') throw refusal('APPOINTMENT_NOT_FOUND');
      return checkedIn(code);
    });
    f.type('11111111');
    f.actor.send({ type: 'checkin.submit' });
    const back = await f.at('entering');
    expect([back.context.code, back.context.errorCode]).toEqual(['', 'APPOINTMENT_NOT_FOUND']);
    f.actor.send({ type: 'checkin.scanned', code: 'LH:22223333' });
    await f.at('checkedIn');
    expect(f.codes).toEqual(['11111111', 'LH:22223333']);
  });

  it('too early: when to come back; home ends it', async () => {
    const f = flow(async () => {
      throw refusal('APPOINTMENT_TOO_EARLY', { checkInFrom: '2026-12-02T02:00:00.000Z', start: '2026-12-02T02:30:00.000Z' });
    }, 'LH:12345678');
    const early = await f.at('tooEarly');
    expect([early.context.checkInFrom, early.context.start]).toEqual(['2026-12-02T02:00:00.000Z', '2026-12-02T02:30:00.000Z']);
    f.actor.send({ type: 'checkin.done' });
    expect(f.actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('expired: a walk-in ticket for the same service is the way out', async () => {
    const f = flow(async () => {
      throw refusal('APPOINTMENT_EXPIRED', { serviceId: 'dat-dai', start: '2026-12-02T02:30:00.000Z' });
    }, 'LH:12345678');
    await f.at('expired');
    f.actor.send({ type: 'checkin.walkIn' });
    expect(f.actor.getSnapshot().output).toEqual({ next: 'ticket', serviceId: 'dat-dai' });
  });

  it('a cancelled booking offers a walk-in ticket for its service too', async () => {
    const f = flow(async () => {
      throw refusal('APPOINTMENT_CANCELLED', { serviceId: 'tu-phap' });
    }, 'LH:12345678');
    await f.at('failed');
    f.actor.send({ type: 'checkin.walkIn' });
    expect(f.actor.getSnapshot().output).toEqual({ next: 'ticket', serviceId: 'tu-phap' });
  });

  it('a failure can be retried; the retry asks again with the same code', async () => {
    let calls = 0;
    const f = flow(async (code) => {
      calls += 1;
      if (calls === 1) throw refusal('NETWORK_ERROR');
      return checkedIn(code);
    }, 'LH:12345678');
    await f.at('failed');
    f.actor.send({ type: 'checkin.retry' });
    await f.at('checkedIn');
    expect(f.codes).toEqual(['LH:12345678', 'LH:12345678']);
  });

  it('on the ticket screen a stray scan does not print again; Xong ends the flow', async () => {
    const f = flow(async (code) => checkedIn(code), 'LH:12345678');
    await f.at('checkedIn');
    f.actor.send({ type: 'checkin.scanned', code: 'LH:12345678' });
    expect(f.codes).toHaveLength(1);
    f.actor.send({ type: 'checkin.done' });
    expect(f.actor.getSnapshot().status).toBe('done');
  });
});

describe('the session and check-in', () => {
  it('the home button opens it; done returns home', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'home.checkIn' });
    expect(flowOf(s)).toBe('checkingIn');
    const child = s.actor.getSnapshot().children.checkIn!;
    '87654321'.split('').forEach((digit) => child.send({ type: 'checkin.digit', digit }));
    child.send({ type: 'checkin.submit' });
    await waitFor(child, (snap) => (snap as SnapshotFrom<CheckInMachine>).matches('checkedIn'));
    expect(s.checkIn).toHaveBeenCalledWith('87654321');
    child.send({ type: 'checkin.done' });
    await waitFor(s.actor, () => flowOf(s) === 'home');
  });

  it('an appointment QR scanned on the attract screen or while choosing a service checks in; a dossier slip still goes to pickup', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan('LH:12345678');
    await waitFor(s.actor, () => flowOf(s) === 'checkingIn');
    await waitFor(s.actor, () => s.checkIn.mock.calls.length === 1);
    expect(s.checkIn).toHaveBeenCalledWith('LH:12345678');
    s.actor.send({ type: 'nav.home' });
    s.actor.send({ type: 'home.takeTicket' });
    await ticketAt(s, { choosingService: 'ready' });
    s.scan('LH:22223333');
    await waitFor(s.actor, () => flowOf(s) === 'checkingIn');
    await waitFor(s.actor, () => s.checkIn.mock.calls.length === 2);
    s.actor.send({ type: 'nav.home' });
    s.scan(SLIP);
    await waitFor(s.actor, () => flowOf(s) === 'collectingResult');
    expect(s.lookup).toHaveBeenCalledWith(SLIP);
  });

  it('expired → the ticket flow for the appointment service, at the priority question', async () => {
    const s = startSession({
      checkIn: async () => {
        throw refusal('APPOINTMENT_EXPIRED', { serviceId: 'dat-dai', start: '2026-12-02T02:30:00.000Z' });
      },
    });
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.scan('LH:12345678');
    await waitFor(s.actor, () => flowOf(s) === 'checkingIn');
    const child = s.actor.getSnapshot().children.checkIn!;
    await waitFor(child, (snap) => (snap as SnapshotFrom<CheckInMachine>).matches('expired'));
    child.send({ type: 'checkin.walkIn' });
    const asking = await ticketAt(s, 'askingPriority');
    expect(asking.context.serviceId).toBe('dat-dai');
  });
});
