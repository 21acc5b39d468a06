/**
 * One page of the display's counter tiles: each counter's name (and, with `display.showOfficer`, the officer's
 * signed in there) and its latest call, the zone's newest call marked.
 */
import type { RecentCall } from '../../../../shared/counter-schemas';
import { useLang, useT } from '../../i18n/i18n';
import type { CounterTile } from './display-board';

export function CounterTiles(props: { tiles: readonly CounterTile[]; latest: RecentCall | null; speakingTicketId: string | undefined; officerLine: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="lobby__tiles" aria-label={t.display.counters}>
      {props.tiles.map(({ counter, call, officer }) => {
        const latest = call !== null && call.ticketId === props.latest?.ticketId && call.at === props.latest.at;
        const speaking = call !== null && call.ticketId === props.speakingTicketId;
        const classes = ['lobby__tile', latest ? 'lobby__tile--latest' : '', speaking ? 'lobby__tile--speaking' : ''].filter(Boolean).join(' ');
        return (
          <article key={counter.id} className={classes} data-testid={call ? 'current-call' : 'counter-idle'} data-counter={counter.id} data-latest={latest ? 'true' : undefined}>
            <span className="lobby__tile-counter">{counter.name[lang]}</span>
            {props.officerLine ? (
              <span className="lobby__tile-officer" data-testid="counter-officer">
                {officer ?? ''}
              </span>
            ) : null}
            {call ? (
              <span className="lobby__number">{call.number}</span>
            ) : (
              <span className="lobby__number lobby__number--none" title={t.display.noNumberLabel}>
                {t.display.noNumber}
              </span>
            )}
          </article>
        );
      })}
    </section>
  );
}
