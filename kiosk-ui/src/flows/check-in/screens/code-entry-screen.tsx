/** The 8-digit appointment code on a phone-style keypad, shown as typed in two groups (it is not a secret). */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { digitRows, KeyGrid } from '../../../ui/key-grid';
import { APPOINTMENT_CODE_LENGTH } from '../check-in.machine';
import type { CheckInScreenProps } from './check-in-screen-props';

export function CodeEntryScreen({ state, send }: CheckInScreenProps) {
  const t = useT();
  const { code, errorCode } = state.context;
  const slots = Array.from({ length: APPOINTMENT_CODE_LENGTH }, (_, i) => code[i] ?? '·');
  return (
    <div className="pin checkin">
      <p className="lead">{t.checkIn.enterCode}</p>
      {errorCode === 'APPOINTMENT_NOT_FOUND' ? (
        <p className="pin__error" role="alert">
          {t.checkIn.notFound}
        </p>
      ) : null}
      <p className="checkin__code" role="status" aria-label={t.checkIn.progress(code.length)}>
        <span>{slots.slice(0, 4).join('')}</span> <span>{slots.slice(4).join('')}</span>
      </p>
      <KeyGrid
        className="key-grid--pin"
        label={t.checkIn.keypad}
        rows={digitRows(t.checkIn.delete)}
        onKey={(key) => send(key === t.checkIn.delete ? { type: 'checkin.delete' } : { type: 'checkin.digit', digit: key })}
      />
      {code.length === APPOINTMENT_CODE_LENGTH ? (
        <div className="nav-row">
          <BigButton label={t.checkIn.submit} onPress={() => send({ type: 'checkin.submit' })} />
        </div>
      ) : null}
    </div>
  );
}
