/**
 * The ticket flow with opening hours and daily limits: a closed or full service is not issued from, a closing one
 * only to a priority visitor; a refusal for the hours that comes anyway (the service changed between the list and
 * the touch) keeps its instant and goes back to a fresh list; with every service shut the flow offers the lockers.
 * The agent is replaced by doubles.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { IssuedTicket, PriorityCategory, ServiceSummary } from '../../shared/api-schemas';
import type { DisplaySnapshot } from '../../shared/counter-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { zoneBoard } from '../../kiosk-ui/src/flows/lobby-display/display-board';
import { whenText } from '../../kiosk-ui/src/flows/take-ticket/opening-time';
import { earliestOpening, priorityOnly } from '../../kiosk-ui/src/flows/take-ticket/service-availability';
import { DEFAULT_TICKET_TIMING, takeTicketMachine } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';
import { en } from '../../kiosk-ui/src/i18n/en';
import { vi } from '../../kiosk-ui/src/i18n/vi';
import { issuedTicket, type IssueInput } from './support/kiosk-session-harness';

const name = (vi: string) => ({ vi, en: vi });
// Wednesday 2 December 2026, 12:00 in Hà Nội (05:00 UTC): lunch break.
const NOW = Date.parse('2026-12-02T05:00:00Z');
const CLOSED: ServiceSummary = { id: 'dat-dai', prefix: 'D', name: name('Đất đai'), waiting: 0, estimatedWaitMinutes: 0, state: 'closed', opensAt: '2026-12-02T06:30:00.000Z' };
const FULL: ServiceSummary = { id: 'ho-tich', prefix: 'H', name: name('Hộ tịch'), waiting: 4, estimatedWaitMinutes: 20, state: 'full', opensAt: '2026-12-04T00:30:00.000Z', remaining: 0 };
const CLOSING: ServiceSummary = { id: 'tu-phap', prefix: 'A', name: name('Tư pháp'), waiting: 9, estimatedWaitMinutes: 60, state: 'closing', closesAt: '2026-12-02T10:00:00.000Z' };
const OPEN: ServiceSummary = { id: 'xay-dung', prefix: 'X', name: name('Xây dựng'), waiting: 1, estimatedWaitMinutes: 5, state: 'open', remaining: 3 };

function start(opts: { lists?: ServiceSummary[][]; issue?: (input: IssueInput) => Promise<IssuedTicket>; lockers?: boolean; priorityPath?: boolean; serviceId?: string } = {}) {
  const lists = opts.lists ?? [[CLOSED, FULL, CLOSING, OPEN]];
  let loads = 0;
  const loadServices = vitest.fn(async () => lists[Math.min(loads++, lists.length - 1)]!);
  const issue = vitest.fn(opts.issue ?? (async (input: IssueInput) => issuedTicket(input)));
  const machine = takeTicketMachine.provide({
    actors: { loadServices: fromPromise(() => loadServices()), issueTicket: fromPromise(({ input }) => issue(input)) },
  });
  const actor = createActor(machine, {
    input: {
      ...{ serviceId: opts.serviceId ?? null, priorityPath: opts.priorityPath ?? false, priorityCategories: ['elderly', 'disabled'] as PriorityCategory[] },
      ...{ timing: DEFAULT_TICKET_TIMING, pickupLockers: opts.lockers ?? true },
    },
  }).start();
  return { actor, loadServices, issue };
}

const refusal = (code: 'SERVICE_CLOSED' | 'SERVICE_FULL' | 'SERVICE_CLOSING', details: Record<string, string>) => async (): Promise<IssuedTicket> => {
  throw new AgentRequestError(code, 'Lĩnh vực … mời ông/bà quay lại lúc …', 409, details);
};

describe('take-ticket with opening hours', () => {
  it('a closed or a full service is greyed: touched, nothing is asked of the agent', async () => {
    const { actor, issue } = start();
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    actor.send({ type: 'service.selected', serviceId: CLOSED.id });
    actor.send({ type: 'service.selected', serviceId: FULL.id });
    expect(actor.getSnapshot().matches({ choosingService: 'ready' })).toBe(true);
    expect(issue).not.toHaveBeenCalled();
    actor.send({ type: 'service.selected', serviceId: OPEN.id });
    expect(actor.getSnapshot().value).toBe('askingPriority');
    expect(priorityOnly(actor.getSnapshot().context)).toBe(false);
  });

  it('a closing service takes a priority visitor: the question offers no "Không"', async () => {
    const { actor, issue } = start();
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    actor.send({ type: 'service.selected', serviceId: CLOSING.id });
    expect(actor.getSnapshot().value).toBe('askingPriority');
    expect(priorityOnly(actor.getSnapshot().context)).toBe(true);
    actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await waitFor(actor, (s) => s.matches('showingTicket'));
    expect(issue).toHaveBeenCalledWith({ serviceId: CLOSING.id, priority: 'elderly' });
  });

  it.each([
    ['SERVICE_CLOSED', { opensAt: '2026-12-02T06:30:00.000Z' }, '2026-12-02T06:30:00.000Z'],
    ['SERVICE_FULL', { opensAt: '2026-12-04T00:30:00.000Z' }, '2026-12-04T00:30:00.000Z'],
    ['SERVICE_CLOSING', { closesAt: '2026-12-02T10:00:00.000Z' }, '2026-12-02T10:00:00.000Z'],
  ] as const)('refused %s after the touch (a race): its instant is kept; "Chọn lĩnh vực khác" reloads the list', async (code, details, at) => {
    const { actor, loadServices, issue } = start({ lists: [[OPEN], [{ ...OPEN, state: 'closed', opensAt: at }, CLOSING]], issue: refusal(code, details) });
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    actor.send({ type: 'service.selected', serviceId: OPEN.id });
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches('issueFailed'));
    expect(actor.getSnapshot().context).toMatchObject({ errorCode: code, errorAt: at });
    actor.send({ type: 'nav.back' });
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    expect(loadServices).toHaveBeenCalledTimes(2);
    expect(actor.getSnapshot().context.services[0]!.state).toBe('closed');
    expect(actor.getSnapshot().context.serviceId).toBeNull();
    expect(issue).toHaveBeenCalledTimes(1);
  });

  it('a refusal without an instant keeps none; started with a service (no list), going back ends the flow', async () => {
    const { actor } = start({ serviceId: 'tra-ket-qua', issue: refusal('SERVICE_CLOSED', {}) });
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches('issueFailed'));
    expect(actor.getSnapshot().context).toMatchObject({ errorCode: 'SERVICE_CLOSED', errorAt: null });
    actor.send({ type: 'nav.back' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('every service shut: the lockers are offered and "Nhận kết quả" ends the flow for the pickup flow', async () => {
    const { actor } = start({ lists: [[CLOSED, FULL]] });
    await waitFor(actor, (s) => s.matches({ choosingService: 'noneIssuing' }) && s.context.pickupLockers);
    expect(earliestOpening(actor.getSnapshot().context.services)).toBe(CLOSED.opensAt);
    actor.send({ type: 'service.selected', serviceId: CLOSED.id });
    expect(actor.getSnapshot().matches({ choosingService: 'noneIssuing' })).toBe(true);
    actor.send({ type: 'pickup.chosen' });
    expect(actor.getSnapshot().output).toEqual({ next: 'collect', code: null });
  });

  it('every service shut on a kiosk without lockers: no pickup; a list with one open service asks nothing', async () => {
    const { actor } = start({ lists: [[CLOSED, FULL]], lockers: false });
    await waitFor(actor, (s) => s.matches({ choosingService: 'noneIssuing' }));
    await new Promise((r) => setTimeout(r, 0));
    actor.send({ type: 'pickup.chosen' });
    expect(actor.getSnapshot().status).toBe('active');
    const other = start({ lists: [[CLOSED, OPEN]] });
    await waitFor(other.actor, (s) => s.matches({ choosingService: 'ready' }));
  });

  it('an agent without hours (no `state`) lists every service as open', async () => {
    const { actor } = start({ lists: [[{ id: 'a', prefix: 'A', name: name('A'), waiting: 0, estimatedWaitMinutes: 0 }]] });
    await waitFor(actor, (s) => s.matches({ choosingService: 'ready' }));
    actor.send({ type: 'service.selected', serviceId: 'a' });
    expect(actor.getSnapshot().value).toBe('askingPriority');
  });
});

describe('opening times in words, in the centre zone, without Intl', () => {
  it('says the time and the weekday at UTC+7; beyond a week the date too', () => {
    expect(whenText(vi, CLOSED.opensAt, 420, NOW)).toBe('13:30 Thứ Tư');
    expect(whenText(vi, FULL.opensAt, 420, NOW)).toBe('07:30 Thứ Sáu');
    expect(whenText(en, FULL.opensAt, 420, NOW)).toBe('Friday 07:30');
    expect(whenText(vi, '2026-12-14T00:30:00.000Z', 420, NOW)).toBe('07:30 Thứ Hai 14/12');
    expect(whenText(vi, undefined, 420, NOW)).toBeNull();
    expect(vi.hours.opensAgain(vi.hours.closed, '13:30 Thứ Tư')).toBe('Ngoài giờ làm việc · mở lại 13:30 Thứ Tư');
  });
});

describe('lobby display waiting list', () => {
  it('marks closed and full services, and only those', () => {
    const services = [CLOSED, FULL, OPEN].map((s) => ({ id: s.id, prefix: s.prefix, name: s.name, waiting: s.waiting, state: s.state }));
    const snapshot = { centerName: 'C', timezone: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 420, calls: [], counters: [], services } as DisplaySnapshot;
    expect(zoneBoard(snapshot, null).services.map((s) => s.shut ?? null)).toEqual(['closed', 'full', null]);
  });
});
