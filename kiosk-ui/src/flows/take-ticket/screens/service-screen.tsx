import { useLang, useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import type { ScreenProps } from './screen-props';

export function ServiceScreen({ state, send }: ScreenProps) {
  const t = useT();
  const lang = useLang();
  if (state.matches({ choosingService: 'loading' })) {
    return <p className="status-message" role="status">{t.services.loading}</p>;
  }
  if (state.matches({ choosingService: 'failed' })) {
    return (
      <div className="problem" role="alert">
        <p className="problem__title">{t.services.failed}</p>
        <p>{t.services.failedHint}</p>
        <BigButton label={t.issueFailed.retry} onPress={() => send({ type: 'services.retry' })} />
      </div>
    );
  }
  return (
    <div className="choices choices--grid">
      {state.context.services.map((s) => (
        <BigButton
          key={s.id}
          label={s.name[lang]}
          hint={`${t.services.waiting(s.waiting)} · ${t.services.estimatedWait(s.estimatedWaitMinutes)}`}
          onPress={() => send({ type: 'service.selected', serviceId: s.id })}
        />
      ))}
    </div>
  );
}
