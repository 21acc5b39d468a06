/** /stats — the statistics page: reads the stats machine, sends events; all IO is in the machine's actors. */
import { useMachine } from '@xstate/react';
import { DateRangeForm } from '../../ui/date-range-form';
import { storedToken } from '../../agent-client/staff-token';
import { errorText } from '../../i18n/error-text';
import { useLang, useT } from '../../i18n/i18n';
import { signInErrorText, StaffSignIn } from '../../ui/staff-sign-in';
import '../../ui/staff-pages.css';
import { liveStaffStatsMachine } from './staff-stats.actors';
import type { StatsView } from './staff-stats.machine';
import { StaffNav } from '../../ui/staff-nav';


export default function StaffStatsPage() {
  const t = useT();
  const [state, send] = useMachine(liveStaffStatsMachine, { input: { token: storedToken() } });
  const { report: view, errorCode } = state.context;
  const stats = view?.stats ?? null;
  if (state.matches('starting') || state.matches('signedOut') || state.matches('signingIn') || (state.matches('loading') && !view)) {
    return (
      <StaffSignIn
        heading={t.stats.signInHeading}
        checking={state.matches('loading') || state.matches('signingIn')}
        error={signInErrorText(t, errorCode, state.context.refusal)}
        onSubmit={(c) => send({ type: 'credentials.submitted', username: c.username, password: c.password })}
      />
    );
  }
  if (state.matches('failed') || !view || !stats) {
    return (
      <main className="console console--message">
        <p role="alert">{errorText(t.stats.errors, errorCode) ?? t.stats.failed}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'retry' })}>{t.stats.retry}</button>
      </main>
    );
  }
  const busy = state.matches('loading') || state.matches({ ready: 'saving' });
  return (
    <main className="console stats" aria-busy={busy}>
      <header className="console__header">
        <h1>{t.stats.title}</h1>
        <button type="button" className="console__link" onClick={() => send({ type: 'signOut' })}>{t.stats.signOut}</button>
      </header>
      <StaffNav current="stats" />
      <DateRangeForm labels={{ from: t.stats.from, to: t.stats.to, show: t.stats.show }} key={`${stats.from}_${stats.to}`} from={stats.from} to={stats.to} disabled={busy} onShow={(from, to) => send({ type: 'range.set', from, to })} />
      <p className="console__feedback" role="status" aria-live="polite">
        {state.matches('loading') ? t.stats.loading : state.matches({ ready: 'saving' }) ? t.stats.saving : errorCode ? <span className="console__error">{errorText(t.stats.errors, errorCode)}</span> : state.context.saved ? t.stats.saved : null}
      </p>
      <button type="button" className="console__button stats__csv" disabled={busy} onClick={() => send({ type: 'csv.save' })}>{t.stats.saveCsv}</button>
      <ServiceTable view={view} />
      <CounterTable view={view} />
    </main>
  );
}

function ServiceTable({ view }: { view: StatsView }) {
  const t = useT();
  const lang = useLang();
  const { stats } = view;
  const m = (v: number | null) => (v === null ? t.stats.noValue : t.stats.minutes(v));
  return (
    <section aria-labelledby="by-service">
      <h2 id="by-service">{t.stats.byService}</h2>
      {stats.services.length === 0 ? <p>{t.stats.empty}</p> : null}
      {stats.services.length > 0 ? (
        <table className="stats__table">
          <thead>
            <tr>
              {[t.stats.day, t.stats.service, t.stats.issued, t.stats.served, t.stats.noShows, t.stats.averageWait, t.stats.longestWait, t.stats.averageService].map((h) => <th key={h} scope="col">{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {stats.services.map((s) => (
              <tr key={`${s.day}-${s.serviceId}`}>
                <td>{s.day}</td>
                <td>{view.serviceNames[s.serviceId]?.[lang] ?? s.serviceId}</td>
                <td>{s.issued}</td>
                <td>{s.served}</td>
                <td>{s.noShows}</td>
                <td>{m(s.averageWaitMinutes)}</td>
                <td>{m(s.longestWaitMinutes)}</td>
                <td>{m(s.averageServiceMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function CounterTable({ view }: { view: StatsView }) {
  const t = useT();
  const lang = useLang();
  const { stats } = view;
  const levels = stats.ratingScale === 5 ? t.pickup.ratingLevels5 : t.pickup.ratingLevels3;
  return (
    <section aria-labelledby="by-counter">
      <h2 id="by-counter">{t.stats.byCounter}</h2>
      {stats.counters.length === 0 ? <p>{t.stats.empty}</p> : null}
      {stats.counters.length > 0 ? (
        <table className="stats__table">
          <thead>
            <tr>
              {[t.stats.day, t.stats.counter, t.stats.served, t.stats.noShows, t.stats.averageService, t.stats.ratings].map((h) => <th key={h} scope="col">{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {stats.counters.map((c) => (
              <tr key={`${c.day}-${c.counterId}`}>
                <td>{c.day}</td>
                <td>{view.counterNames[c.counterId]?.[lang] ?? c.counterId}</td>
                <td>{c.served}</td>
                <td>{c.noShows}</td>
                <td>{c.averageServiceMinutes === null ? t.stats.noValue : t.stats.minutes(c.averageServiceMinutes)}</td>
                <td>{levels.map((name, i) => t.stats.ratingCount(name, c.ratings[String(i + 1)] ?? 0)).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
