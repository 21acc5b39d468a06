/** The counter console's screens, chosen from the machine's state. Reads state, sends events; no IO. */
import type { SnapshotFrom } from 'xstate';
import { useLang, useT } from '../../i18n/i18n';
import { errorText } from '../../i18n/error-text';
import { signInErrorText, StaffSignIn } from '../../ui/staff-sign-in';
import { CallNumberDialog, clockTime, ParkedList, TransferDialog } from './counter-dialogs';
import { COUNTER_SHORTCUTS } from './counter-shortcuts';
import { commandAllowed, type CounterConsoleEvent, type counterConsoleMachine } from './counter-console.machine';
import { StaffNav } from '../../ui/staff-nav';

export type CounterSnapshot = SnapshotFrom<typeof counterConsoleMachine>;
export interface CounterViewProps {
  state: CounterSnapshot;
  send: (event: CounterConsoleEvent) => void;
}

const ACTION_KIND = { recall: 'recall', start: 'start', finish: 'finish', noShow: 'no-show', park: 'park' } as const;

export function CounterConsoleView({ state, send }: CounterViewProps) {
  const t = useT();
  const lang = useLang();
  const { context } = state;
  if (state.matches('starting') || state.matches('signedOut') || state.matches('verifying') || state.matches('signingIn') || state.matches('signingOut')) {
    return (
      <StaffSignIn
        heading={`${t.counter.signInHeading} · ${context.counterId}`}
        checking={state.matches('verifying') || state.matches('signingIn')}
        error={signInErrorText(t, context.errorCode, context.refusal)}
        onSubmit={(c) => send({ type: 'credentials.submitted', username: c.username, password: c.password })}
      />
    );
  }
  if (state.matches('unknownCounter')) return <main className="console console--message"><p role="alert">{t.counter.unknownCounter(context.counterId)}</p></main>;
  if (state.matches('unreachable') || !context.view) {
    return (
      <main className="console console--message">
        <p role="alert">{t.counter.unreachable}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'retry' })}>{t.issueFailed.retry}</button>
      </main>
    );
  }

  const view = context.view;
  const current = view.current;
  const busy = state.matches({ ready: 'acting' });
  const serviceName = (id: string) => view.services.find((s) => s.id === id)?.name[lang] ?? id;
  const notice = context.notice ? t.counter.done[context.notice.kind](context.notice.number) : null;
  const error = errorText(t.counter.errors, context.errorCode);
  const canRun = (kind: Parameters<typeof commandAllowed>[0]) => !busy && commandAllowed(kind, view);
  const keyOf = (action: string) => COUNTER_SHORTCUTS.find((s) => s.action === action)?.key ?? '';

  return (
    <main className="console" aria-busy={busy}>
      <header className="console__header">
        <h1>{t.counter.title(view.counter.name[lang])}</h1>
        {context.officer ? <p className="console__officer" data-testid="console-officer">{t.counter.signedInAs(context.officer.name)}</p> : null}
        <button type="button" className="console__link" onClick={() => send({ type: 'signOut' })}>{t.counter.signOut}</button>
      </header>
      <StaffNav newTab />
      {context.connected ? null : <p className="console__offline" role="status">{t.counter.offline}</p>}

      <section className="console__current" aria-labelledby="current-heading">
        <h2 id="current-heading">{t.counter.current}</h2>
        {current ? (
          <div className="console__ticket" data-ticket-status={current.status}>
            <span className="console__number" data-testid="current-number">{current.number}</span>
            <span className="console__status">{t.counter.status[current.status]}</span>
            <span className="console__service">{serviceName(current.serviceId)}</span>
            {current.priority ? <span className="console__priority">{t.counter.priority}</span> : null}
            {current.bookedAt ? <span className="console__priority" data-testid="current-booked">{t.counter.booked(clockTime(current.bookedAt, lang))}</span> : null}
            {current.queueServiceId ? <span className="console__note">{t.counter.transferredFrom(serviceName(current.serviceId))}</span> : null}
          </div>
        ) : null}
        {current && (current.status === 'called' || current.status === 'serving') ? (
          <div className="console__dossier">
            <label htmlFor="console-dossier">{t.counter.dossierLabel}</label>
            <input
              id="console-dossier"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              value={context.dossierCode}
              aria-describedby="console-dossier-hint"
              onInput={(e) => send({ type: 'dossier.typed', code: (e.target as HTMLInputElement).value })}
            />
            <span id="console-dossier-hint" className="console__note">{t.counter.dossierHint}</span>
          </div>
        ) : null}
        {current ? null : <p className="console__none">{t.counter.none}</p>}
      </section>

      <section className="console__actions" aria-label={t.counter.shortcutsHeading}>
        <ActionButton label={t.counter.actions.callNext} keyName={keyOf('callNext')} primary disabled={!canRun('call-next')} onPress={() => send({ type: 'command', command: { kind: 'call-next' } })} />
        {(Object.keys(ACTION_KIND) as (keyof typeof ACTION_KIND)[]).map((action) => (
          <ActionButton
            key={action}
            label={t.counter.actions[action]}
            keyName={keyOf(action)}
            disabled={!canRun(ACTION_KIND[action])}
            onPress={() => send({ type: 'command', command: { kind: ACTION_KIND[action] } })}
          />
        ))}
        <ActionButton label={t.counter.actions.transfer} keyName={keyOf('transfer')} disabled={!canRun('transfer')} onPress={() => send({ type: 'dialog.transfer' })} />
        <ActionButton label={t.counter.actions.callNumber} keyName={keyOf('callNumber')} disabled={busy} onPress={() => send({ type: 'dialog.callNumber' })} />
      </section>

      <p className="console__feedback" role="status" aria-live="polite">
        {busy ? t.counter.busy : error ? <span className="console__error">{error}</span> : notice}
      </p>

      <section className="console__queues" aria-labelledby="queues-heading">
        <h2 id="queues-heading">{t.counter.queuesHeading}</h2>
        <ul>
          {view.queues.map((q) => (
            <li key={q.serviceId} data-service={q.serviceId}>
              <span className="console__queue-name">{q.prefix} · {q.name[lang]}</span>
              <span className="console__queue-count" data-testid={`waiting-${q.serviceId}`}>{t.counter.waiting(q.waiting)}</span>
              {q.priorityWaiting > 0 ? <span className="console__queue-priority">{t.counter.priorityWaiting(q.priorityWaiting)}</span> : null}
            </li>
          ))}
          {view.directWaiting > 0 ? (
            <li data-service="direct">
              <span className="console__queue-name">{t.counter.direct}</span>
              <span className="console__queue-count">{t.counter.waiting(view.directWaiting)}</span>
            </li>
          ) : null}
        </ul>
      </section>

      <ParkedList parked={view.parked} serviceName={serviceName} canCallBack={(id) => canRun('call-back') && commandAllowed('call-back', view, id)} send={send} />

      {state.matches({ ready: 'transferDialog' }) && current ? <TransferDialog view={view} ticketNumber={current.number} send={send} /> : null}
      {state.matches({ ready: 'callNumberDialog' }) ? <CallNumberDialog send={send} /> : null}
    </main>
  );
}

function ActionButton(props: { label: string; keyName: string; disabled: boolean; primary?: boolean; onPress: () => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className={`console__button ${props.primary ? 'console__button--primary' : ''}`}
      disabled={props.disabled}
      aria-keyshortcuts={props.keyName}
      onClick={props.onPress}
    >
      <span>{props.label}</span>
      <kbd title={t.counter.shortcut(props.keyName)}>{props.keyName}</kbd>
    </button>
  );
}
