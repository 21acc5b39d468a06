import { useT } from '../../../i18n/i18n';

export function IssuingScreen() {
  const t = useT();
  return (
    <div className="status-message" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <h1 className="status-message__title">{t.issuing.printing}</h1>
      <p className="muted">{t.issuing.wait}</p>
    </div>
  );
}
