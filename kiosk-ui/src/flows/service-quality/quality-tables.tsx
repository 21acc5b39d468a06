/** The report's three tables (per officer, per service, the centre): read from the report, no state of their own. */
import type { QualityFigures, ServiceQualityReport } from '../../../../shared/report-schemas';
import { useLang, useT } from '../../i18n/i18n';
import { minutesText, officerName, otherScaleUsed, percentText, ratingLevels } from './quality-figures';

function FigureCells({ f, report }: { f: QualityFigures; report: ServiceQualityReport }) {
  const t = useT();
  const levels = ratingLevels(t, f, report.ratingScale, otherScaleUsed(report.centre, report.ratingScale));
  return (
    <>
      <td>{f.served}</td>
      <td>{f.noShows}</td>
      <td>{minutesText(t, f.averageWaitMinutes)}</td>
      <td>{minutesText(t, f.averageServiceMinutes)}</td>
      <td className="quality__levels">{levels.map((l) => t.quality.ratingCount(l.name, l.count)).join(' · ')}</td>
      <td>{f.ratings.total}</td>
      <td className="quality__rate">{percentText(t, f.ratings.satisfactionPercent)}</td>
      <td>{f.handoversOnTime}</td>
      <td>{f.handoversLate}</td>
    </>
  );
}

function FigureHeads({ first, extra }: { first: string; extra?: string }) {
  const t = useT();
  const q = t.quality;
  const heads = [first, q.served, q.noShows, q.averageWait, q.averageService, q.ratings, q.ratingsTotal, q.satisfaction, q.handoversOnTime, q.handoversLate, ...(extra ? [extra] : [])];
  return (
    <thead>
      <tr>{heads.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
    </thead>
  );
}

/** Per officer, each with a link to the month's print view (the month the supervisor picked above the table). */
export function OfficerTable({ report, month }: { report: ServiceQualityReport; month: string }) {
  const t = useT();
  return (
    <section aria-labelledby="by-officer">
      <h2 id="by-officer">{t.quality.byOfficer}</h2>
      {report.officers.length === 0 ? <p>{t.quality.empty}</p> : (
        <div className="quality__scroll">
          <table className="stats__table quality__table">
            <FigureHeads first={t.quality.officer} extra={t.quality.printFor} />
            <tbody>
              {report.officers.map((o) => {
                const name = officerName(t, o);
                const href = `/reports/service-quality/print?${new URLSearchParams({ month, officer: o.officerId === null ? 'none' : String(o.officerId) }).toString()}`;
                return (
                  <tr key={o.officerId ?? 'none'}>
                    <th scope="row">{name}</th>
                    <FigureCells f={o} report={report} />
                    <td><a href={href} aria-label={t.quality.printForLabel(name, month)}>{t.quality.printFor}</a></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ServiceTable({ report }: { report: ServiceQualityReport }) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="by-service">
      <h2 id="by-service">{t.quality.byService}</h2>
      {report.services.length === 0 ? <p>{t.quality.empty}</p> : (
        <div className="quality__scroll">
          <table className="stats__table quality__table">
            <FigureHeads first={t.quality.service} />
            <tbody>
              {report.services.map((s) => (
                <tr key={s.serviceId ?? 'lockers'}>
                  <th scope="row">{s.serviceId === null ? t.quality.lockerPickups : (s.name?.[lang] ?? s.serviceId)}</th>
                  <FigureCells f={s} report={report} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function CentreTable({ report }: { report: ServiceQualityReport }) {
  const t = useT();
  return (
    <section aria-labelledby="centre">
      <h2 id="centre">{t.quality.centre}</h2>
      <div className="quality__scroll">
        <table className="stats__table quality__table">
          <FigureHeads first={t.quality.centre} />
          <tbody>
            <tr>
              <th scope="row">{report.centerName}</th>
              <FigureCells f={report.centre} report={report} />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="console__hint">{t.quality.satisfactionNote}</p>
    </section>
  );
}
