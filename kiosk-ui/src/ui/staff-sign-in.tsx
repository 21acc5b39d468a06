/**
 * Staff sign-in (counter console, statistics): an officer's username and password, local until submitted. The
 * page turns the agent's refusal into `error` (wrong, with the attempts left; locked; disabled).
 */
import { useState } from 'react';
import type { SignInRefusal } from '../agent-client/sign-in-refusal';
import type { Catalogue } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';

/** What the sign-in form says after a refusal, or after a session that ended (UNAUTHORIZED on the next request). */
export function signInErrorText(t: Catalogue, errorCode: string | null, refusal: SignInRefusal | null): string | null {
  const e = t.counter.signInErrors;
  if (refusal?.code === 'STAFF_CREDENTIALS_INVALID') return e.STAFF_CREDENTIALS_INVALID(refusal.attemptsLeft);
  if (refusal?.code === 'STAFF_LOCKED') {
    const at = refusal.retryAt ? new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(refusal.retryAt)) : '';
    return e.STAFF_LOCKED(at);
  }
  if (refusal?.code === 'STAFF_ACCOUNT_DISABLED') return e.STAFF_ACCOUNT_DISABLED;
  if (refusal) return t.counter.unreachable;
  if (errorCode === 'UNAUTHORIZED') return e.sessionEnded;
  return null;
}

export interface StaffCredentials {
  username: string;
  password: string;
}

export function StaffSignIn(props: { heading: string; checking: boolean; error: string | null; onSubmit: (credentials: StaffCredentials) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <main className="console console--sign-in">
      <form
        className="console__form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit({ username: username.trim(), password });
        }}
      >
        <h1>{props.heading}</h1>
        <label htmlFor="staff-username">{t.counter.usernameLabel}</label>
        <input id="staff-username" name="username" autoComplete="username" autoCapitalize="none" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="staff-password">{t.counter.passwordLabel}</label>
        <input id="staff-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="sign-in-hint" />
        <p id="sign-in-hint" className="console__hint">{t.counter.signInHint}</p>
        {props.error ? <p className="console__error" role="alert">{props.error}</p> : null}
        <button type="submit" className="console__button console__button--primary" disabled={props.checking || username.trim() === '' || password === ''}>
          {props.checking ? t.counter.signingIn : t.counter.signIn}
        </button>
      </form>
    </main>
  );
}
