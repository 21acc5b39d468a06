/**
 * Demo mode: the simulated printer's slips and paper switch, sample slips to scan (the one owing a fee with the
 * simulated bank's button), open locker doors to shut.
 */
import { useMachine } from '@xstate/react';
import { useT } from '../../i18n/i18n';
import { liveDemoDevicesMachine } from './demo-devices.actors';
import { DemoBankButton, DemoBankOutcome } from './demo-bank-button';
import { SAMPLE_APPOINTMENT, SAMPLE_SLIPS } from './sample-slips';

export function DemoDevicesPanel({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  const [state, send] = useMachine(liveDemoDevicesMachine);
  const { jobs, paper, failed, open, lastScan, openLocks, bankResult, bankFailed } = state.context;
  const shown = fullPage || open;
  const doors = openLocks.flatMap((b) => b.open.map((lock) => ({ board: b.address, lock })));
  return (
    <aside className={`demo-printer ${fullPage ? 'demo-printer--page' : ''} ${shown ? '' : 'demo-printer--closed'}`} aria-label={t.demoDevices.panel}>
      {fullPage ? (
        <h1 className="demo-printer__title">{t.demoDevices.panel}</h1>
      ) : (
        <button type="button" className="demo-printer__toggle" aria-expanded={open} onClick={() => send({ type: 'panel.toggle' })}>
          {open ? t.demoPrinter.hide : t.demoPrinter.show}
        </button>
      )}
      {shown ? (
        <>
          {failed ? <p role="alert">{t.demoPrinter.loadFailed}</p> : null}
          <section aria-label={t.demoDevices.scannerHeading}>
            <h2 className="demo-printer__heading">{t.demoDevices.scannerHeading}</h2>
            <div className="demo-printer__buttons">
              {[...SAMPLE_SLIPS, SAMPLE_APPOINTMENT].map((slip) => (
                <div key={slip.code} className="demo-printer__slip">
                  <button type="button" onClick={() => send({ type: 'scan.send', code: slip.scanText })}>
                    {slip.appointment ? t.demoDevices.scanAppointment(slip.code) : t.demoDevices.scanSample(slip.code)}
                  </button>
                  <span>
                    {slip.label}
                    {slip.fee > 0 ? ` · ${t.demoDevices.feeUnpaid(t.pay.amount(slip.fee))}` : ''}
                    {slip.pickupCode ? ` · ${t.demoDevices.pickupCode(slip.pickupCode)}` : ''}
                  </span>
                  {/* Beside its slip: the visitor who scanned it finds the bank where the slip is. */}
                  {slip.fee > 0 ? <DemoBankButton slip={slip} paying={state.matches({ bank: 'paying' })} onPay={() => send({ type: 'bank.pay', dossierCode: slip.code })} /> : null}
                </div>
              ))}
            </div>
            {lastScan ? <p className="demo-printer__scan" role="status">{t.demoDevices.lastScan(lastScan)}</p> : null}
            <DemoBankOutcome result={bankResult} failed={bankFailed} />
          </section>
          <section aria-label={t.demoDevices.lockerHeading}>
            <h2 className="demo-printer__heading">{t.demoDevices.lockerHeading}</h2>
            {doors.length === 0 ? <p className="muted">{t.demoDevices.noOpenDoors}</p> : null}
            <div className="demo-printer__buttons">
              {doors.map((d) => (
                <button key={`${d.board}-${d.lock}`} type="button" onClick={() => send({ type: 'door.close', ...d })}>
                  {t.demoDevices.closeDoor(d.board, d.lock)}
                </button>
              ))}
            </div>
          </section>
          <section aria-label={t.demoPrinter.heading}>
            <h2 className="demo-printer__heading">{t.demoPrinter.heading}</h2>
            <div className="demo-printer__controls">
              <span>{t.demoPrinter.state(paper)}</span>
              <button type="button" onClick={() => send({ type: 'paper.set', paper: paper === 'out' ? 'ok' : 'out' })}>
                {paper === 'out' ? t.demoPrinter.paperOk : t.demoPrinter.paperOut}
              </button>
            </div>
            {jobs.length === 0 ? <p className="muted">{t.demoPrinter.empty}</p> : null}
            <ol className="demo-printer__jobs">
              {jobs.map((job) => (
                <li key={job.id} className="demo-printer__job">
                  {job.imagePng ? <img src={job.imagePng} alt={t.demoPrinter.jobAlt(job.id)} /> : <pre>{job.text}</pre>}
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </aside>
  );
}
