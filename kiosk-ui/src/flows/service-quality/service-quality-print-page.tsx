/**
 * /reports/service-quality/print?month=YYYY-MM&officer=ID (officer=none: no officer recorded) — one officer's month
 * on an A4 page for the centre's monthly report: the centre, the month, the officer, their figures in total and per
 * service, and the lines for signatures. The controls are hidden in print (service-quality.css).
 */
import { useMachine } from '@xstate/react';
import type { QualityFigures, ServiceQualityReport } from '../../../../shared/report-schemas';
import { monthRange, MonthSchema } from '../../../../shared/report-schemas';
import { storedToken } from '../../agent-client/staff-token';
import { useLang, useT } from '../../i18n/i18n';
import '../../ui/staff-pages.css';
import './service-quality.css';
import { minutesText, officerName, otherScaleUsed, percentText, ratingLevels } from './quality-figures';
import { QualityGate } from './quality-gate';
import { liveServiceQualityMachine } from './service-quality.actors';

/** The officer the link names: an account id, null for "no officer recorded", undefined when the link is wrong. */
export function printedOfficer(param: string | null): number | null | undefined {
  if (param === 'none') return null;
  return param !== null && /^\d{1,12}$/.test(param) ? Number(param) : undefined;
}

export default function ServiceQualityPrintPage({ month, officer }: { month: string | null; officer: string | null }) {
  const t = useT();
  const officerId = printedOfficer(officer);
  if (!MonthSchema.safeParse(month).success || officerId === undefined) {
    return (
      <main className="console console--message">
        <p role="alert">{t.quality.print.badLink}</p>
        <a href="/reports/service-quality">{t.quality.print.back}</a>
      </main>
    );
  }
  return <PrintView month={month!} officerId={officerId} />;
}

function PrintView({ month, officerId }: { month: string; officerId: number | null }) {
  const t = useT();
  const p = t.quality.print;
  const [state, send] = useMachine(liveServiceQualityMachine, { input: { token: storedToken(), period: monthRange(month) } });
  const { report } = state.context;
  if (!report || !state.matches('ready')) return <QualityGate state={state} send={send} />;
  const row = report.officers.find((o) => o.officerId === officerId);
  const [year, m] = month.split('-').map(Number) as [number, number];
  return (
    <main className="quality-print">
      <nav className="quality-print__controls">
        <a href="/reports/service-quality">{p.back}</a>
        <button type="button" className="console__button console__button--primary" onClick={() => send({ type: 'print' })}>{p.print}</button>
      </nav>
      <article className="quality-print__sheet">
        <header className="quality-print__head">
          <p className="quality-print__centre">{report.centerName}</p>
          <h1>{p.heading}</h1>
          <p>{p.month(m, year)}</p>
          <p>
            {p.officer}: <strong>{officerName(t, { officerId, name: row?.name ?? null })}</strong>
          </p>
        </header>
        {row ? <Figures f={row} report={report} /> : <p>{p.noFigures}</p>}
        {row ? <PerService report={report} officerId={officerId} /> : null}
        <p className="quality-print__date">{p.dateLine}</p>
        <div className="quality-print__signatures">
          {[p.preparedBy, p.head].map((who) => (
            <div key={who}>
              <strong>{who}</strong>
              <em>{p.signHint}</em>
            </div>
          ))}
        </div>
      </article>
    </main>
  );
}

function Figures({ f, report }: { f: QualityFigures; report: ServiceQualityReport }) {
  const t = useT();
  const q = t.quality;
  const rows: [string, string | number][] = [
    [q.served, f.served],
    [q.noShows, f.noShows],
    [q.averageWait, minutesText(t, f.averageWaitMinutes)],
    [q.averageService, minutesText(t, f.averageServiceMinutes)],
    ...ratingLevels(t, f, report.ratingScale, otherScaleUsed(f, report.ratingScale)).map((l): [string, number] => [q.print.ratingLevel(l.name), l.count]),
    [q.ratingsTotal, f.ratings.total],
    [q.satisfaction, percentText(t, f.ratings.satisfactionPercent)],
    [q.handoversOnTime, f.handoversOnTime],
    [q.handoversLate, f.handoversLate],
  ];
  return (
    <table className="quality-print__table">
      <thead>
        <tr>
          <th scope="col">{q.print.item}</th>
          <th scope="col">{q.print.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([item, value]) => (
          <tr key={item}>
            <th scope="row">{item}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PerService({ report, officerId }: { report: ServiceQualityReport; officerId: number | null }) {
  const t = useT();
  const lang = useLang();
  const q = t.quality;
  const cells = report.cells.filter((c) => c.officerId === officerId);
  const serviceName = (id: string | null) => (id === null ? q.lockerPickups : (report.services.find((s) => s.serviceId === id)?.name?.[lang] ?? id));
  return (
    <section aria-labelledby="print-by-service">
      <h2 id="print-by-service">{q.print.byService}</h2>
      <table className="quality-print__table">
        <thead>
          <tr>{[q.service, q.served, q.noShows, q.averageWait, q.averageService, q.ratingsTotal, q.satisfaction].map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.serviceId ?? 'lockers'}>
              <th scope="row">{serviceName(c.serviceId)}</th>
              <td>{c.served}</td>
              <td>{c.noShows}</td>
              <td>{minutesText(t, c.averageWaitMinutes)}</td>
              <td>{minutesText(t, c.averageServiceMinutes)}</td>
              <td>{c.ratings.total}</td>
              <td>{percentText(t, c.ratings.satisfactionPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
