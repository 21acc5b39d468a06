/** The lobby TV's screen from the display machine's state. Reads state only; the page passes the sound lock. */
import type { SnapshotFrom } from 'xstate';
import { useLang, useT } from '../../i18n/i18n';
import { Clock } from '../../ui/clock';
import type { VoiceMode } from './announcer';
import { displayBoard } from './display-board';
import type { lobbyDisplayMachine } from './lobby-display.machine';

export function LobbyDisplayView(props: { state: SnapshotFrom<typeof lobbyDisplayMachine>; soundLocked: boolean; voiceMode: VoiceMode; onUnlock: () => void }) {
  const t = useT();
  const lang = useLang();
  const { state } = props;
  const { snapshot, speaking, queue } = state.context;
  const reconnecting = state.matches({ link: 'reconnecting' });
  if (!snapshot) {
    return (
      <main className="lobby lobby--loading">
        <p role="status">{state.matches({ data: 'failed' }) ? t.display.reconnecting : t.display.loading}</p>
      </main>
    );
  }
  const board = displayBoard(snapshot.calls);
  const speakingTicket = speaking?.call.ticketId;
  return (
    <main className="lobby" onPointerDown={props.soundLocked ? props.onUnlock : undefined}>
      <header className="lobby__header">
        <span className="lobby__center">{snapshot.centerName}</span>
        <h1 className="lobby__title">{t.display.title}</h1>
        <Clock utcOffsetMinutes={snapshot.utcOffsetMinutes} />
      </header>

      <section className="lobby__now" aria-label={t.display.nowCalling}>
        {board.current.length === 0 ? <p className="lobby__empty">{t.display.noCalls}</p> : null}
        {board.current.map((call) => (
          <div key={call.ticketId} className={`lobby__call ${call.ticketId === speakingTicket ? 'lobby__call--speaking' : ''}`} data-testid="current-call">
            <span className="lobby__number">{call.number}</span>
            <span className="lobby__arrow" aria-hidden="true">→</span>
            <span className="lobby__counter">{call.counterName[lang]}</span>
          </div>
        ))}
      </section>

      <aside className="lobby__side">
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t.display.recent}</h2>
          <ol className="lobby__recent">
            {board.earlier.map((call) => (
              <li key={`${call.ticketId}@${call.at}`}>
                <span className="lobby__recent-number">{call.number}</span>
                <span>{call.counterName[lang]}</span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{t.display.waitingHeading}</h2>
          <ul className="lobby__waiting">
            {snapshot.services.map((s) => (
              <li key={s.id} data-service={s.id}>
                <span>{s.prefix} · {s.name[lang]}</span>
                <strong>{t.display.waiting(s.waiting)}</strong>
              </li>
            ))}
          </ul>
        </section>
      </aside>

      <footer className="lobby__status" data-voice={props.voiceMode} data-queued={queue.length} role="status" aria-live="polite">
        {speaking ? <span data-testid="announcing">{t.display.announcing(speaking.text)}</span> : null}
        {queue.length > 0 ? <span>{t.display.queued(queue.length)}</span> : null}
      </footer>

      {reconnecting ? (
        <div className="lobby__reconnecting" role="alert">
          {t.display.reconnecting}
        </div>
      ) : null}
      {props.soundLocked ? (
        <button type="button" className="lobby__unlock" onClick={props.onUnlock}>
          {t.display.enableSound}
        </button>
      ) : null}
    </main>
  );
}
