import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { DocumentIcon, TicketIcon } from '../../../ui/icons';
import type { SessionScreenProps } from './session-screen-props';

export function HomeScreen({ send }: SessionScreenProps) {
  const t = useT();
  return (
    <>
      <div className="choices choices--two">
        <BigButton label={t.home.takeTicket} hint={t.home.takeTicketHint} icon={<TicketIcon />} onPress={() => send({ type: 'home.takeTicket' })} />
        <BigButton label={t.home.collectResult} hint={t.home.collectResultHint} icon={<DocumentIcon />} variant="secondary" onPress={() => send({ type: 'home.collectResult' })} />
      </div>
      {/* The serial and keyboard-wedge scanners work on any screen by themselves; the camera has to be asked for. */}
      <div className="nav-row">
        <BigButton label={t.camera.open} hint={t.camera.openHint} variant="quiet" onPress={() => send({ type: 'camera.open' })} />
      </div>
    </>
  );
}
