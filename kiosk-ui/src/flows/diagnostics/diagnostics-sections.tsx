/** The diagnostics screens, one per section: what the agent sent, and the section's actions. */
import { useState } from 'react';
import type { z } from 'zod';
import type {
  AuditListSchema,
  DeviceDiagnosis,
  DiagnosticsOverview,
  LockerGridSchema,
  LogTailSchema,
  PrinterDiagnosisSchema,
  ScannerDiagnosisSchema,
  SelfTestReport,
  SerialPortListSchema,
} from '../../../../shared/diagnostics-schemas';
import { useT } from '../../i18n/i18n';
import type { DiagnosticsContext, DiagnosticsEvent } from './diagnostics.machine';

type Send = (e: DiagnosticsEvent) => void;

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`;

function DeviceCard({ name, d }: { name: string; d: DeviceDiagnosis }) {
  const t = useT();
  return (
    <section className="diag__card" data-state={d.state}>
      <h3>
        {name}: <span className="diag__state">{t.diag.state[d.state]}</span> <small>({d.driver})</small>
      </h3>
      {d.lastError ? <p>{t.diag.lastError}: {d.lastError}</p> : null}
      {d.advice.length > 0 ? (
        <>
          <p className="diag__check">{t.diag.check}:</p>
          <ul>{d.advice.map((a) => <li key={a}>{a}</li>)}</ul>
        </>
      ) : null}
    </section>
  );
}

function Overview({ data, context, busy, send }: { data: DiagnosticsOverview; context: DiagnosticsContext; busy: boolean; send: Send }) {
  const t = useT();
  const report = context.result?.action === 'self-test' ? (context.result.value as SelfTestReport) : null;
  const exported = context.result?.action === 'export-bundle' ? (context.result.value as { fileName: string }).fileName : null;
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

function Printer({ data, context, busy, send }: { data: z.infer<typeof PrinterDiagnosisSchema>; context: DiagnosticsContext; busy: boolean; send: Send }) {
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

function Scanner({ data }: { data: z.infer<typeof ScannerDiagnosisSchema> }) {
  const t = useT();
  return (
    <>
      <DeviceCard name={t.diag.device.scanner} d={data.status} />
      <p>{t.diag.scannerHint}</p>
      {data.recent.length === 0 ? <p>{t.diag.noScans}</p> : null}
      <ul className="diag__frames">
        {data.recent.map((f, i) => (
          <li key={`${f.at}-${i}`}>
            <strong>{f.accepted ? t.diag.accepted : t.diag.refused}</strong> {f.code ?? f.reason} <code>{f.hex}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Asks why before a compartment opens: the reason goes to the audit trail (at least 3 characters). */
function ReasonDialog(props: { id: string; heading: string; warning?: string; submitLabel: string; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <div className="diag__dialog" role="dialog" aria-modal="true" aria-labelledby={`${props.id}-heading`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(reason.trim());
        }}
      >
        <h3 id={`${props.id}-heading`}>{props.heading}</h3>
        {props.warning ? <p>{props.warning}</p> : null}
        <label htmlFor={`${props.id}-reason`}>{t.diag.reasonLabel}</label>
        <input id={`${props.id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        <div className="diag__actions">
          <button type="submit" className="console__button console__button--primary" disabled={reason.trim().length < 3}>{props.submitLabel}</button>
          <button type="button" className="console__button" onClick={props.onCancel}>{t.diag.cancel}</button>
        </div>
      </form>
    </div>
  );
}

function Lockers({ data, context, busy, send }: { data: z.infer<typeof LockerGridSchema>; context: DiagnosticsContext; busy: boolean; send: Send }) {
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

function Ports({ data }: { data: z.infer<typeof SerialPortListSchema> }) {
  const t = useT();
  return (
    <>
      <p>{t.diag.portsSource(data.source)}{data.note ? ` — ${data.note}` : ''}</p>
      {data.ports.length === 0 ? <p>{t.diag.noPorts}</p> : null}
      <ul>{data.ports.map((p) => <li key={p.path}><code>{p.byId ?? p.path}</code> {p.manufacturer ?? ''}</li>)}</ul>
      <h3>{t.diag.configured}</h3>
      <ul>{data.configured.map((c) => <li key={c.path}>{c.usedBy}: <code>{c.path}</code> — {c.present ? t.diag.present : t.diag.absent}</li>)}</ul>
    </>
  );
}

function Log({ data }: { data: z.infer<typeof LogTailSchema> }) {
  return <pre className="diag__log">{data.lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}</pre>;
}

function Audit({ data }: { data: z.infer<typeof AuditListSchema> }) {
  return (
    <ul className="diag__audit">
      {data.map((e) => (
        <li key={e.id}>
          <code>{e.at}</code> {e.action} — {e.outcome} {e.detail ? <small>{JSON.stringify(e.detail)}</small> : null}
        </li>
      ))}
    </ul>
  );
}

export function SectionView({ context, busy, send }: { context: DiagnosticsContext; busy: boolean; send: Send }) {
  const t = useT();
  const data = context.data;
  if (data === null) return busy ? <p>{t.diag.loading}</p> : null;
  switch (context.section) {
    case 'overview':
      return <Overview data={data as DiagnosticsOverview} context={context} busy={busy} send={send} />;
    case 'printer':
      return <Printer data={data as z.infer<typeof PrinterDiagnosisSchema>} context={context} busy={busy} send={send} />;
    case 'scanner':
      return <Scanner data={data as z.infer<typeof ScannerDiagnosisSchema>} />;
    case 'lockers':
      return <Lockers data={data as z.infer<typeof LockerGridSchema>} context={context} busy={busy} send={send} />;
    case 'ports':
      return <Ports data={data as z.infer<typeof SerialPortListSchema>} />;
    case 'log':
      return <Log data={data as z.infer<typeof LogTailSchema>} />;
    case 'audit':
      return <Audit data={data as z.infer<typeof AuditListSchema>} />;
  }
}
