/** A dossier whose result is not in a locker: where it stands, in plain words, and what to do next. */
import { useLang, useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { TicketIcon } from '../../../ui/icons';
import { DossierFacts } from './dossier-facts';
import type { PickupScreenProps } from './pickup-screen-props';

export function DossierStatusScreen({ state, send }: PickupScreenProps) {
  const t = useT();
  const lang = useLang();
  const { dossier, resultServiceId } = state.context;
  if (!dossier) return null;
  const elsewhere = dossier.lockerElsewhere;
  // A result in another kiosk's locker: the card says which kiosk, instead of "at the counter".
  const status = elsewhere
    ? { title: t.pickup.elsewhere.title(elsewhere.kioskName[lang]), next: t.pickup.elsewhere.next }
    : t.pickup.status[dossier.status];
  return (
    <div className="dossier-status">
      <div className={`status-card status-card--${dossier.status}`} role="status">
        <p className="status-card__title">{status.title}</p>
        <p className="status-card__next">{status.next}</p>
        {dossier.overdue ? <p className="status-card__overdue">{t.pickup.overdue}</p> : null}
      </div>
      <DossierFacts dossier={dossier} />
      <div className="choices choices--two choices--compact">
        {resultServiceId ? (
          <BigButton label={t.pickup.takeTicket} hint={t.pickup.takeTicketHint} icon={<TicketIcon />} onPress={() => send({ type: 'pickup.takeTicket' })} />
        ) : null}
        <BigButton label={t.pickup.finish} variant="secondary" onPress={() => send({ type: 'pickup.finish' })} />
      </div>
    </div>
  );
}
