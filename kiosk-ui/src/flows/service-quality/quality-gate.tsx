/**
 * What both service-quality pages show before there are figures: the staff sign-in, "not a supervisor", or a
 * failure with a retry. Null once the report is there (the page shows it).
 */
import type { SnapshotFrom } from 'xstate';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import { signInErrorText, StaffSignIn } from '../../ui/staff-sign-in';
import type { ServiceQualityEvent, serviceQualityMachine } from './service-quality.machine';

export function QualityGate({ state, send }: { state: SnapshotFrom<typeof serviceQualityMachine>; send: (e: ServiceQualityEvent) => void }) {
  const t = useT();
  const { report, errorCode } = state.context;
  if (state.matches('starting') || state.matches('signedOut') || state.matches('signingIn') || (state.matches('loading') && !report)) {
    return (
      <StaffSignIn
        heading={t.quality.signInHeading}
        checking={state.matches('loading') || state.matches('signingIn')}
        error={signInErrorText(t, errorCode, state.context.refusal)}
        onSubmit={(c) => send({ type: 'credentials.submitted', username: c.username, password: c.password })}
      />
    );
  }
  if (state.matches('notSupervisor')) {
    return (
      <main className="console console--message">
        <p role="alert">{t.quality.notSupervisor}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'signOut' })}>{t.quality.signInAsOther}</button>
      </main>
    );
  }
  if (state.matches('failed') || !report) {
    return (
      <main className="console console--message">
        <p role="alert">{errorText(t.quality.errors, errorCode) ?? t.quality.failed}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'retry' })}>{t.quality.retry}</button>
      </main>
    );
  }
  return null;
}
