/** The compartment that opened, very large, and the one thing to do now; a louder reminder if the door stays open. */
import { useT } from '../../../i18n/i18n';
import type { PickupScreenProps } from './pickup-screen-props';

export function DoorOpenScreen({ state }: PickupScreenProps) {
  const t = useT();
  const { compartment, doorReminder } = state.context;
  if (!compartment) return null;
  return (
    <div className="door-open">
      <h1 className="door-open__title">{t.pickup.doorOpen(compartment.lock)}</h1>
      <p className="door-open__label">{t.pickup.compartment}</p>
      <p className="door-open__number" aria-hidden="true">
        {compartment.lock}
      </p>
      {compartment.board !== 0 ? <p className="door-open__board">{t.pickup.board(compartment.board)}</p> : null}
      <p className="door-open__instruction" role="status">
        {t.pickup.takeAndClose}
      </p>
      {doorReminder ? (
        <p className="door-open__reminder" role="alert">
          {t.pickup.reminder}
        </p>
      ) : null}
    </div>
  );
}
