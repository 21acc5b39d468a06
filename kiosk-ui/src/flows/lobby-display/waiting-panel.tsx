/** One page of the people waiting per service of the display's zone, with its page indicator when there are several. */
import { useLang, useT } from '../../i18n/i18n';
import type { WaitingService } from './display-board';

export function WaitingPanel(props: { services: readonly WaitingService[]; pageLabel: string | null }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="lobby__panel" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading" className="lobby__panel-heading">
        <span>{t.display.waitingHeading}</span>
        {props.pageLabel ? (
          <span className="lobby__page" data-testid="service-page">
            {t.display.page(props.pageLabel)}
          </span>
        ) : null}
      </h2>
      <ul className="lobby__waiting">
        {props.services.map((s) => (
          <li key={s.id} data-service={s.id}>
            <span className="lobby__prefix">{s.prefix}</span>
            <span className="lobby__service-name">{s.name[lang]}</span>
            <strong className="lobby__service-count">
              {t.display.waiting(s.waiting)}
              {s.shut ? <span className="lobby__service-shut">{s.shut === 'closed' ? t.hours.displayClosed : t.hours.displayFull}</span> : null}
            </strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
