/** /payments — "Thu phí, lệ phí" for officers: reads the machine, sends events; all IO is in its actors. */
import { useMachine } from '@xstate/react';
import { useState } from 'react';
import { storedToken } from '../../agent-client/staff-token';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import { DateRangeForm } from '../../ui/date-range-form';
import { signInErrorText, StaffSignIn } from '../../ui/staff-sign-in';
import '../../ui/staff-pages.css';
import { CashDesk } from './cash-desk';
import { thisMonthSoFar } from './fees-period';
import { liveStaffPaymentsMachine } from './staff-payments.actors';
import type { CashStep, StaffPaymentsContext, StaffPaymentsEvent, TransfersStep } from './staff-payments.machine';
import './staff-payments.css';
import { UnmatchedTransfers } from './unmatched-transfers';
import { StaffNav } from '../../ui/staff-nav';

export default function StaffPaymentsPage() {
  const t = useT();
  const [state, send] = useMachine(liveStaffPaymentsMachine, { input: { token: storedToken() } });
  const { context } = state;
  if (state.matches('failed')) {
    return (
      <main className="console console--message">
        <p role="alert">{errorText(t.staffFees.cash.errors, context.errorCode) ?? t.staffFees.failed}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'retry' })}>{t.staffFees.retry}</button>
      </main>
    );
  }
  if (!state.matches('ready')) {
    return (
      <StaffSignIn
        heading={t.staffFees.signInHeading}
        checking={!state.matches('signedOut')}
        error={signInErrorText(t, context.errorCode, context.refusal)}
        onSubmit={(c) => send({ type: 'credentials.submitted', username: c.username, password: c.password })}
      />
    );
  }
  // In the parallel `ready` state each region's step is the one value under its name.
  const steps = state.value as { ready: { cash: CashStep; transfers: TransfersStep; report: 'idle' | 'saving' } };
  const supervisor = context.officer?.role === 'supervisor' || context.officer?.role === 'admin';
  return (
    <main className="console fees">
      <header className="console__header">
        <h1>{t.staffFees.title}</h1>
        <div className="admin__who">
          {context.officer ? <span data-testid="fees-officer">{t.staffFees.signedInAs(context.officer.name)}</span> : null}
          <button type="button" className="console__link" onClick={() => send({ type: 'signOut' })}>{t.staffFees.signOut}</button>
        </div>
      </header>
      <StaffNav current="payments" />
      <CashDesk step={steps.ready.cash} context={context} send={send} />
      <UnmatchedTransfers step={steps.ready.transfers} context={context} send={send} />
      {supervisor ? <FeesReport saving={steps.ready.report === 'saving'} context={context} send={send} /> : null}
    </main>
  );
}

function FeesReport({ saving, context, send }: { saving: boolean; context: StaffPaymentsContext; send: (e: StaffPaymentsEvent) => void }) {
  const r = useT().staffFees.report;
  // The first period is read once: a page left open overnight keeps what the supervisor chose.
  const [period] = useState(() => thisMonthSoFar(new Date()));
  const problem = context.reportProblem ? r.problems[context.reportProblem] : errorText(r.errors, context.reportError);
  return (
    <section className="fees__report" aria-labelledby="report-heading" aria-busy={saving}>
      <h2 id="report-heading">{r.heading}</h2>
      <DateRangeForm labels={{ from: r.from, to: r.to, show: r.save }} from={period.from} to={period.to} disabled={saving} onShow={(from, to) => send({ type: 'report.save', from, to })} />
      <p className="console__feedback" role="status" aria-live="polite" data-testid="report-feedback">
        {problem ? <span className="console__error">{problem}</span> : saving ? r.saving : context.reportSaved ? r.saved : null}
      </p>
    </section>
  );
}
