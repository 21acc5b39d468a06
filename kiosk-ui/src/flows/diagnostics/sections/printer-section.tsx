/** The printer: its state, its own status replies and their bits, and the test prints. */
import { useT } from '../../../i18n/i18n';
import { DeviceCard } from './device-card';
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`;

export function PrinterSection({ data, context, busy, send }: SectionProps<DataOf<'printer'>>) {
  const t = useT();
  return (
    <>
      <DeviceCard name={t.diag.device.printer} d={data} />
      <p>
        {t.diag.printerInterface}: {data.interface} · {t.diag.printerText}: {data.text === 'cp1258' ? `cp1258 (ESC t ${data.codePage})` : 'raster'}
      </p>
      {data.status ? (
        <section className="diag__card" aria-label={t.diag.statusBytes}>
          <p>
            {t.diag.statusBytes}: <code>1 → {hex(data.status.printerStatus)}</code> · <code>4 → {hex(data.status.paperSensor)}</code>
            {data.status.offlineCause !== undefined ? <> · <code>2 → {hex(data.status.offlineCause)}</code></> : null}
          </p>
          <ul className="diag__bits">
            {(Object.keys(data.status.bits) as (keyof typeof data.status.bits)[]).map((b) => (
              <li key={b} data-on={data.status!.bits[b]}>
                {t.diag.bits[b]}: {data.status!.bits[b] ? t.diag.bitOn : t.diag.bitOff}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>{t.diag.noStatus}</p>
      )}
      <div className="diag__actions">
        <button type="button" className="console__button console__button--primary" disabled={busy} onClick={() => send({ type: 'action', action: { kind: 'test-print', print: 'sample' } })}>{t.diag.testPrint}</button>
        <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'action', action: { kind: 'test-print', print: 'code-page' } })}>{t.diag.testCodePage}</button>
      </div>
      {context.result?.action === 'test-print' ? <p role="status">{t.diag.printed}</p> : null}
    </>
  );
}
