/** Waiting for the slip: scan it (serial or keyboard-wedge scanner), or type the dossier code on the keyboard. */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { useKioskControl } from '../../../ui/kiosk-control-context';
import { DocumentIcon } from '../../../ui/icons';
import { KeyGrid } from '../../../ui/key-grid';
import type { PickupScreenProps } from './pickup-screen-props';

// Dossier codes are digits, dots, dashes and the agency letters (000.00.15.H29-250704-0012).
const ROWS = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
  ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', '-'],
  ['Z', 'X', 'C', 'V', 'B', 'N', 'M', '.'],
];

export function SlipEntryScreen({ state, send }: PickupScreenProps) {
  const t = useT();
  const camera = useKioskControl(); // the kiosk's controls; absent when the flow is shown on its own
  const entry = state.context.entry;
  return (
    <div className="slip-entry">
      <div className="slip-entry__scan">
        <span className="slip-entry__icon" aria-hidden="true">
          <DocumentIcon />
        </span>
        <div>
          <p className="slip-entry__title">{t.pickup.scanTitle}</p>
          <p className="muted">{t.pickup.scanHint}</p>
        </div>
        {camera ? <BigButton label={t.camera.open} variant="quiet" onPress={camera.openCamera} /> : null}
      </div>
      <p className="slip-entry__or">{t.pickup.orType}</p>
      <output className={`slip-entry__entry ${entry ? '' : 'slip-entry__entry--empty'}`} aria-label={t.pickup.entryLabel} aria-live="polite">
        {entry || t.pickup.entryEmpty}
      </output>
      <KeyGrid label={t.pickup.keyboardLabel} rows={ROWS} onKey={(key) => send({ type: 'slip.key', key })} />
      <div className="nav-row">
        <BigButton label={t.pickup.delete} variant="quiet" onPress={() => send({ type: 'slip.delete' })} />
        <BigButton label={t.pickup.lookUp} onPress={() => send({ type: 'slip.submit' })} />
      </div>
    </div>
  );
}
