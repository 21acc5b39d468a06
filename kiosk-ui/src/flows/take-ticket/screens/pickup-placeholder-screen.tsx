import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import type { ScreenProps } from './screen-props';

export function PickupPlaceholderScreen({ send }: ScreenProps) {
  const t = useT();
  return (
    <div className="notice">
      <p className="lead">{t.pickup.comingSoon}</p>
      <BigButton label={t.nav.home} onPress={() => send({ type: 'nav.home' })} />
    </div>
  );
}
