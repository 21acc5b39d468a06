/** /book — a citizen's phone booking a visit. Reads the booking machine; no IO of its own. */
import { useMachine } from '@xstate/react';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../i18n/i18n';
import { liveBookAppointmentMachine } from './book-appointment.actors';
import { bookableDays } from './book-appointment.machine';
import { clockAt, dateAt } from '../../../../shared/wall-clock';
import './book-appointment.css';

export default function BookAppointmentPage() {
  const t = useT();
  const lang = useLang();
  const [state, send] = useMachine(liveBookAppointmentMachine);
  const { setup, serviceId, date, slots, start, phone, name, booked, errorCode } = state.context;
  if (state.matches('loading')) return <Frame><p role="status">{t.book.loading}</p></Frame>;
  if (state.matches('failed') || !setup) return <Frame><p className="book__problem" role="alert">{t.book.errors.other}</p></Frame>;
  if (state.matches('noService')) return <Frame centerName={setup.centerName}><p className="book__problem" role="alert">{t.book.noService}</p></Frame>;
  const offset = setup.utcOffsetMinutes;
  if (state.matches('booked') && booked) {
    const code = `${booked.code.slice(0, 4)} ${booked.code.slice(4)}`;
    return (
      <Frame centerName={setup.centerName}>
        <section className="book__card book__done" aria-live="polite">
          <h2>{t.book.done}</h2>
          <p>{t.book.code}</p>
          <p className="book__code" data-testid="book-code">{code}</p>
          <p>{t.book.when(dateAt(booked.start, offset), clockAt(booked.start, offset))}</p>
          <a className="book__button" href={new URL(booked.url).pathname}>{t.book.showQr}</a>
        </section>
      </Frame>
    );
  }
  const service = setup.services.find((s) => s.id === serviceId);
  const errors = t.book.errors as Record<string, string>;
  const error = errorCode ? (errors[errorCode] ?? errors.other) : null;
  return (
    <Frame centerName={setup.centerName}>
      <p className="book__note">{t.book.intro}</p>
      {error ? <p className="book__problem" role="alert">{error}</p> : null}
      <label className="book__field">
        {t.book.service}
        <select value={serviceId ?? ''} onChange={(e) => send({ type: 'book.service', serviceId: e.currentTarget.value })}>
          <option value="" disabled>—</option>
          {setup.services.map((s) => (
            <option key={s.id} value={s.id}>{s.name[lang]}</option>
          ))}
        </select>
      </label>
      {service?.appointments ? (
        <fieldset className="book__field">
          <legend>{t.book.date}</legend>
          <div className="book__choices">
            {bookableDays(setup.today, service.appointments.daysAhead).map((d) => (
              <button key={d} type="button" className={d === date ? 'book__choice book__choice--on' : 'book__choice'} aria-pressed={d === date} onClick={() => send({ type: 'book.date', date: d })}>
                {d.slice(8, 10)}/{d.slice(5, 7)}
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      {date && service ? (
        <fieldset className="book__field">
          <legend>{t.book.slots}</legend>
          {state.matches({ choosing: 'slotsLoading' }) ? <p role="status">{t.book.loading}</p> : null}
          {slots && slots.slots.filter((s) => s.remaining > 0).length === 0 && !state.matches({ choosing: 'slotsLoading' }) ? <p>{t.book.noSlots}</p> : null}
          <div className="book__choices">
            {(slots?.slots ?? []).filter((s) => s.remaining > 0).map((s) => (
              <button key={s.start} type="button" className={s.start === start ? 'book__choice book__choice--on' : 'book__choice'} aria-pressed={s.start === start} onClick={() => send({ type: 'book.slot', start: s.start })}>
                {clockAt(s.start, offset)}
                <small>{t.book.remaining(s.remaining)}</small>
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label className="book__field">
        {t.book.phone}
        <input type="tel" inputMode="tel" autoComplete="tel" value={phone} onInput={(e) => send({ type: 'book.phone', phone: e.currentTarget.value })} />
        <small>{t.book.phoneHint}</small>
      </label>
      <label className="book__field">
        {t.book.name}
        <input type="text" autoComplete="name" value={name} onInput={(e) => send({ type: 'book.name', name: e.currentTarget.value })} />
      </label>
      <button type="button" className="book__button" disabled={!state.can({ type: 'book.submit' })} onClick={() => send({ type: 'book.submit' })}>
        {state.matches('booking') ? t.book.submitting : t.book.submit}
      </button>
    </Frame>
  );
}

function Frame({ centerName, children }: { centerName?: string; children: ReactNode }) {
  const t = useT();
  return (
    <main className="book">
      <header className="book__header">
        <h1>{t.book.title}</h1>
        {centerName ? <p>{centerName}</p> : null}
      </header>
      {children}
    </main>
  );
}
