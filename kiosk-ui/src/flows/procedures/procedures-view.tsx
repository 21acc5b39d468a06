/** Picks the procedure lookup's screen for the child machine's state. Reads state, sends events; no IO. */
import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import './procedures.css';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import { BigButton } from '../../ui/big-button';
import { Screen } from '../../ui/screen';
import type { ProceduresMachine } from './procedures.machine';
import { ProcedureDetailScreen } from './screens/procedure-detail-screen';
import { ProcedureSearchScreen } from './screens/procedure-search-screen';

export function ProceduresView(props: { actor: ActorRefFrom<ProceduresMachine>; centerName: string; utcOffsetMinutes: number }) {
  const t = useT();
  const state = useSelector(props.actor, (s) => s);
  const send = props.actor.send;
  const screen = { state, send };
  let guide: string | undefined;
  let heading = t.procedures.heading;
  let body;
  let back = false;
  if (state.matches('browsing')) [guide, body] = [t.guide.procedures, <ProcedureSearchScreen {...screen} />];
  else if (state.matches('showing')) [heading, guide, body, back] = [state.context.procedure?.name ?? heading, t.guide.procedure, <ProcedureDetailScreen {...screen} />, true];
  else if (state.matches('missing')) {
    back = true;
    // Said aloud as well: a visitor who cannot read the screen hears why and what to touch next.
    guide = state.context.errorCode === 'PROCEDURE_NOT_FOUND' ? t.guide.procedureMissing : t.guide.procedureFailed;
    body = (
      <div className="problem" role="alert">
        <h2 className="problem__title">{t.procedures.missingHeading}</h2>
        <p className="lead">{errorText(t.procedures.missing, state.context.errorCode)}</p>
        {state.context.errorCode !== 'PROCEDURE_NOT_FOUND' ? (
          <div className="nav-row">
            <BigButton label={t.procedures.retry} onPress={() => send({ type: 'procedures.retry' })} />
          </div>
        ) : null}
      </div>
    );
  } else {
    body = (
      <div className="status-message" role="status">
        <div className="spinner" aria-hidden="true" />
        <p>{t.procedures.opening}</p>
      </div>
    );
  }
  const footer = (
    <div className="nav-row">
      {back ? <BigButton label={t.procedures.back} variant="quiet" onPress={() => send({ type: 'procedures.back' })} /> : null}
      <BigButton label={t.nav.home} variant="quiet" onPress={() => send({ type: 'procedures.done' })} />
    </div>
  );
  return (
    <Screen centerName={props.centerName} utcOffsetMinutes={props.utcOffsetMinutes} heading={heading} guide={guide} footer={footer}>
      {body}
    </Screen>
  );
}
