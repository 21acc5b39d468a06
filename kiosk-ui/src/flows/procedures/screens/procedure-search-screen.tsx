/**
 * Finding a procedure: what was typed (or the hint that accents are not needed), then a page of the catalogue's
 * fields when nothing is typed and no field is chosen, or a page of the procedures found (in the field chosen: the
 * count names it, and "Tất cả lĩnh vực" beside the words goes back to every field); paged, never scrolled. The keyboard below or beside. Reads state, sends
 * events.
 */
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { choosingField, listed } from '../procedures.machine';
import { FieldList, ProcedureList } from './procedure-lists';
import { LetterKeyboard } from './letter-keyboard';
import type { ProceduresScreenProps } from './procedures-screen-props';

export function ProcedureSearchScreen({ state, send }: ProceduresScreenProps) {
  const t = useT().procedures;
  const { query, field, list, page } = state.context;
  const loading = state.matches({ browsing: 'loading' }) || state.matches({ browsing: 'typing' });
  const failed = state.matches({ browsing: 'failed' });
  const fields = choosingField(state.context);
  const { rows, perPage } = listed(state.context);
  const pages = Math.max(1, Math.ceil(rows / perPage));
  let count: string;
  // While a search runs the old list stays (no flicker), but the count says it is searching.
  if (loading || !list) count = t.loading;
  else if (fields) count = t.chooseField(list.fields.length);
  else if (field !== null) count = t.foundInField(list.total, field || t.otherField);
  else count = list.total === 0 ? `${t.found(0)} ${t.none}` : t.found(list.total);
  // More than one request holds (a very broad word): say only the best are listed, and how to narrow it down.
  if (!loading && list && !fields && list.procedures.length < list.total) count = `${count} · ${t.onlyBest(list.procedures.length)}`;
  return (
    <div className="procedures">
      <div className="procedures__search">
        <p className={`procedures__query ${query ? '' : 'procedures__query--empty'}`} role="status" aria-label={t.searchLabel}>
          {query || t.placeholder}
        </p>
        {query ? <BigButton label={t.clear} variant="quiet" onPress={() => send({ type: 'procedures.clear' })} /> : null}
        {/* Beside the words rather than a row of its own: a field chosen costs the list no height. */}
        {field !== null ? <BigButton label={t.allFields} variant="quiet" onPress={() => send({ type: 'procedures.field', field: null })} /> : null}
      </div>
      <section className="procedures__results" aria-label={fields ? t.fields : t.results} aria-busy={loading}>
        {failed ? (
          <div className="procedures__failed" role="alert">
            <p>{t.failed}</p>
            <BigButton label={t.retry} onPress={() => send({ type: 'procedures.retry' })} />
          </div>
        ) : (
          <>
            <div className="procedures__bar">
              <p className="procedures__count" role="status">
                {count}
              </p>
              {pages > 1 ? (
                <div className="procedures__pager">
                  <BigButton label={t.previous} variant="quiet" onPress={() => send({ type: 'procedures.page', page: page - 1 })} />
                  <span>{t.page(page + 1, pages)}</span>
                  <BigButton label={t.next} variant="quiet" onPress={() => send({ type: 'procedures.page', page: page + 1 })} />
                </div>
              ) : null}
            </div>
            {fields ? (
              <FieldList fields={list?.fields.slice(page * perPage, (page + 1) * perPage) ?? []} send={send} />
            ) : (
              <ProcedureList procedures={list?.procedures.slice(page * perPage, (page + 1) * perPage) ?? []} send={send} />
            )}
          </>
        )}
      </section>
      <div className="procedures__keys">
        <p className="procedures__hint">{t.noDiacritics}</p>
        <LetterKeyboard send={send} />
      </div>
    </div>
  );
}
