/** Appointment requests: check-in at the kiosk; slots, booking and an appointment's page from a phone (/book, /appointment/:id). */
import {
  AppointmentViewSchema,
  BookedAppointmentSchema,
  CheckInResponseSchema,
  SlotListSchema,
  type BookAppointmentRequest,
} from '../../../shared/appointment-schemas';
import { AgentClient } from './agent-client';

export class AppointmentClient extends AgentClient {
  checkIn(code: string) {
    return this.request(CheckInResponseSchema, '/api/appointments/check-in', { method: 'POST', body: JSON.stringify({ code }) });
  }

  slots(serviceId: string, date: string) {
    return this.request(SlotListSchema, `/api/appointments/slots?serviceId=${encodeURIComponent(serviceId)}&date=${encodeURIComponent(date)}`);
  }

  book(request: BookAppointmentRequest) {
    return this.request(BookedAppointmentSchema, '/api/appointments/book', { method: 'POST', body: JSON.stringify(request) });
  }

  cancel(id: string) {
    return this.request(AppointmentViewSchema, `/api/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  }

  appointment(id: string) {
    return this.request(AppointmentViewSchema, `/api/appointments/${encodeURIComponent(id)}`);
  }
}

export const appointmentClient = new AppointmentClient((input, init) => fetch(input, init));
