/**
 * The optional phone after the ticket (issue 18): typed on the on-screen keypad, shown with only its last three
 * digits (others may be watching), with what it is for and that it is deleted after a day; "Gửi" or "Bỏ qua".
 * Refusals are told by their code. Reads the flow's state and sends its events; no IO.
 */
import { MOBILE_DIGITS, maskPhoneTail } from '../../../../../shared/phone-number';
import { errorText } from '../../../i18n/error-text';
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { CountdownBar } from '../../../ui/countdown-bar';
import { digitRows, KeyGrid } from '../../../ui/key-grid';
import type { ScreenProps } from './screen-props';
import './phone-screen.css';

export function PhoneScreen({ state, send }: ScreenProps) {
  const t = useT();
  const p = t.ticketPhone;
  const { phoneDigits, errorCode } = state.context;
  const sending = state.matches('sendingPhone');
  const error = errorText(p.errors, errorCode);
  return (
    <div className="phone-step" data-testid="phone-step">
      <p className="phone-step__purpose">{p.purpose}</p>
      <p className="phone-step__privacy">{p.privacy}</p>
      <p
        className={`phone-step__number ${phoneDigits ? '' : 'phone-step__number--empty'}`}
        data-testid="phone-masked"
        role="status"
        aria-label={phoneDigits ? `${p.entered(maskPhoneTail(phoneDigits))}. ${p.progress(phoneDigits.length, MOBILE_DIGITS)}` : p.placeholder}
      >
        {phoneDigits ? maskPhoneTail(phoneDigits) : p.placeholder}
      </p>
      {error ? (
        <p className="phone-step__error" role="alert" data-error={errorCode}>
          {error}
        </p>
      ) : (
        <p className="phone-step__format">{p.format}</p>
      )}
      {/* "Xóa" and 0 share the last row, as on the pickup-code keypad. */}
      <KeyGrid
        label={p.keypad}
        rows={digitRows(p.delete)}
        onKey={(key) => (sending ? undefined : send(key === p.delete ? { type: 'phone.delete' } : { type: 'phone.digit', digit: key }))}
      />
    </div>
  );
}

/** "Gửi" / "Bỏ qua" in the footer, so they never scroll out of reach. */
export function PhoneFooter({ state, send }: ScreenProps) {
  const t = useT();
  const sending = state.matches('sendingPhone');
  return (
    <div className="nav-row">
      <BigButton label={sending ? t.ticketPhone.sending : t.ticketPhone.send} onPress={() => (sending ? undefined : send({ type: 'phone.submit' }))} />
      <BigButton label={t.ticketPhone.skip} variant="quiet" onPress={() => (sending ? undefined : send({ type: 'phone.skip' }))} />
    </div>
  );
}

/** The confirmation: the phone masked as the agent answered it, then home by itself as the ticket screen does. */
export function PhoneSentScreen({ state }: ScreenProps) {
  const t = useT();
  const ticket = state.context.ticket;
  return (
    <div className="phone-sent" data-testid="phone-sent" role="status">
      <h1 className="phone-sent__title">{t.ticketPhone.sentHeading}</h1>
      <p className="phone-sent__number">{t.ticketPhone.sentBody(unbroken(state.context.phoneMasked ?? ''))}</p>
      {ticket ? <p className="lead">{t.ticket.numberLabel(ticket.number)}</p> : null}
    </div>
  );
}

export function PhoneSentFooter({ state, send }: ScreenProps) {
  const t = useT();
  return (
    <div className="ticket__footer">
      <BigButton label={t.ticket.done} onPress={() => send({ type: 'ticket.done' })} />
      <CountdownBar key="phone-sent" ms={state.context.timing.ticketShownMs} label={t.ticket.returning} />
    </div>
  );
}

/** The masked number on one line: its groups joined by no-break spaces. */
export function unbroken(masked: string): string {
  return masked.replace(/ /g, '\u00a0');
}
