/** Demo mode: what the simulated printer printed, as a picture of the slip, and a paper switch. */
import { useMachine } from '@xstate/react';
import { useT } from '../../i18n/i18n';
import { liveDemoPrinterMachine } from './demo-printer.actors';

export function DemoPrinterPanel({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  const [state, send] = useMachine(liveDemoPrinterMachine);
  const { jobs, paper, failed, open } = state.context;
  const shown = fullPage || open;
  return (
    <aside className={`demo-printer ${fullPage ? 'demo-printer--page' : ''} ${shown ? '' : 'demo-printer--closed'}`} aria-label={t.demoPrinter.heading}>
      {fullPage ? null : (
        <button type="button" className="demo-printer__toggle" aria-expanded={open} onClick={() => send({ type: 'panel.toggle' })}>
          {open ? t.demoPrinter.hide : t.demoPrinter.show}
        </button>
      )}
      {shown ? (
        <>
          <h2 className="demo-printer__heading">{t.demoPrinter.heading}</h2>
          <div className="demo-printer__controls">
            <span>{t.demoPrinter.state(paper)}</span>
            <button type="button" onClick={() => send({ type: 'paper.set', paper: paper === 'out' ? 'ok' : 'out' })}>
              {paper === 'out' ? t.demoPrinter.paperOk : t.demoPrinter.paperOut}
            </button>
          </div>
          {failed ? <p role="alert">{t.demoPrinter.loadFailed}</p> : null}
          {jobs.length === 0 ? <p className="muted">{t.demoPrinter.empty}</p> : null}
          <ol className="demo-printer__jobs">
            {jobs.map((job) => (
              <li key={job.id} className="demo-printer__job">
                {job.imagePng ? <img src={job.imagePng} alt={t.demoPrinter.jobAlt(job.id)} /> : <pre>{job.text}</pre>}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </aside>
  );
}
