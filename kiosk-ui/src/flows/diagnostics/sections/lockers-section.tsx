/** The lockers grid: every compartment's door as its board reports it, the dossier inside; open one or all. */
import { useState } from 'react';
import { useT } from '../../../i18n/i18n';
import { DeviceCard } from './device-card';
import { ReasonDialog } from './reason-dialog';
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

export function LockersSection({ data, context, busy, send }: SectionProps<DataOf<'lockers'>>) {
  const t = useT();
  const [confirmAll, setConfirmAll] = useState(false);
  const ask = context.needsReason;
  const opened = context.result?.action === 'open-compartment' ? (context.result.value as { lock: number }).lock : null;
  const openedAll = context.result?.action === 'open-all' ? (context.result.value as { opened: number; failed: unknown[] }) : null;
  return (
    <>
      <DeviceCard name={t.diag.device.locker} d={data.status} />
      {opened !== null ? <p role="status">{t.diag.opened(opened)}</p> : null}
      {openedAll ? <p role="status">{t.diag.openedAll(openedAll.opened, openedAll.failed.length)}</p> : null}
      <div className="diag__actions">
        <button type="button" className="console__button" disabled={busy} onClick={() => setConfirmAll(true)}>{t.diag.openAll}</button>
      </div>
      {confirmAll ? (
        <ReasonDialog
          id="diag-all"
          heading={t.diag.openAllHeading}
          warning={t.diag.openAllWarning}
          submitLabel={t.diag.openAllSubmit}
          onSubmit={(reason) => {
            send({ type: 'action', action: { kind: 'open-all', reason } });
            setConfirmAll(false);
          }}
          onCancel={() => setConfirmAll(false)}
        />
      ) : null}
      {data.boards.map((b) => (
        <section key={b.address} className="diag__card">
          <h3>
            {t.diag.board(b.address)}
            {b.answered ? null : ` — ${t.diag.boardSilent} (${b.error?.code ?? ''})`}
          </h3>
          <div className="diag__grid">
            {data.compartments
              .filter((c) => c.board === b.address)
              .map((c) => (
                <div key={c.lock} className="diag__compartment" data-open={c.open === true}>
                  <span>{t.diag.compartment(c.lock)}</span>
                  <span>{c.open === null ? t.diag.doorUnknown : c.open ? t.diag.doorOpen : t.diag.doorShut}</span>
                  {c.dossierCode ? <small>{c.dossierCode}</small> : null}
                  <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'action', action: { kind: 'open-compartment', board: c.board, lock: c.lock } })}>
                    {t.diag.open} {c.lock}
                  </button>
                </div>
              ))}
          </div>
        </section>
      ))}
      {ask ? (
        <ReasonDialog
          id="diag-one"
          heading={t.diag.reasonHeading(ask.dossierCode)}
          submitLabel={t.diag.reasonSubmit}
          onSubmit={(reason) => send({ type: 'action', action: { kind: 'open-compartment', board: ask.board, lock: ask.lock, reason } })}
          onCancel={() => send({ type: 'reason.cancel' })}
        />
      ) : null}
    </>
  );
}
