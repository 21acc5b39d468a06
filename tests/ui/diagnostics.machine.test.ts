import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor } from 'xstate';
import type { TechnicianSession } from '../../shared/diagnostics-schemas';
import { AgentRequestError, type AgentErrorCode } from '../../kiosk-ui/src/agent-client/agent-client';
import { diagnosticsMachine, type ActionResult, type DiagnosticsAction, type Section, type SectionData } from '../../kiosk-ui/src/flows/diagnostics/diagnostics.machine';

const PIN = '135790';
const err = (code: AgentErrorCode, status: number, details: Record<string, string | number> = {}) => new AgentRequestError(code, code, status, details);

const DEVICE = { state: 'ready' as const, driver: 'simulated', advice: [] };
/** Each section as the agent would send it, small. */
function sectionData(section: Section): SectionData {
  switch (section) {
    case 'overview':
      return { section, data: { version: '0.1.0', startedAt: '2026-12-02T00:00:00Z', uptimeSeconds: 1, demo: true, store: { path: 'kiosk.sqlite', bytes: 4096 }, devices: { printer: DEVICE, scanner: DEVICE, locker: DEVICE } } };
    case 'printer':
      return { section, data: { ...DEVICE, interface: 'simulated', text: 'cp1258', codePage: 52, columns: 48, status: null } };
    case 'scanner':
      return { section, data: { status: DEVICE, recent: [] } };
    case 'lockers':
      return { section, data: { status: DEVICE, boards: [], compartments: [] } };
    case 'ports':
      return { section, data: { ports: [], source: 'by-id', configured: [] } };
    case 'log':
      return { section, data: { lines: [] } };
    case 'audit':
      return { section, data: [] };
  }
}

/** A fake agent: the real gate's rules in small (5 tries, then locked), each section's data as the agent sends it. */
function start(opts: { idleSeconds?: number; action?: (a: DiagnosticsAction) => unknown } = {}) {
  const clock = new SimulatedClock();
  let failures = 0;
  let sessionLive = false;
  const loaded: Section[] = [];
  const actions: DiagnosticsAction[] = [];
  let ended = 0;
  const machine = diagnosticsMachine.provide({
    actors: {
      openSession: fromPromise<TechnicianSession, { pin: string }>(async ({ input }) => {
        if (failures >= 5) throw err('TECHNICIAN_LOCKED', 429, { retryAfterMinutes: 15 });
        if (input.pin !== PIN) {
          failures++;
          if (failures >= 5) throw err('TECHNICIAN_LOCKED', 429, { retryAfterMinutes: 15 });
          throw err('TECHNICIAN_PIN_INVALID', 403, { attemptsLeft: 5 - failures });
        }
        sessionLive = true;
        return { token: 'tok', expiresAt: '', idleSeconds: opts.idleSeconds ?? 300 };
      }),
      loadSection: fromPromise<SectionData, { token: string; section: Section }>(async ({ input }) => {
        if (!sessionLive) throw err('TECHNICIAN_SESSION_REQUIRED', 401);
        loaded.push(input.section);
        return sectionData(input.section);
      }),
      runAction: fromPromise<ActionResult, { token: string; action: DiagnosticsAction }>(async ({ input }) => {
        if (!sessionLive) throw err('TECHNICIAN_SESSION_REQUIRED', 401);
        actions.push(input.action);
        // The fake's answer is whatever the test says; its shape per action is the test's business.
        return { action: input.action.kind, value: opts.action ? opts.action(input.action) : { printed: true, bytes: 512 } } as ActionResult;
      }),
      endSession: fromPromise<void, { token: string }>(async () => {
        ended++;
        sessionLive = false;
      }),
    },
  });
  const actor = createActor(machine, { clock, input: {} }).start();
  return { actor, clock, loaded, actions, ended: () => ended, expireOnAgent: () => (sessionLive = false), resetFailures: () => (failures = 0) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('diagnostics machine', () => {
  it('the right PIN opens the overview; a section and a test print load and act with the session', async () => {
    const { actor, loaded, actions } = start();
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    expect(actor.getSnapshot().context).toMatchObject({ token: 'tok', section: 'overview', data: { section: 'overview', data: { version: '0.1.0' } } });
    actor.send({ type: 'section.show', section: 'printer' });
    expect(actor.getSnapshot().context.data).toBeNull(); // never the overview's data under the printer's heading
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }) && s.context.section === 'printer');
    actor.send({ type: 'action', action: { kind: 'test-print', print: 'sample' } });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }) && s.context.result !== null);
    expect(actor.getSnapshot().context.result).toEqual({ action: 'test-print', value: { printed: true, bytes: 512 } });
    expect(actions).toEqual([{ kind: 'test-print', print: 'sample' }]);
    expect(loaded).toEqual(['overview', 'printer', 'printer']); // reloaded after the action
  });

  it('wrong PINs show the tries left; the fifth locks the pad, which opens again after the lockout', async () => {
    const { actor, clock, resetFailures } = start();
    for (const left of [4, 3, 2, 1]) {
      actor.send({ type: 'pin.submit', pin: '000000' });
      await waitFor(actor, (s) => s.matches('entering') && s.context.pinError?.attemptsLeft === left);
    }
    actor.send({ type: 'pin.submit', pin: '000000' });
    await waitFor(actor, (s) => s.matches('locked'));
    expect(actor.getSnapshot().context.lockedMinutes).toBe(15);
    actor.send({ type: 'pin.submit', pin: PIN }); // ignored while locked
    await settle();
    expect(actor.getSnapshot().matches('locked')).toBe(true);
    clock.increment(14 * 60_000);
    expect(actor.getSnapshot().matches('locked')).toBe(true);
    clock.increment(60_000);
    expect(actor.getSnapshot().matches('entering')).toBe(true);
    resetFailures(); // the agent's lockout has run out too
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches('open'));
  });

  it('the scanner screen fetches its frames again every second; the overview does not', async () => {
    const { actor, clock, loaded } = start();
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    clock.increment(3_000);
    await settle();
    expect(loaded).toEqual(['overview']);
    actor.send({ type: 'section.show', section: 'scanner' });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }) && s.context.section === 'scanner');
    for (let i = 0; i < 2; i++) {
      clock.increment(1_000);
      await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    }
    expect(loaded).toEqual(['overview', 'scanner', 'scanner', 'scanner']);
  });

  it('ends after the idle time without a touch; each touch restarts it', async () => {
    const { actor, clock } = start({ idleSeconds: 300 });
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    clock.increment(240_000);
    actor.send({ type: 'user.activity' });
    clock.increment(240_000);
    expect(actor.getSnapshot().matches('open')).toBe(true);
    clock.increment(60_001);
    expect(actor.getSnapshot().matches('ended')).toBe(true);
    expect(actor.getSnapshot().context.token).toBeNull();
    expect(actor.getSnapshot().context.data).toBeNull();
  });

  it('a session the agent has ended (401) ends the screen too, and the PIN opens a new one', async () => {
    const { actor, expireOnAgent } = start();
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    expireOnAgent();
    actor.send({ type: 'action', action: { kind: 'self-test', print: false } });
    await waitFor(actor, (s) => s.matches('ended'));
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
  });

  it('opening a compartment that holds a result asks for a reason, then opens with it', async () => {
    const { actor, actions } = start({
      action: (a) => {
        if (a.kind === 'open-compartment' && !a.reason) throw err('REASON_REQUIRED', 400, { dossierCode: '000.00.15.H29-250704-0012' });
        return { open: true };
      },
    });
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    actor.send({ type: 'action', action: { kind: 'open-compartment', board: 0, lock: 3 } });
    await waitFor(actor, (s) => s.context.needsReason !== null);
    expect(actor.getSnapshot().context.needsReason).toEqual({ board: 0, lock: 3, dossierCode: '000.00.15.H29-250704-0012' });
    actor.send({ type: 'action', action: { kind: 'open-compartment', board: 0, lock: 3, reason: 'Khóa kẹt' } });
    await waitFor(actor, (s) => s.context.result?.action === 'open-compartment');
    expect(actions.at(-1)).toEqual({ kind: 'open-compartment', board: 0, lock: 3, reason: 'Khóa kẹt' });
    expect(actor.getSnapshot().context.needsReason).toBeNull();
  });

  it('a failed action keeps its code while the section reloads, so the device card shows what to check', async () => {
    const { actor, loaded } = start({
      action: () => {
        throw err('PRINTER_PAPER_OUT', 503);
      },
    });
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    actor.send({ type: 'section.show', section: 'printer' });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }) && s.context.section === 'printer');
    actor.send({ type: 'action', action: { kind: 'test-print', print: 'sample' } });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }) && s.context.actionError !== null);
    expect(actor.getSnapshot().context.actionError).toBe('PRINTER_PAPER_OUT');
    expect(loaded).toEqual(['overview', 'printer', 'printer']);
    actor.send({ type: 'section.show', section: 'overview' });
    expect(actor.getSnapshot().context.actionError).toBeNull();
  });

  it('"end" closes the session on the agent and finishes', async () => {
    const { actor, ended } = start();
    actor.send({ type: 'pin.submit', pin: PIN });
    await waitFor(actor, (s) => s.matches({ open: { screen: 'showing' } }));
    actor.send({ type: 'end' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(ended()).toBe(1);
  });
});
