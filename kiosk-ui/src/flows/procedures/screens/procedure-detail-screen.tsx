/**
 * One procedure (its name is the screen's heading): the papers to bring (numbered), time limit, fee, agency, where to submit, its public page as a QR,
 * "Lấy số cho thủ tục này" (its field's service) and "In danh sách giấy tờ" with what the printer did. Reads state,
 * sends events.
 */
import { lazy, Suspense } from 'react';
import { useLang, useT } from '../../../i18n/i18n';
import { errorText } from '../../../i18n/error-text';
import { BigButton } from '../../../ui/big-button';
import type { ProceduresScreenProps } from './procedures-screen-props';

// The QR encoder stays out of the kiosk's first load (as on the ticket screen): fetched when a procedure is opened.
const QrCode = lazy(() => import('../../../ui/qr-code').then((m) => ({ default: m.QrCode })));

export function ProcedureDetailScreen({ state, send }: ProceduresScreenProps) {
  const t = useT().procedures;
  const lang = useLang();
  const p = state.context.procedure;
  if (!p) return null;
  const service = p.service;
  const where = service ? t.submitAtService(service.name[lang], service.counters.map((c) => c.name[lang]).join(', ')) : t.noService;
  const facts: [string, string][] = [
    [t.timeLimit, p.timeLimit],
    [t.fee, p.fee],
    [t.agency, p.agency],
    [t.submitAt, where],
  ];
  let printStatus: string | null = null;
  if (state.matches({ showing: 'printing' })) printStatus = t.printing;
  else if (state.matches({ showing: 'printed' })) printStatus = t.printed;
  else if (state.matches({ showing: 'printFailed' })) printStatus = errorText(t.printFailed, state.context.printErrorCode);
  return (
    <div className="procedure">
      <p className="procedure__code">{t.codeLabel(p.code)}</p>
      <section className="procedure__papers" aria-labelledby="procedure-papers">
          <h3 id="procedure-papers">{t.papers}</h3>
          {p.documents.length > 0 ? (
            <ol>
              {p.documents.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ol>
          ) : (
            <p>{t.noPapers}</p>
          )}
      </section>
      {p.url ? (
        <figure className="procedure__qr">
          <Suspense fallback={<div style={{ width: 160, height: 160 }} />}>
            <QrCode value={p.url} label={t.qrLabel(p.name)} size={160} />
          </Suspense>
          <figcaption>{t.qr}</figcaption>
        </figure>
      ) : null}
      <dl className="facts procedure__facts">
        {facts
          .filter(([, v]) => v !== '')
          .map(([k, v]) => (
            <div key={k} className="facts__row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <div className="procedure__actions">
        {service ? <BigButton label={t.takeTicket} hint={t.takeTicketHint(service.name[lang])} onPress={() => send({ type: 'procedures.takeTicket' })} /> : null}
        <BigButton label={t.print} hint={t.printHint} variant="secondary" onPress={() => send({ type: 'procedures.print' })} />
      </div>
      <p className="procedure__print" role="status">
        {printStatus}
      </p>
    </div>
  );
}
