/**
 * What the kiosk session (kiosk-session.machine.ts) does with a visitor's events: which re-arm the idle timer, which
 * are passed on to the ticket flow, and the empty session the next visitor must find.
 */
import { sendTo } from 'xstate';
import { TICKET_PHONE_EVENTS } from '../../flows/take-ticket/take-ticket.machine';
import { DEFAULT_PREFERENCES } from '../../ui/preferences';
import type { KioskSessionContext } from './kiosk-session.types';

/** Everything one visitor's session may leave behind, as the next visitor must find it. */
export function freshSession(): Omit<KioskSessionContext, 'info' | 'timing' | 'opening'> {
  return { errorCode: null, pendingScan: null, ticketServiceId: null, cameraError: null, prefs: DEFAULT_PREFERENCES, priorityPath: false };
}

/** Events that mean a person is using the kiosk: each one re-arms the idle timer. */
const USER_EVENTS = [
  'home.takeTicket',
  'home.collectResult',
  'home.checkIn',
  'home.procedures',
  'service.selected',
  'services.retry',
  'priority.chosen',
  'issue.retry',
  'ticket.done',
  'pickup.chosen',
  'nav.back',
  'nav.home',
  'user.activity',
  'scan.received',
  'prefs.language',
  'prefs.toggle',
  'idle.extend',
  'camera.open',
  'camera.close',
  ...TICKET_PHONE_EVENTS,
] as const;
// A self-transition of the atomic `counting` state: re-entering a parent instead would conflict with the flow
// region's transition for the same event and swallow it.
export const rearmIdle = Object.fromEntries(USER_EVENTS.map((e) => [e, { target: 'counting', reenter: true }]));
/** What the ticket flow listens to: passed on to it while it runs (the session re-arms its idle timer on them too). */
const TICKET_EVENTS = ['service.selected', 'services.retry', 'priority.chosen', 'issue.retry', 'ticket.done', 'pickup.chosen', 'nav.back', 'scan.received', ...TICKET_PHONE_EVENTS] as const;
export const forwardToTicket = Object.fromEntries(TICKET_EVENTS.map((e) => [e, { actions: sendTo('takeTicket', ({ event }) => event) }]));

