/**
 * The accounts on /admin/staff: a table at a desk PC, a card per account on an upright tablet or a narrow window
 * (staff-admin.css, a container query on the list's own width). One markup for both, so what a supervisor can do
 * does not depend on the screen: the cards are the table's rows laid out again, each cell labelled by its column
 * (`data-label`). The table roles are stated explicitly because a browser may drop a table's semantics once its
 * rows are no longer displayed as table rows.
 */
import type { AccountView } from '../../../../shared/staff-schemas';
import { useT } from '../../i18n/i18n';
import type { StaffAdminContext, StaffAdminEvent } from './staff-admin.machine';
import './staff-admin.css';

type T = ReturnType<typeof useT>;

/** "Quầy 2, Không gắn quầy (2 phiên)": each place once, with how many sessions when more than one. */
function signedInText(t: T, at: (string | null)[]): string {
  if (at.length === 0) return t.admin.notSignedIn;
  const counts = new Map<string | null, number>();
  for (const c of at) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => t.admin.sessions(c === null ? t.admin.noCounter : t.admin.atCounter(c), n)).join(', ');
}

function stateOf(a: AccountView): keyof T['admin']['states'] {
  if (a.disabled) return 'disabled';
  if (a.locked) return 'locked';
  return 'active';
}

export function AccountList({ context, idle, send }: { context: StaffAdminContext; idle: boolean; send: (event: StaffAdminEvent) => void }) {
  const t = useT();
  const accounts = context.accounts ?? [];
  const columns = [t.admin.username, t.admin.name, t.admin.role, t.admin.state, t.admin.signedIn, t.admin.actions];
  return (
    <section className="admin__accounts" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" className="admin__heading">{t.admin.accountsHeading}</h2>
      {accounts.length === 0 ? <p>{t.admin.empty}</p> : null}
      {accounts.length > 0 ? (
        // Focusable so a keyboard can scroll the table should it still be wider than the screen.
        <div className="admin__scroll" role="region" aria-labelledby="accounts-heading" tabIndex={0}>
          <table className="stats__table admin__table" role="table">
            <thead role="rowgroup">
              <tr role="row">
                {columns.map((h) => <th key={h} scope="col" role="columnheader">{h}</th>)}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {accounts.map((a) => {
                const self = a.id === context.me?.id;
                const state = stateOf(a);
                return (
                  <tr key={a.id} role="row" className="admin__account" data-account={a.username}>
                    <td role="cell" className="admin__cell admin__cell--username" data-label={t.admin.username}>
                      <span>
                        {a.username} {self ? <span className="admin__you">{t.admin.you}</span> : null}
                      </span>
                    </td>
                    <td role="cell" className="admin__cell admin__cell--name">{a.name}</td>
                    <td role="cell" className="admin__cell admin__cell--role" data-label={t.admin.role}>{t.admin.roles[a.role]}</td>
                    <td role="cell" className="admin__cell admin__cell--state">
                      <span className="admin__state" data-state={state}>{t.admin.states[state]}</span>
                    </td>
                    <td role="cell" className="admin__cell admin__cell--signed-in" data-label={t.admin.signedIn} data-testid="signed-in-at">{signedInText(t, a.signedInAt)}</td>
                    <td role="cell" className="admin__cell admin__cell--actions">
                      {self ? null : (
                        <div className="admin__row-actions">
                          <button
                            type="button"
                            className="console__button"
                            disabled={!idle}
                            aria-label={a.disabled ? t.admin.enableLabel(a.username) : t.admin.disableLabel(a.username)}
                            onClick={() => send({ type: 'disable.ask', accountId: a.id, disabled: !a.disabled })}
                          >
                            {a.disabled ? t.admin.enable : t.admin.disable}
                          </button>
                          <button type="button" className="console__button" disabled={!idle} aria-label={t.admin.resetLabel(a.username)} onClick={() => send({ type: 'password.open', accountId: a.id })}>
                            {t.admin.resetPassword}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
