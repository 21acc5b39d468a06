import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import type { ScreenProps } from './screen-props';

export function IssueFailedScreen({ state, send }: ScreenProps) {
  const t = useT();
  const code = state.context.errorCode;
  const message =
    code === 'SERVICE_NOT_FOUND' || code === 'VALIDATION_FAILED' || code === 'STORE_UNAVAILABLE'
      ? t.issueFailed[code]
      : code === 'NETWORK_ERROR' || code === 'NETWORK_TIMEOUT'
        ? t.issueFailed.NETWORK_ERROR
        : t.issueFailed.other;
  return (
    <div className="problem" role="alert">
      <h1 className="problem__title">{t.issueFailed.heading}</h1>
      <p>{message}</p>
      <div className="choices choices--two">
        <BigButton label={t.issueFailed.retry} onPress={() => send({ type: 'issue.retry' })} />
        <BigButton label={t.nav.home} variant="secondary" onPress={() => send({ type: 'nav.home' })} />
      </div>
    </div>
  );
}
