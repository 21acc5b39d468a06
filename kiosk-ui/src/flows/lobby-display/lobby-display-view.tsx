/**
 * The lobby TV's screen from the display machine's state: a tile per counter of its zone (a page of them when they
 * do not all fit at the readable size), the waiting panel, the status line. Reads state only; the page passes the
 * sound lock. Every size comes from the layout (display-layout.ts) as CSS variables.
 */
import type { CSSProperties } from 'react';
import type { SnapshotFrom } from 'xstate';
import { CATALOGUES, useLang, useT } from '../../i18n/i18n';
import { Clock } from '../../ui/clock';
import type { VoiceMode } from './announcer';
import { CounterTiles } from './counter-tiles';
import { zoneBoard } from './display-board';
import type { DisplayLayout } from './display-layout';
import { pageLabel, pageSlice, shownPage } from './display-paging';
import { layoutOf } from './lobby-display.context';
import type { lobbyDisplayMachine } from './lobby-display.machine';
import { WaitingPanel } from './waiting-panel';

const px = (n: number) => `${Math.floor(n)}px`;

function layoutStyle(l: DisplayLayout): CSSProperties {
  return {
    '--u': `${l.unit}px`,
    '--pad': px(l.pad),
    '--gap': px(l.gap),
    '--header': px(l.header),
    '--footer': px(l.footer),
    '--tiles-w': px(l.tilesArea.width),
    '--tiles-h': px(l.tilesArea.height),
    '--panel-w': px(l.panelArea.width),
    '--panel-h': px(l.panelArea.height),
    '--cols': l.tiles.columns,
    '--rows': l.tiles.rows,
    '--number': px(l.numberPx),
    '--label': px(l.labelPx),
    '--officer': px(l.officerPx),
    '--svc-cols': l.services.columns,
    '--svc-row': px(l.services.rowPx),
    '--svc-heading': px(l.services.headingPx),
    '--svc-name-lines': l.services.nameLines,
  } as CSSProperties;
}

/** The address names no display: said full screen, in Vietnamese first, then in English. */
function UnknownDisplay({ id }: { id: string }) {
  return (
    <main className="lobby-message" role="alert">
      <h1>{CATALOGUES.vi.display.unknownDisplay(id)}</h1>
      <p>{CATALOGUES.vi.display.unknownDisplayHint}</p>
      <p lang="en" className="lobby-message__en">
        {CATALOGUES.en.display.unknownDisplay(id)} {CATALOGUES.en.display.unknownDisplayHint}
      </p>
    </main>
  );
}

export function LobbyDisplayView(props: { state: SnapshotFrom<typeof lobbyDisplayMachine>; soundLocked: boolean; voiceMode: VoiceMode; onUnlock: () => void }) {
  const t = useT();
  const lang = useLang();
  const { state } = props;
  const { snapshot, speaking, queue, zone, page } = state.context;
  const reconnecting = state.matches({ link: 'reconnecting' });
  if (state.matches({ data: 'unknownDisplay' })) return <UnknownDisplay id={state.context.displayId ?? ''} />;
  if (!snapshot) {
    const failed = state.matches({ data: 'failed' }) || state.matches({ data: 'zoneFailed' });
    return (
      <main className="lobby-message">
        <p role="status">{failed ? t.display.reconnecting : t.display.loading}</p>
      </main>
    );
  }
  const layout = layoutOf(state.context);
  const board = zoneBoard(snapshot, zone);
  const tilePage = shownPage(page.tiles, layout.tiles.pages);
  const servicePage = shownPage(page.services, layout.services.pages);
  const tilesLabel = pageLabel(tilePage, layout.tiles.pages);
  return (
    <main className={`lobby lobby--${layout.orientation}`} style={layoutStyle(layout)} onPointerDown={props.soundLocked ? props.onUnlock : undefined}>
      <header className="lobby__header">
        <div className="lobby__names">
          <span className="lobby__center">{snapshot.centerName}</span>
          {zone ? <span className="lobby__zone">{zone.name[lang]}</span> : null}
        </div>
        <h1 className="lobby__title">{t.display.title}</h1>
        {tilesLabel ? (
          <span className="lobby__page" data-testid="tile-page">
            {t.display.page(tilesLabel)}
          </span>
        ) : null}
        <Clock utcOffsetMinutes={snapshot.utcOffsetMinutes} />
      </header>

      <div className="lobby__body">
        <CounterTiles
          tiles={pageSlice(board.tiles, tilePage, layout.tiles.perPage)}
          latest={board.latest}
          speakingTicketId={speaking?.call.ticketId}
          officerLine={layout.officerPx > 0}
        />
        <WaitingPanel services={pageSlice(board.services, servicePage, layout.services.perPage)} pageLabel={pageLabel(servicePage, layout.services.pages)} />
      </div>

      <footer className="lobby__status" data-voice={props.voiceMode} data-queued={queue.length} role="status" aria-live="polite">
        {board.latest === null ? <span>{t.display.noCalls}</span> : null}
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
