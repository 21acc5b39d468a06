/**
 * "Chuyển khoản chưa khớp" on /payments: the transfers the bank confirmed whose content named no dossier, with the
 * content as the bank passed it on (the officer reads it to find the dossier), and "Gán cho hồ sơ" for each.
 */
import { useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import type { StaffPaymentsContext, StaffPaymentsEvent, TransferNotice, TransfersStep, UnmatchedTransfer } from './staff-payments.machine';

type Send = (event: StaffPaymentsEvent) => void;
type T = ReturnType<typeof useT>;

const timeOf = (iso: string) => new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));

function noticeText(t: T, n: TransferNotice): string {
  const x = t.staffFees.transfers;
  if (n.kind === 'alreadyAssigned') return x.alreadyAssigned(n.dossierCode);
  const assigned = x.assigned(t.staffFees.dong(n.amount), n.dossierCode);
  return n.due !== null && n.due > 0 ? `${assigned} ${x.stillDue(t.staffFees.dong(n.due))}` : assigned;
}

export function UnmatchedTransfers({ step, context, send }: { step: TransfersStep; context: StaffPaymentsContext; send: Send }) {
  const t = useT();
  const x = t.staffFees.transfers;
  const dong = t.staffFees.dong;
  const listError = step === 'listed' || step === 'loading' ? errorText(x.errors, context.transferError) : null;
  return (
    <section aria-labelledby="transfers-heading" aria-busy={step === 'loading' || step === 'assigning'}>
      <div className="console__header">
        <h2 id="transfers-heading">{x.heading}</h2>
        <button type="button" className="console__button fees__row-button" disabled={step !== 'listed'} onClick={() => send({ type: 'transfers.refresh' })}>{x.refresh}</button>
      </div>
      <p className="console__hint">{x.intro}</p>
      <p className="console__feedback" role="status" aria-live="polite" data-testid="transfers-feedback">
        {listError ? <span className="console__error">{listError}</span> : context.transferNotice ? noticeText(t, context.transferNotice) : step === 'loading' ? x.loading : null}
      </p>
      {context.transfers && context.transfers.length === 0 ? <p className="console__none">{x.none}</p> : null}
      {context.transfers && context.transfers.length > 0 ? (
        <table className="fees__table" data-testid="transfers">
          <thead>
            <tr><th scope="col">{x.paidAt}</th><th scope="col" className="fees__money">{x.amount}</th><th scope="col">{x.reference}</th><th scope="col"><span className="fees__sr">{x.assign}</span></th></tr>
          </thead>
          <tbody>
            {context.transfers.map((u) => (
              <tr key={u.id} data-transaction={u.transactionId}>
                <td>{timeOf(u.paidAt)}</td>
                <td className="fees__money">{dong(u.amount)}</td>
                <td className="fees__reference">{u.reference}<br /><span className="console__hint">{x.transaction}: {u.transactionId}</span></td>
                <td>
                  <button type="button" className="console__button fees__row-button" disabled={step !== 'listed'} aria-label={x.assignLabel(dong(u.amount), u.transactionId)} onClick={() => send({ type: 'transfer.pick', id: u.id })}>{x.assign}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {(step === 'choosing' || step === 'assigning') && context.selected ? <AssignDialog transfer={context.selected} saving={step === 'assigning'} errorCode={context.transferError} send={send} /> : null}
    </section>
  );
}

function AssignDialog({ transfer, saving, errorCode, send }: { transfer: UnmatchedTransfer; saving: boolean; errorCode: string | null; send: Send }) {
  const t = useT();
  const x = t.staffFees.transfers;
  const [code, setCode] = useState('');
  const cancel = () => send({ type: 'transfer.cancel' });
  const error = errorText(x.errors, errorCode);
  return (
    <div className="console__dialog" role="dialog" aria-modal="true" aria-labelledby="assign-heading" onKeyDown={(e) => (e.key === 'Escape' && !saving ? cancel() : undefined)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'transfer.assign', dossierCode: code });
        }}
      >
        <h2 id="assign-heading">{x.assignHeading}</h2>
        <p>{x.assignBody(t.staffFees.dong(transfer.amount), transfer.transactionId)}</p>
        <p className="fees__reference">{x.reference}: {transfer.reference}</p>
        <label className="admin__field">
          {x.codeLabel}
          <input name="assign-code" className="fees__code" autoComplete="off" spellCheck={false} autoFocus required value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        {error ? <p className="console__error" role="alert">{error}</p> : null}
        <div className="console__dialog-buttons">
          <button type="button" className="console__button" disabled={saving} onClick={cancel}>{x.cancel}</button>
          <button type="submit" className="console__button console__button--primary" disabled={saving || code.trim() === ''}>{saving ? x.assigning : x.confirm}</button>
        </div>
      </form>
    </div>
  );
}
