/** The reason asked before opening a compartment that holds a result (or every compartment): written to the audit. */
import { useState } from 'react';
import { useT } from '../../../i18n/i18n';

export function ReasonDialog(props: { id: string; heading: string; warning?: string; submitLabel: string; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <div className="diag__dialog" role="dialog" aria-modal="true" aria-labelledby={`${props.id}-heading`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(reason.trim());
        }}
      >
        <h3 id={`${props.id}-heading`}>{props.heading}</h3>
        {props.warning ? <p>{props.warning}</p> : null}
        <label htmlFor={`${props.id}-reason`}>{t.diag.reasonLabel}</label>
        <input id={`${props.id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        <div className="diag__actions">
          <button type="submit" className="console__button console__button--primary" disabled={reason.trim().length < 3}>{props.submitLabel}</button>
          <button type="button" className="console__button" onClick={props.onCancel}>{t.diag.cancel}</button>
        </div>
      </form>
    </div>
  );
}
