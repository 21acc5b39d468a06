/** /reports/service-quality — the centre's service-quality report: reads the machine, sends events; IO in its actors. */
import { useMachine } from '@xstate/react';
import { useState } from 'react';
import { DateRangeForm } from '../../ui/date-range-form';
import { storedToken } from '../../agent-client/staff-token';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import '../../ui/staff-pages.css';
import './service-quality.css';
import { QualityGate } from './quality-gate';
import { CentreTable, OfficerTable, ServiceTable } from './quality-tables';
import { liveServiceQualityMachine } from './service-quality.actors';
import { StaffNav } from '../../ui/staff-nav';

export default function ServiceQualityPage() {
  const t = useT();
  const [state, send] = useMachine(liveServiceQualityMachine, { input: { token: storedToken() } });
  const { report, errorCode, problem } = state.context;
  const [month, setMonth] = useState<string | null>(null);
  // Figures stay on screen while another period loads; everything else is the gate's (sign-in, refusals).
  if (!report || !(state.matches('ready') || state.matches('loading'))) return <QualityGate state={state} send={send} />;
  const busy = state.matches('loading') || state.matches({ ready: 'saving' });
  const printMonth = month ?? report.from.slice(0, 7);
  const feedback = state.matches('loading')
    ? t.quality.loading
    : state.matches({ ready: 'saving' })
      ? t.quality.saving
      : problem
        ? t.quality.problems[problem]
        : errorCode
          ? errorText(t.quality.errors, errorCode)
          : state.context.saved
            ? t.quality.saved
            : null;
  return (
    <main className="console stats quality" aria-busy={busy}>
      <header className="console__header">
        <h1>{t.quality.title}</h1>
        <button type="button" className="console__link" onClick={() => send({ type: 'signOut' })}>{t.quality.signOut}</button>
      </header>
      <StaffNav current="quality" />
      <DateRangeForm labels={{ from: t.quality.from, to: t.quality.to, show: t.quality.show }} key={`${report.from}_${report.to}`} from={report.from} to={report.to} disabled={busy} onShow={(from, to) => send({ type: 'period.set', from, to })} />
      <p className="console__feedback" role="status" aria-live="polite">
        {problem || (errorCode && !busy) ? <span className="console__error">{feedback}</span> : feedback}
      </p>
      <p className="quality__period">{t.quality.period(report.from, report.to)}</p>
      <div className="quality__tools">
        <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'csv.save' })}>{t.quality.saveCsv}</button>
        <label>
          {t.quality.printMonth} <input type="month" value={printMonth} onChange={(e) => setMonth(e.target.value || null)} />
        </label>
      </div>
      <OfficerTable report={report} month={printMonth} />
      <ServiceTable report={report} />
      <CentreTable report={report} />
    </main>
  );
}
