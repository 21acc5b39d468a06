/**
 * No ticket. A refusal for the hours (the service closed, filled or is closing since the list was read) says why
 * and when, with the instant the agent gave, and offers the list again; any other failure offers to try again.
 */
import { useState } from 'react';
import type { AgentErrorCode } from '../../../agent-client/agent-client';
import { useT } from '../../../i18n/i18n';
import { BigButton } from '../../../ui/big-button';
import { whenText } from '../opening-time';
import type { ScreenProps } from './screen-props';

const REFUSALS = ['SERVICE_CLOSED', 'SERVICE_FULL', 'SERVICE_CLOSING'] as const;
type Refusal = (typeof REFUSALS)[number];

export const isRefusal = (code: AgentErrorCode | null): code is Refusal => REFUSALS.includes(code as Refusal);

export function IssueFailedScreen({ state, send, utcOffsetMinutes }: ScreenProps) {
  const t = useT();
  const code = state.context.errorCode;
  const [now] = useState(() => Date.now());
  if (isRefusal(code)) {
    const refused = t.refused[code];
    return (
      <div className="problem" role="alert" data-refusal={code}>
        <h1 className="problem__title">{refused.title}</h1>
        <p>{refused.body(whenText(t, state.context.errorAt, utcOffsetMinutes, now))}</p>
        <div className="choices choices--two">
          <BigButton label={state.context.services.length > 0 ? t.refused.chooseAnother : t.nav.back} onPress={() => send({ type: 'nav.back' })} />
          <BigButton label={t.nav.home} variant="secondary" onPress={() => send({ type: 'nav.home' })} />
        </div>
      </div>
    );
  }
  const message =
    code === 'SERVICE_NOT_FOUND' || code === 'VALIDATION_FAILED' || code === 'STORE_UNAVAILABLE'
      ? t.issueFailed[code]
      : code === 'NETWORK_ERROR' || code === 'NETWORK_TIMEOUT'
        ? t.issueFailed.NETWORK_ERROR
        : t.issueFailed.other;
  return (
    <div className="problem" role="alert">
      <h1 className="problem__title">{t.issueFailed.heading}</h1>
      <p>{message}</p>
      <div className="choices choices--two">
        <BigButton label={t.issueFailed.retry} onPress={() => send({ type: 'issue.retry' })} />
        <BigButton label={t.nav.home} variant="secondary" onPress={() => send({ type: 'nav.home' })} />
      </div>
    </div>
  );
}
