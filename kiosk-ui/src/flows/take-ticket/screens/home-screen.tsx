import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { DocumentIcon, TicketIcon } from '../../../ui/icons';
import type { ScreenProps } from './screen-props';

export function HomeScreen({ send }: ScreenProps) {
  const t = useT();
  return (
    <div className="choices choices--two">
      <BigButton label={t.home.takeTicket} hint={t.home.takeTicketHint} icon={<TicketIcon />} onPress={() => send({ type: 'home.takeTicket' })} />
      <BigButton label={t.home.collectResult} hint={t.home.collectResultHint} icon={<DocumentIcon />} variant="secondary" onPress={() => send({ type: 'home.collectResult' })} />
    </div>
  );
}
