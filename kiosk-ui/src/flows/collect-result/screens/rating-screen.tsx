/** Done: the receipt (printed or where to get one), then the satisfaction question, then thanks. */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import type { PickupScreenProps } from './pickup-screen-props';

export function RatingScreen({ state, send }: PickupScreenProps) {
  const t = useT();
  const { receiptPrinted, ratingScale } = state.context;
  const thanked = state.matches('thanks') || state.matches('sendingRating');
  const levels = ratingScale === 5 ? t.pickup.ratingLevels5 : t.pickup.ratingLevels3;
  const receipt = receiptPrinted === true ? t.pickup.receiptPrinted : receiptPrinted === false ? t.pickup.receiptNotPrinted : t.pickup.receiptUnknown;
  return (
    <div className="rating">
      <div className={`status-card ${receiptPrinted === false ? 'status-card--warning' : 'status-card--returned'}`} role="status">
        <p className="status-card__title">{t.pickup.doneTitle}</p>
        <p className="status-card__next">{receipt}</p>
      </div>
      {thanked ? (
        <p className="lead rating__thanks" role="status">
          {t.pickup.thanks}
        </p>
      ) : (
        <>
          <p className="lead">{t.pickup.ratingQuestion}</p>
          {/* Most satisfied first: the scale reads the way the indicators list it. */}
          <div className={`choices rating__levels rating__levels--${ratingScale}`}>
            {levels
              .map((label, i) => ({ label, level: i + 1 }))
              .reverse()
              .map(({ label, level }) => (
                <BigButton key={level} label={label} variant={level === 1 ? 'quiet' : 'secondary'} onPress={() => send({ type: 'rating.chosen', level })} />
              ))}
          </div>
          <div className="nav-row">
            <BigButton label={t.pickup.skipRating} variant="quiet" onPress={() => send({ type: 'rating.skip' })} />
          </div>
        </>
      )}
    </div>
  );
}
