/**
 * Finding a procedure: what was typed (or the hint that accents are not needed), the fields with their counts when
 * nothing is typed, a page of results (paged, never scrolled) and the keyboard. Reads state, sends events.
 */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { RESULTS_PER_PAGE } from '../procedures.machine';
import { LetterKeyboard } from './letter-keyboard';
import type { ProceduresScreenProps } from './procedures-screen-props';

export function ProcedureSearchScreen({ state, send }: ProceduresScreenProps) {
  const t = useT().procedures;
  const { query, field, list, page } = state.context;
  const loading = state.matches({ browsing: 'loading' }) || state.matches({ browsing: 'typing' });
  const failed = state.matches({ browsing: 'failed' });
  const shown = list?.procedures.slice(page * RESULTS_PER_PAGE, (page + 1) * RESULTS_PER_PAGE) ?? [];
  const pages = Math.max(1, Math.ceil((list?.procedures.length ?? 0) / RESULTS_PER_PAGE));
  return (
    <div className="procedures">
      <div className="procedures__main">
        <div className="procedures__search">
          <p className={`procedures__query ${query ? '' : 'procedures__query--empty'}`} role="status" aria-label={t.searchLabel}>
            {query || t.placeholder}
          </p>
          {query ? <BigButton label={t.clear} variant="quiet" onPress={() => send({ type: 'procedures.clear' })} /> : null}
        </div>
        {list && list.fields.length > 0 && !query ? (
          <div className="procedures__fields" role="group" aria-label={t.fields}>
            <button type="button" className="chip" aria-pressed={field === null} onClick={() => send({ type: 'procedures.field', field: null })}>
              {t.allFields}
            </button>
            {list.fields.map((f) => (
              <button key={f.name} type="button" className="chip" aria-pressed={field === f.name} onClick={() => send({ type: 'procedures.field', field: f.name })}>
                {t.fieldButton(f.name || t.otherField, f.count)}
              </button>
            ))}
          </div>
        ) : null}
        <section className="procedures__results" aria-label={t.results} aria-busy={loading}>
          {failed ? (
            <div className="procedures__failed" role="alert">
              <p>{t.failed}</p>
              <BigButton label={t.retry} onPress={() => send({ type: 'procedures.retry' })} />
            </div>
          ) : (
            <>
              <div className="procedures__bar">
                <p className="procedures__count" role="status">
                  {/* While a search runs the old list stays (no flicker), but the count says it is searching. */}
                  {loading || !list ? t.loading : t.found(list.total)}
                  {!loading && list?.total === 0 ? ` ${t.none}` : ''}
                </p>
                {pages > 1 ? (
                  <div className="procedures__pager">
                    <BigButton label={t.previous} variant="quiet" onPress={() => send({ type: 'procedures.page', page: page - 1 })} />
                    <span>{t.page(page + 1, pages)}</span>
                    <BigButton label={t.next} variant="quiet" onPress={() => send({ type: 'procedures.page', page: page + 1 })} />
                  </div>
                ) : null}
              </div>
              <ul className="procedures__list">
                {shown.map((p) => (
                  <li key={p.code}>
                    <button type="button" className="procedure-row" onClick={() => send({ type: 'procedures.open', code: p.code })}>
                      <span className="procedure-row__name">{p.name}</span>
                      <span className="procedure-row__meta">
                        {p.field || t.otherField} · {p.code}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <div className="procedures__keys">
        <p className="procedures__hint">{t.noDiacritics}</p>
        <LetterKeyboard send={send} />
      </div>
    </div>
  );
}
