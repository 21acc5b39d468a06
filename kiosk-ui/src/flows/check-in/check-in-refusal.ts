/**
 * What the check-in flow says when it gives no ticket (pure): the heading and text on the screen, the sentence the
 * kiosk speaks for a priority visitor (a fixed `guide` sentence, so it has an espeak-ng clip: no times in it, the
 * screen shows them), and which buttons it offers. The keypad's own guidance is here too: after an unknown code it
 * says so, once.
 */
import type { SnapshotFrom } from 'xstate';
import { clockAt } from '../../../../shared/wall-clock';
import type { Catalogue } from '../../i18n/catalogue';
import type { CheckInMachine } from './check-in.machine';

export interface CheckInRefusal {
  title: string;
  text: string;
  guide: string;
  /** "Lấy số thường": a missed or cancelled booking whose service is known. */
  walkIn: boolean;
  /** "Thử lại": the kiosk could not check (not a refusal that would only come again). */
  retry: boolean;
}

type State = SnapshotFrom<CheckInMachine>;

/** The refusal screens' states: too early, expired, and every other answer that is not a ticket. */
export function isRefusal(state: State): boolean {
  return state.matches('tooEarly') || state.matches('expired') || state.matches('failed');
}

export function refusalOf(state: State, t: Catalogue, utcOffsetMinutes: number): CheckInRefusal {
  const { errorCode, checkInFrom, start, serviceId } = state.context;
  const time = (iso: string | null) => (iso ? clockAt(iso, utcOffsetMinutes) : '');
  const offer = (walkIn: boolean) => ({ walkIn: walkIn && serviceId !== null, retry: false });
  if (state.matches('tooEarly')) return { title: t.checkIn.tooEarlyHeading, text: t.checkIn.tooEarly(time(start), time(checkInFrom)), guide: t.guide.checkInTooEarly, ...offer(false) };
  if (state.matches('expired')) {
    return { title: t.checkIn.expiredHeading, text: t.checkIn.expired(time(start)), guide: serviceId ? t.guide.checkInExpired : t.guide.checkInAskStaff, ...offer(true) };
  }
  if (errorCode === 'APPOINTMENT_CANCELLED') {
    return { title: t.checkIn.failedHeading, text: t.checkIn.cancelled, guide: serviceId ? t.guide.checkInCancelled : t.guide.checkInAskStaff, ...offer(true) };
  }
  if (errorCode === 'SERVICE_CLOSED') return { title: t.checkIn.failedHeading, text: t.checkIn.serviceClosed, guide: t.guide.checkInAskStaff, ...offer(false) };
  return { title: t.checkIn.failedHeading, text: t.checkIn.failed, guide: t.guide.checkInFailed, walkIn: false, retry: true };
}

/** The keypad's guidance: how to enter the code, or — after the agent knew no such code — that it was not found. */
export function keypadGuide(state: State, t: Catalogue): string {
  return state.context.lastRefusal === 'APPOINTMENT_NOT_FOUND' ? t.guide.checkInNotFound : t.guide.checkInCode;
}
