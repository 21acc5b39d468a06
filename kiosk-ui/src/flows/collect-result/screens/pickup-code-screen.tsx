/** The 6-digit pickup code, on a phone-style keypad; the digits are shown as dots (others may be watching). */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { digitRows, KeyGrid } from '../../../ui/key-grid';
import { PICKUP_CODE_LENGTH } from '../collect-result.machine';
import { DossierFacts } from './dossier-facts';
import type { PickupScreenProps } from './pickup-screen-props';

export function PickupCodeScreen({ state, send }: PickupScreenProps) {
  const t = useT();
  const { dossier, pickupCode, errorCode, attemptsLeft } = state.context;
  if (!dossier) return null;
  const complete = pickupCode.length === PICKUP_CODE_LENGTH;
  return (
    <div className="pin">
      <DossierFacts dossier={dossier} />
      <p className="lead">{dossier.phone ? t.pickup.pinHintPhone(dossier.phone) : t.pickup.pinHint}</p>
      {errorCode === 'PICKUP_CODE_INVALID' && attemptsLeft !== null ? (
        <p className="pin__error" role="alert">
          {t.pickup.wrongCode(attemptsLeft)}
        </p>
      ) : null}
      <div className="pin__dots" role="status" aria-label={t.pickup.pinProgress(pickupCode.length)}>
        {Array.from({ length: PICKUP_CODE_LENGTH }, (_, i) => (
          <span key={i} className={`pin__dot ${i < pickupCode.length ? 'pin__dot--filled' : ''}`} aria-hidden="true" />
        ))}
      </div>
      <KeyGrid
        className="key-grid--pin"
        label={t.pickup.pinKeypad}
        rows={digitRows(t.pickup.delete)}
        onKey={(key) => send(key === t.pickup.delete ? { type: 'pin.delete' } : { type: 'pin.digit', digit: key })}
      />
      {complete ? (
        <div className="nav-row">
          <BigButton label={t.pickup.open} onPress={() => send({ type: 'pin.submit' })} />
        </div>
      ) : null}
      <p className="muted pin__help">{t.pickup.noCode}</p>
    </div>
  );
}
