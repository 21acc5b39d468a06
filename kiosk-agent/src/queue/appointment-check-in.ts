/**
 * Checking in a booked visit at the kiosk: the code typed or scanned (`LH:12345678`) → a ticket printed with the
 * booked time, placed to be called at that time (queue-service.ts, README "Appointments"). Too early → when to
 * come back; too late → a walk-in ticket is offered; checked in already → the same ticket printed again, never a
 * second one (also when two kiosks take the same code at the same instant: appointment-repository.ts).
 */
import { parseAppointmentCode } from '../../../shared/appointment-code';
import type { AppointmentView, CheckInResponse } from '../../../shared/appointment-schemas';
import type { SiteConfig } from '../config/site-config-schema';
import type { Clock } from '../core/clock';
import { AgentError } from '../errors/agent-error';
import { APPOINTMENT_TEXT } from '../i18n/appointment-text';
import { whenText } from '../i18n/opening-text';
import { CheckedInMeanwhile, type AppointmentRepository, type AppointmentRow } from './appointment-repository';
import { checkInTiming, checkInWindow } from './appointment-slots';
import type { QueueService } from './queue-service';
import type { TicketIssuer } from './ticket-issuer';

export interface AppointmentCheckInDeps {
  config: Pick<SiteConfig, 'center' | 'appointments'>;
  appointments: AppointmentRepository;
  queue: QueueService;
  issuer: TicketIssuer;
  clock: Clock;
}

export class AppointmentCheckIn {
  constructor(private readonly deps: AppointmentCheckInDeps) {}

  private window(a: AppointmentRow): { fromMs: number; untilMs: number } {
    return checkInWindow(a.startMs, this.deps.config.appointments.earlyMinutes, this.deps.config.appointments.graceMinutes);
  }

  private async find(input: string): Promise<AppointmentRow> {
    const code = parseAppointmentCode(input);
    const found = code === undefined ? undefined : await this.deps.appointments.byCode(code);
    if (!found) throw new AgentError('APPOINTMENT_NOT_FOUND', APPOINTMENT_TEXT.notFound);
    return found;
  }

  async checkIn(input: string): Promise<CheckInResponse> {
    const a = await this.find(input);
    // The kiosk offers a walk-in ticket for the same service, as for a missed time.
    if (a.status === 'cancelled') throw new AgentError('APPOINTMENT_CANCELLED', APPOINTMENT_TEXT.cancelled, { facts: { serviceId: a.serviceId } });
    if (a.status === 'checked-in' && a.ticketId) return this.again(a, a.ticketId);
    const tz = this.deps.config.center.timezone;
    const window = this.window(a);
    const timing = checkInTiming(this.deps.clock.now(), window);
    if (timing === 'too-early') {
      throw new AgentError('APPOINTMENT_TOO_EARLY', APPOINTMENT_TEXT.tooEarly(whenText(a.startMs, tz), whenText(window.fromMs, tz)), {
        facts: { checkInFrom: new Date(window.fromMs).toISOString(), start: new Date(a.startMs).toISOString() },
      });
    }
    if (timing === 'expired') {
      // The kiosk offers a walk-in ticket for the same service (the UI reads serviceId from the details).
      throw new AgentError('APPOINTMENT_EXPIRED', APPOINTMENT_TEXT.expired(whenText(a.startMs, tz)), {
        facts: { serviceId: a.serviceId, start: new Date(a.startMs).toISOString() },
      });
    }
    try {
      const ticket = await this.deps.issuer.issue(a.serviceId, undefined, a.phone ?? undefined, { appointmentId: a.id, startMs: a.startMs });
      return { ticket, appointment: this.brief(a), again: false };
    } catch (err) {
      if (!(err instanceof CheckedInMeanwhile)) throw err;
      const now = await this.deps.appointments.byId(a.id);
      return this.again(a, now?.ticketId ?? '');
    }
  }

  /** Checked in before: that ticket again, reprinted. */
  private async again(a: AppointmentRow, ticketId: string): Promise<CheckInResponse> {
    const ticket = await this.deps.issuer.reprint(await this.deps.queue.getTicket(ticketId));
    return { ticket, appointment: this.brief(a), again: true };
  }

  private brief(a: AppointmentRow): CheckInResponse['appointment'] {
    return { id: a.id, start: new Date(a.startMs).toISOString(), serviceId: a.serviceId };
  }

  /**
   * The holder of the link cancels a booking not yet checked in: its place frees up and the phone's count of
   * bookings to come goes down. Cancelling twice answers the same; a checked-in one cannot be (its ticket exists).
   */
  async cancel(id: string): Promise<AppointmentView> {
    const a = await this.deps.appointments.byId(id);
    if (!a) throw new AgentError('APPOINTMENT_NOT_FOUND', APPOINTMENT_TEXT.notFound);
    if (a.status === 'checked-in') throw new AgentError('APPOINTMENT_CHECKED_IN', APPOINTMENT_TEXT.alreadyCheckedIn);
    if (a.status === 'booked') await this.deps.appointments.cancel(id);
    return this.view(id);
  }

  /** What the holder of the appointment's link sees (its QR page): no phone, no name. */
  async view(id: string): Promise<AppointmentView> {
    const a = await this.deps.appointments.byId(id);
    if (!a) throw new AgentError('APPOINTMENT_NOT_FOUND', APPOINTMENT_TEXT.notFound);
    const window = this.window(a);
    return {
      ...{ id: a.id, code: a.code, serviceId: a.serviceId, start: new Date(a.startMs).toISOString(), end: new Date(a.endMs).toISOString(), status: a.status },
      ...{ checkInFrom: new Date(window.fromMs).toISOString(), checkInUntil: new Date(window.untilMs).toISOString() },
    };
  }
}
