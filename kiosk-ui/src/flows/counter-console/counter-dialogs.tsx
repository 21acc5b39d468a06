/** The two dialogs of the counter console (transfer the current ticket, call a particular number), and its parked list. */
import { useState } from 'react';
import type { CounterState, ParkedTicket } from '../../../../shared/counter-schemas';
import { useLang, useT } from '../../i18n/i18n';
import type { CounterConsoleEvent } from './counter-console.machine';

type Send = (e: CounterConsoleEvent) => void;

export function TransferDialog({ view, ticketNumber, send }: { view: CounterState; ticketNumber: string; send: Send }) {
  const t = useT();
  const lang = useLang();
  // "s:<id>" for a service, "c:<id>" for a counter: one choice list, as officers think of "where it goes".
  const [target, setTarget] = useState('');
  const [position, setPosition] = useState<'front' | 'end'>('end');
  const others = view.counters.filter((c) => c.id !== view.counter.id);
  return (
    <div className="console__dialog" role="dialog" aria-modal="true" aria-labelledby="transfer-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const [kind, id] = [target.slice(0, 1), target.slice(2)];
          if (!id) return;
          const to = kind === 's' ? { toServiceId: id, position } : { toCounterId: id, position };
          send({ type: 'command', command: { kind: 'transfer', to } });
        }}
      >
        <h2 id="transfer-heading">{t.counter.transferHeading(ticketNumber)}</h2>
        <fieldset>
          <legend>{t.counter.toService}</legend>
          {view.services.map((s) => (
            <label key={s.id}>
              <input type="radio" name="target" value={`s:${s.id}`} checked={target === `s:${s.id}`} onChange={() => setTarget(`s:${s.id}`)} /> {s.name[lang]}
            </label>
          ))}
        </fieldset>
        {others.length > 0 ? (
          <fieldset>
            <legend>{t.counter.toCounter}</legend>
            {others.map((c) => (
              <label key={c.id}>
                <input type="radio" name="target" value={`c:${c.id}`} checked={target === `c:${c.id}`} onChange={() => setTarget(`c:${c.id}`)} /> {c.name[lang]}
              </label>
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t.counter.positionLegend}</legend>
          <label>
            <input type="radio" name="position" checked={position === 'front'} onChange={() => setPosition('front')} /> {t.counter.positionFront}
          </label>
          <label>
            <input type="radio" name="position" checked={position === 'end'} onChange={() => setPosition('end')} /> {t.counter.positionEnd}
          </label>
        </fieldset>
        <div className="console__dialog-buttons">
          <button type="button" className="console__button" onClick={() => send({ type: 'dialog.cancel' })}>{t.counter.cancel}</button>
          <button type="submit" className="console__button console__button--primary" disabled={target === ''}>{t.counter.confirmTransfer}</button>
        </div>
      </form>
    </div>
  );
}

export function CallNumberDialog({ send }: { send: Send }) {
  const t = useT();
  const [number, setNumber] = useState('');
  return (
    <div className="console__dialog" role="dialog" aria-modal="true" aria-labelledby="call-number-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'command', command: { kind: 'call', number: number.trim().toUpperCase() } });
        }}
      >
        <h2 id="call-number-heading">{t.counter.callNumberHeading}</h2>
        <label htmlFor="call-number">{t.counter.numberLabel}</label>
        <input id="call-number" autoFocus autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} pattern="[A-Za-z]{1,2}[0-9]{3,4}" required />
        <div className="console__dialog-buttons">
          <button type="button" className="console__button" onClick={() => send({ type: 'dialog.cancel' })}>{t.counter.cancel}</button>
          <button type="submit" className="console__button console__button--primary">{t.counter.confirmCall}</button>
        </div>
      </form>
    </div>
  );
}

/** An instant's time of day on the counter PC's clock (the PC is in the centre): "09:30". */
export const clockTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

/** Tickets this counter parked today, each with "Gọi lại" (the counter PC's clock is the centre's). */
export function ParkedList(props: { parked: readonly ParkedTicket[]; serviceName: (id: string) => string; canCallBack: (ticketId: string) => boolean; send: Send }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="console__parked" aria-labelledby="parked-heading">
      <h2 id="parked-heading">{t.counter.parkedHeading}</h2>
      {props.parked.length === 0 ? (
        <p className="console__none">{t.counter.parkedNone}</p>
      ) : (
        <ul>
          {props.parked.map((p) => (
            <li key={p.id} data-testid={`parked-${p.number}`}>
              <span className="console__number">{p.number}</span>
              <span className="console__service">{props.serviceName(p.serviceId)}</span>
              <span className="console__note">{t.counter.parkedSince(clockTime(p.parkedAt, lang))}</span>
              <button
                type="button"
                className="console__button"
                aria-label={t.counter.callBackLabel(p.number)}
                disabled={!props.canCallBack(p.id)}
                onClick={() => props.send({ type: 'command', command: { kind: 'call-back', ticketId: p.id } })}
              >
                {t.counter.callBack}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
