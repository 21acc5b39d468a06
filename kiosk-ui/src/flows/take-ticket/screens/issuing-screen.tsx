import { useT } from '../../../i18n/i18n';

export function IssuingScreen() {
  const t = useT();
  return (
    <div className="status-message" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p>{t.issuing.printing}</p>
      <p className="muted">{t.issuing.wait}</p>
    </div>
  );
}
