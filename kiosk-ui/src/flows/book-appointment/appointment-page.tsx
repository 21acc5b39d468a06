/** /appointment/:id — the booked visit's code as a QR for the kiosk scanner, with its time. No IO of its own. */
import { useMachine } from '@xstate/react';
import { appointmentQrText } from '../../../../shared/appointment-code';
import { useLang, useT } from '../../i18n/i18n';
import { QrCode } from '../../ui/qr-code';
import { liveAppointmentQrMachine } from './appointment-qr.actors';
import { clockAt, dateAt } from '../../../../shared/wall-clock';
import './book-appointment.css';

export default function AppointmentPage({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const [state, send] = useMachine(liveAppointmentQrMachine, { input: { id } });
  const page = state.context.page;
  return (
    <main className="book">
      <header className="book__header">
        <h1>{t.appointment.title}</h1>
        {page ? <p>{page.centerName}</p> : null}
      </header>
      {state.matches('notFound') ? <p className="book__problem" role="alert">{t.appointment.notFound}</p> : null}
      {state.matches('loading') || state.matches('failed') ? <p role="status">{t.book.loading}</p> : null}
      {page ? (
        <section className="book__card">
          <p className="book__code" data-testid="appointment-code">{`${page.appointment.code.slice(0, 4)} ${page.appointment.code.slice(4)}`}</p>
          <div className="book__qr">
            <QrCode value={appointmentQrText(page.appointment.code)} label={t.appointment.qrLabel} size={240} />
          </div>
          <p>{page.serviceName?.[lang] ?? page.appointment.serviceId}</p>
          <p>{t.book.when(dateAt(page.appointment.start, page.utcOffsetMinutes), clockAt(page.appointment.start, page.utcOffsetMinutes))}</p>
          <p><strong>{t.appointment.status[page.appointment.status]}</strong></p>
          <p className="book__note">{t.appointment.checkIn(clockAt(page.appointment.checkInFrom, page.utcOffsetMinutes), clockAt(page.appointment.checkInUntil, page.utcOffsetMinutes))}</p>
        </section>
      ) : null}
      {state.context.errorCode ? <p className="book__problem" role="alert">{t.appointment.cancelFailed}</p> : null}
      {page?.appointment.status === 'booked' ? (
        state.matches({ shown: 'confirming' }) ? (
          <section className="book__card" aria-live="polite">
            <p>{t.appointment.confirmCancel}</p>
            <button type="button" className="book__button" onClick={() => send({ type: 'appointment.confirmCancel' })}>{t.appointment.cancelYes}</button>
            <button type="button" className="book__choice" onClick={() => send({ type: 'appointment.keep' })}>{t.appointment.cancelNo}</button>
          </section>
        ) : (
          <button type="button" className="book__choice" disabled={state.matches({ shown: 'cancelling' })} onClick={() => send({ type: 'appointment.cancel' })}>
            {t.appointment.cancel}
          </button>
        )
      ) : null}
    </main>
  );
}
