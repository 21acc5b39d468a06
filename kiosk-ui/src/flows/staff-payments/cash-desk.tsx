/** "Thu tiền mặt" on /payments: a dossier code, its fees, the amount received, a confirmation, the new state. */
import { useState } from 'react';
import type { DossierFees } from '../../../../shared/payment-schemas';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import type { CashStep, StaffPaymentsContext, StaffPaymentsEvent } from './staff-payments.machine';

type Send = (event: StaffPaymentsEvent) => void;

export function CashDesk({ step, context, send }: { step: CashStep; context: StaffPaymentsContext; send: Send }) {
  const t = useT();
  const c = t.staffFees.cash;
  const [code, setCode] = useState(context.code);
  const busy = step === 'looking' || step === 'recording';
  const error = context.amountInvalid ? c.amountInvalid : errorText(c.errors, context.cashError);
  return (
    <section aria-labelledby="cash-heading" aria-busy={busy}>
      <h2 id="cash-heading">{c.heading}</h2>
      <form
        className="fees__lookup"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'cash.lookup', code });
        }}
      >
        <label>
          {c.codeLabel}
          <input className="fees__code" name="dossier-code" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} aria-describedby="cash-code-hint" />
        </label>
        <button type="submit" className="console__button" disabled={busy || code.trim() === ''}>{c.find}</button>
      </form>
      <p id="cash-code-hint" className="console__hint">{c.codeHint}</p>
      <p className="console__feedback" role="status" aria-live="polite" data-testid="cash-feedback">
        {error ? <span className="console__error">{error}</span> : step === 'looking' ? c.looking : step === 'recording' ? c.recording : null}
      </p>
      {context.dossier && step !== 'entering' && step !== 'looking' ? <DossierFeesView dossier={context.dossier} /> : null}
      {context.dossier && step === 'shown' && context.dossier.due > 0 ? <AmountForm key={`${context.dossier.dossierCode}:${context.dossier.due}`} due={context.dossier.due} send={send} /> : null}
      {context.dossier && (step === 'confirming' || step === 'recording') && context.amount !== null ? (
        <div role="group" aria-labelledby="cash-confirm-heading" className="fees__confirm">
          <h3 id="cash-confirm-heading">{c.confirmHeading}</h3>
          <p>{c.confirmBody(t.staffFees.dong(context.amount), context.dossier.dossierCode)}</p>
          <div className="console__dialog-buttons">
            <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'cash.back' })}>{c.back}</button>
            <button type="button" className="console__button console__button--primary" autoFocus disabled={busy} onClick={() => send({ type: 'cash.confirm' })}>{c.confirm}</button>
          </div>
        </div>
      ) : null}
      {step === 'recorded' && context.recorded ? (
        <>
          <p className="fees__done" data-testid="cash-recorded">{c.recorded(t.staffFees.dong(context.recorded.amount), context.recorded.by)}</p>
          <button type="button" className="console__button" onClick={() => { setCode(''); send({ type: 'cash.clear' }); }}>{c.another}</button>
        </>
      ) : null}
    </section>
  );
}

function DossierFeesView({ dossier }: { dossier: DossierFees }) {
  const t = useT();
  const c = t.staffFees.cash;
  const dong = t.staffFees.dong;
  return (
    <div data-testid="cash-dossier">
      <p><strong>{dossier.dossierCode}</strong> · {c.procedure}: {dossier.procedure}</p>
      {dossier.fees.length === 0 ? <p>{c.noFees}</p> : (
        <table className="fees__table">
          <caption className="console__hint">{c.fees}</caption>
          <thead><tr><th scope="col">{c.feeName}</th><th scope="col" className="fees__money">{c.feeAmount}</th></tr></thead>
          <tbody>{dossier.fees.map((f, i) => <tr key={i}><td>{f.name}</td><td className="fees__money">{dong(f.amount)}</td></tr>)}</tbody>
        </table>
      )}
      <dl className="fees__standing">
        <dt>{c.total}</dt><dd>{dong(dossier.total)}</dd>
        <dt>{c.paid}</dt><dd data-testid="cash-paid">{dong(dossier.paid)}</dd>
        <dt>{c.due}</dt><dd data-testid="cash-due" className={dossier.due > 0 ? 'fees__due' : undefined}>{dossier.due > 0 ? dong(dossier.due) : c.paidInFull}</dd>
      </dl>
    </div>
  );
}

function AmountForm({ due, send }: { due: number; send: Send }) {
  const c = useT().staffFees.cash;
  const [amount, setAmount] = useState(String(due));
  return (
    <form
      className="fees__amount"
      onSubmit={(e) => {
        e.preventDefault();
        send({ type: 'cash.submit', amount });
      }}
    >
      <label>
        {c.amountLabel}
        <input name="amount" inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} aria-describedby="cash-amount-hint" />
      </label>
      <button type="submit" className="console__button console__button--primary">{c.record}</button>
      <p id="cash-amount-hint" className="console__hint">{c.amountHint}</p>
    </form>
  );
}
