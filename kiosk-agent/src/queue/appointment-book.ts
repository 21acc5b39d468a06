/**
 * Booking visits ahead: the slots a service offers the public (appointment-slots.ts, `services[].appointments`),
 * and the booking itself — by the public from the `/book` phone page (only offered slots, with places left, within
 * `daysAhead`, within the limits per phone and per network address) or by staff and integrations (any time the
 * service is open, places or not). The code goes to the phone through the notifier's outbox, in the booking's
 * own transaction. Each booking decision runs under the lock "appointments" so a centre's agents taking the last
 * place of a slot at once decide in turn.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { BookAppointmentRequest, BookedAppointment, SlotList } from '../../../shared/appointment-schemas';
import { formatAppointmentCode } from '../../../shared/appointment-code';
import type { SiteConfig, ServiceConfig } from '../config/site-config-schema';
import type { Clock } from '../core/clock';
import { localDayKey } from '../core/local-time';
import { AgentError } from '../errors/agent-error';
import { APPOINTMENT_TEXT } from '../i18n/appointment-text';
import { whenText } from '../i18n/opening-text';
import { OutboxQueue } from '../notify/outbox-queue';
import { isUniqueViolation, type SqlStore } from '../store/store-port';
import { AppointmentRepository } from './appointment-repository';
import { slotsOn, slotStartingAt } from './appointment-slots';
import { addDays, openingAt, type Schedule } from './opening-hours';
import type { QueueService } from './queue-service';

const DAY_MS = 86_400_000;
/** Staff bookings without slots last this long (what `end` says). */
const STAFF_VISIT_MINUTES = 15;

export type Booker = { source: 'public'; address: string } | { source: 'staff'; by: string | null };

export interface AppointmentBookDeps {
  config: Pick<SiteConfig, 'center' | 'appointments'>;
  queue: QueueService;
  store: SqlStore;
  clock: Clock;
  /** The page that shows an appointment's QR (sent in the SMS). */
  appointmentUrl: (id: string) => string;
  /** Something was queued in the outbox: deliver it now. */
  queued: () => void;
}

/** Appointment ids go into a link sent by SMS: unguessable. */
const newAppointmentId = (): string => `a${randomBytes(10).toString('base64url')}`;
const newCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');

export class AppointmentBook {
  readonly appointments: AppointmentRepository;

  constructor(private readonly deps: AppointmentBookDeps) {
    this.appointments = new AppointmentRepository(deps.store);
  }

  private get tz(): string {
    return this.deps.config.center.timezone;
  }

  /** A service the public may book, or APPOINTMENT_NOT_OFFERED. */
  private offered(service: ServiceConfig): NonNullable<ServiceConfig['appointments']> {
    if (!service.appointments) throw new AgentError('APPOINTMENT_NOT_OFFERED', APPOINTMENT_TEXT.notOffered(service.name.vi));
    return service.appointments;
  }

  /** When slots are cut: the offer's own hours, else the service's opening hours; the centre's closed days either way. */
  private slotSchedule(service: ServiceConfig): Schedule {
    const schedule = this.deps.queue.scheduleOf(service);
    return service.appointments?.hours ? { ...schedule, hours: service.appointments.hours } : schedule;
  }

  /** The public's slots of a service on a day, with the places left; none for a day outside the booking window. */
  async slots(serviceId: string, date: string): Promise<SlotList> {
    const service = this.deps.queue.service(serviceId);
    const offer = this.offered(service);
    const now = this.deps.clock.now();
    const today = localDayKey(now, this.tz);
    const bookableUntil = addDays(today, offer.daysAhead);
    const base = { serviceId, date, slotMinutes: offer.slotMinutes, bookableUntil };
    if (date < today || date > bookableUntil) return { ...base, slots: [] };
    const taken = await this.appointments.takenOn(serviceId, date);
    const closedToday = date === today && (await this.deps.queue.closedToday(serviceId));
    const slots = closedToday ? [] : slotsOn(this.slotSchedule(service), date, this.tz, offer.slotMinutes).filter((s) => s.startMs > now);
    return {
      ...base,
      slots: slots.map((s) => ({
        start: new Date(s.startMs).toISOString(),
        end: new Date(s.endMs).toISOString(),
        remaining: Math.max(0, offer.perSlot - (taken.get(s.startMs) ?? 0)),
      })),
    };
  }

  async book(request: BookAppointmentRequest, booker: Booker): Promise<BookedAppointment> {
    // A new code for each try: two bookings drawing the same 8 digits is rare, and the second simply draws again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.bookOnce(request, booker, newCode());
      } catch (err) {
        if (!isUniqueViolation((err as { cause?: unknown }).cause ?? err) || attempt >= 3) throw err;
      }
    }
  }

  private async bookOnce(request: BookAppointmentRequest, booker: Booker, code: string): Promise<BookedAppointment> {
    const service = this.deps.queue.service(request.serviceId);
    const now = this.deps.clock.now();
    const startMs = Date.parse(request.start);
    const day = localDayKey(startMs, this.tz);
    const schedule = this.deps.queue.scheduleOf(service);
    let endMs: number;
    if (booker.source === 'public') {
      const offer = this.offered(service);
      const until = addDays(localDayKey(now, this.tz), offer.daysAhead);
      if (day > until) throw new AgentError('APPOINTMENT_SLOT_INVALID', APPOINTMENT_TEXT.tooFarAhead(until));
      const slot = slotStartingAt(this.slotSchedule(service), day, this.tz, offer.slotMinutes, startMs);
      if (!slot || startMs <= now) throw new AgentError('APPOINTMENT_SLOT_INVALID', APPOINTMENT_TEXT.slotInvalid);
      endMs = slot.endMs;
    } else {
      // Staff and integrations: any time the service is open, today or later.
      if (startMs <= now - 60_000 || !openingAt(schedule, startMs, this.tz).open) {
        throw new AgentError('APPOINTMENT_SLOT_INVALID', APPOINTMENT_TEXT.closedAtStart(service.name.vi));
      }
      endMs = startMs + (service.appointments?.slotMinutes ?? STAFF_VISIT_MINUTES) * 60_000;
    }
    const id = newAppointmentId();
    const url = this.deps.appointmentUrl(id);
    await this.deps.store.transaction(
      async (tx) => {
        const appointments = this.appointments.in(tx);
        if (booker.source === 'public') await this.checkPublicLimits(appointments, service, request.phone, day, startMs, booker.address, now);
        await appointments.insert({
          ...{ id, code, serviceId: service.id, day, startMs, endMs, phone: request.phone, name: request.name ?? null, source: booker.source },
          ...{ address: booker.source === 'public' ? booker.address : null, bookedBy: booker.source === 'staff' ? booker.by : null, createdAtMs: now },
        });
        const text = APPOINTMENT_TEXT.booked({
          ...{ centerName: this.deps.config.center.name, service: service.name.vi, when: whenText(startMs, this.tz) },
          ...{ code: formatAppointmentCode(code), url },
        });
        await new OutboxQueue(tx, () => this.deps.clock.now()).add('notify', { to: request.phone, text, appointment: id });
      },
      { lock: 'appointments' },
    );
    this.deps.queued();
    return { id, code, serviceId: service.id, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString(), url };
  }

  /** The slot's places, and the limits that keep one phone or one address from booking out a day. */
  private async checkPublicLimits(
    appointments: AppointmentRepository,
    service: ServiceConfig,
    phone: string,
    day: string,
    startMs: number,
    address: string,
    now: number,
  ): Promise<void> {
    const { perPhone, perAddressPerDay } = this.deps.config.appointments;
    const taken = (await appointments.takenOn(service.id, day)).get(startMs) ?? 0;
    if (taken >= this.offered(service).perSlot) throw new AgentError('APPOINTMENT_SLOT_FULL', APPOINTMENT_TEXT.slotFull);
    const upcoming = await appointments.upcomingForPhone(phone, now);
    if (upcoming.some((a) => a.serviceId === service.id && a.day === day)) throw new AgentError('APPOINTMENT_LIMIT', APPOINTMENT_TEXT.sameDay);
    if (upcoming.length >= perPhone) throw new AgentError('APPOINTMENT_LIMIT', APPOINTMENT_TEXT.phoneLimit(upcoming.length));
    if ((await appointments.countFromAddress(address, now - DAY_MS)) >= perAddressPerDay) throw new AgentError('APPOINTMENT_LIMIT', APPOINTMENT_TEXT.addressLimit);
  }
}
