/**
 * The kiosk session around the flows: booting (and booting again when the agent comes back), the attract screen,
 * the idle timer and its question, what a visitor leaves behind, the priority button, and the ticket flow run as
 * its child with the screens' events passed on to it.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { DEFAULT_TIMING } from '../../kiosk-ui/src/app/kiosk-session/kiosk-session.machine';
import { INFO, flowOf, startSession, ticketAt, toPriorityQuestion } from './support/kiosk-session-harness';

describe('kiosk session', () => {
  it('boots to the attract screen with the kiosk info', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    expect(s.actor.getSnapshot().context.info?.centerName).toBe(INFO.centerName);
  });

  it('retries the boot by itself when the agent is not up yet', async () => {
    let up = false;
    const s = startSession({
      loadKiosk: async () => {
        if (!up) throw new AgentRequestError('NETWORK_ERROR', 'refused', 0);
        return INFO;
      },
    });
    await waitFor(s.actor, (snap) => snap.matches('bootFailed'));
    expect(s.actor.getSnapshot().context.info).toBeNull();
    up = true;
    s.clock.increment(DEFAULT_TIMING.bootRetryMs);
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    // Nobody touched it: the kiosk came back with the centre's details, ready for the first visitor.
    expect(s.actor.getSnapshot().context.info).toEqual(INFO);
  });

  it('a whole ticket through the session: the screens\' events reach the flow, and the kiosk is home after 15 s', async () => {
    const s = startSession();
    await toPriorityQuestion(s);
    s.actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await ticketAt(s, { showingTicket: 'printed' });
    expect(s.issue).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: 'elderly' });
    expect(s.ticket()?.context.ticket?.number).toBe('A012');
    s.clock.increment(DEFAULT_TIMING.ticketShownMs);
    expect(flowOf(s)).toBe('home');
    expect(s.ticketFlow()).toBeUndefined();
  });

  it('after 60 s of silence asks "Cần thêm thời gian?" for 15 s, then ends the session', async () => {
    const s = startSession();
    await toPriorityQuestion(s);
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs - 1);
    expect(s.actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
    s.clock.increment(1);
    expect(s.actor.getSnapshot().matches({ session: { idle: 'warning' } })).toBe(true);
    expect(s.ticket()?.value).toBe('askingPriority'); // the screen stays under the question
    s.clock.increment(DEFAULT_TIMING.idleWarningMs - 1);
    expect(s.actor.getSnapshot().matches('session')).toBe(true);
    s.clock.increment(1);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('"Cần thêm thời gian?" answered yes gives the full time again, where the visitor was', async () => {
    const s = startSession();
    await toPriorityQuestion(s);
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    s.actor.send({ type: 'idle.extend' });
    expect(s.actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs - 1);
    expect(s.ticket()?.value).toBe('askingPriority');
    expect(s.actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
  });

  it('a touch in the flow, and a touch that changes nothing on screen, each re-arm the idle timer', async () => {
    const s = startSession({ input: { idleWarningMs: 0 } });
    await toPriorityQuestion(s);
    s.clock.increment(50_000);
    s.actor.send({ type: 'nav.back' }); // activity at 50 s, passed on to the flow: back to the list
    await ticketAt(s, { choosingService: 'ready' });
    s.clock.increment(50_000);
    s.actor.send({ type: 'user.activity' }); // at 100 s
    s.clock.increment(59_999);
    expect(s.ticket()?.matches({ choosingService: 'ready' })).toBe(true);
    s.clock.increment(1);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('returning to attract clears every trace of the previous visitor', async () => {
    const s = startSession({ input: { idleWarningMs: 0 } });
    await toPriorityQuestion(s);
    s.actor.send({ type: 'prefs.language', lang: 'en' });
    s.actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await ticketAt(s, 'showingTicket');
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    const snap = s.actor.getSnapshot();
    expect(snap.matches('attract')).toBe(true);
    expect(snap.children.takeTicket).toBeUndefined();
    expect(snap.children.collectResult).toBeUndefined();
    const { info: _info, timing: _timing, opening: _opening, ...visitor } = snap.context;
    expect(visitor).toEqual({ errorCode: null, pendingScan: null, ticketServiceId: null, cameraError: null, prefs: { lang: 'vi', largeText: false, highContrast: false, reach: false }, priorityPath: false });
  });

  it('the priority button on the attract screen goes straight to the services as a priority visitor', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.priorityTouched' });
    await ticketAt(s, { choosingService: 'ready' });
    expect(s.ticket()?.context.priorityPath).toBe(true);
    s.actor.send({ type: 'service.selected', serviceId: 'dat-dai' });
    expect(s.ticket()?.context.priorityPath).toBe(true);
    s.actor.send({ type: 'nav.home' });
    expect(flowOf(s)).toBe('home');
    expect(s.actor.getSnapshot().context.priorityPath).toBe(false);
    // The next ticket from home asks the question with "Không" again.
    s.actor.send({ type: 'home.takeTicket' });
    await ticketAt(s, { choosingService: 'ready' });
    expect(s.ticket()?.context.priorityPath).toBe(false);
  });

  it('the flow is given the priority categories this site offers', async () => {
    const s = startSession();
    await toPriorityQuestion(s);
    expect(s.ticket()?.context.priorityCategories).toEqual(INFO.priorityCategories);
  });

  it("a screen's guidance is spoken in the visitor's language and stops when the screen goes", async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'guidance.say', text: 'Chạm vào việc bạn cần làm.' });
    s.actor.send({ type: 'prefs.language', lang: 'en' });
    s.actor.send({ type: 'guidance.stop' });
    s.actor.send({ type: 'guidance.say', text: 'Touch what you need to do.' });
    expect(s.spoken).toEqual([
      { type: 'say', text: 'Chạm vào việc bạn cần làm.', lang: 'vi' },
      { type: 'stop' },
      { type: 'say', text: 'Touch what you need to do.', lang: 'en' },
    ]);
  });

  it('language and display modes last for the session and are cleared for the next visitor', async () => {
    const s = startSession();
    await waitFor(s.actor, (snap) => snap.matches('attract'));
    s.actor.send({ type: 'kiosk.touched' });
    s.actor.send({ type: 'prefs.language', lang: 'en' });
    s.actor.send({ type: 'prefs.toggle', pref: 'largeText' });
    s.actor.send({ type: 'prefs.toggle', pref: 'reach' });
    s.actor.send({ type: 'prefs.toggle', pref: 'reach' });
    s.actor.send({ type: 'home.takeTicket' });
    await ticketAt(s, { choosingService: 'ready' });
    // Changed in the middle of the ticket flow too (the toolbar is on every screen).
    s.actor.send({ type: 'prefs.toggle', pref: 'highContrast' });
    expect(s.ticket()?.matches({ choosingService: 'ready' })).toBe(true);
    expect(s.actor.getSnapshot().context.prefs).toEqual({ lang: 'en', largeText: true, highContrast: true, reach: false });
    s.clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    s.clock.increment(DEFAULT_TIMING.idleWarningMs);
    expect(s.actor.getSnapshot().matches('attract')).toBe(true);
    expect(s.actor.getSnapshot().context.prefs).toEqual({ lang: 'vi', largeText: false, highContrast: false, reach: false });
  });
});
