/** The overview: every device with what to check, the self-test (printable) and the support bundle. */
import { useT } from '../../../i18n/i18n';
import { DeviceCard } from './device-card';
import type { DataOf } from '../diagnostics.types';
import type { SectionProps } from './section-props';

export function OverviewSection({ data, context, busy, send }: SectionProps<DataOf<'overview'>>) {
  const t = useT();
  const report = context.result?.action === 'self-test' ? context.result.value : null;
  const exported = context.result?.action === 'export-bundle' ? context.result.value.fileName : null;
  return (
    <>
      <p>
        {t.diag.version} {data.version} · {t.diag.uptime(Math.floor(data.uptimeSeconds / 60))} · {t.diag.store((data.store.bytes / 1048576).toFixed(1))}
      </p>
      <DeviceCard name={t.diag.device.printer} d={data.devices.printer} />
      <DeviceCard name={t.diag.device.scanner} d={data.devices.scanner} />
      <DeviceCard name={t.diag.device.locker} d={data.devices.locker} />
      <div className="diag__actions">
        <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'action', action: { kind: 'self-test', print: false } })}>{t.diag.selfTest}</button>
        <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'action', action: { kind: 'self-test', print: true } })}>{t.diag.selfTestPrint}</button>
        <button type="button" className="console__button" disabled={busy} onClick={() => send({ type: 'action', action: { kind: 'export-bundle' } })}>{t.diag.exportBundle}</button>
      </div>
      {exported ? <p role="status">{t.diag.exported(exported)}</p> : null}
      {report ? (
        <section className="diag__card" aria-label={t.diag.selfTest}>
          <p role="status">{report.ok ? t.diag.selfTestOk : t.diag.selfTestFailed(report.checks.filter((c) => !c.ok).length)}</p>
          <ul className="diag__checks">
            {report.checks.map((c) => (
              <li key={c.name} data-ok={c.ok}>
                <strong>{c.ok ? '✓' : '✗'} {c.name}</strong>: {c.detail}
                {c.ok ? null : <ul>{c.advice.map((a) => <li key={a}>{a}</li>)}</ul>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
