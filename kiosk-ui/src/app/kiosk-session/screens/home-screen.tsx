import './home-screen.css';
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { CalendarIcon, DocumentIcon, SearchIcon, TicketIcon } from '../../../ui/icons';
import type { SessionScreenProps } from './session-screen-props';

export function HomeScreen({ state, send }: SessionScreenProps) {
  const t = useT();
  const checkIn = state.context.info?.checkIn === true;
  // "Tra cứu thủ tục" only with procedures to find: a centre that has imported no catalogue does not offer it.
  const procedures = state.context.info?.procedures === true;
  const choices = ['choices--two', 'choices--three', 'choices--four'][Number(checkIn) + Number(procedures)];
  return (
    <>
      <div className={`choices ${choices}`}>
        <BigButton label={t.home.takeTicket} hint={t.home.takeTicketHint} icon={<TicketIcon />} onPress={() => send({ type: 'home.takeTicket' })} />
        <BigButton label={t.home.collectResult} hint={t.home.collectResultHint} icon={<DocumentIcon />} variant="secondary" onPress={() => send({ type: 'home.collectResult' })} />
        {checkIn ? <BigButton label={t.checkIn.homeButton} hint={t.checkIn.homeHint} icon={<CalendarIcon />} variant="secondary" onPress={() => send({ type: 'home.checkIn' })} /> : null}
        {procedures ? <BigButton label={t.procedures.homeButton} hint={t.procedures.homeHint} icon={<SearchIcon />} variant="secondary" onPress={() => send({ type: 'home.procedures' })} /> : null}
      </div>
      {/* The serial and keyboard-wedge scanners work on any screen by themselves; the camera has to be asked for. */}
      <div className="nav-row">
        <BigButton label={t.camera.open} hint={t.camera.openHint} variant="quiet" onPress={() => send({ type: 'camera.open' })} />
      </div>
    </>
  );
}
