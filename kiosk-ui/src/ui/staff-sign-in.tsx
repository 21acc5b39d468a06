/** Staff sign-in (counter console, statistics): the token typed once per browser session; local until submitted. */
import { useState } from 'react';
import { useT } from '../i18n/i18n';

export function StaffSignIn(props: { heading: string; checking: boolean; error: string | null; onSubmit: (token: string) => void }) {
  const t = useT();
  const [token, setToken] = useState('');
  return (
    <main className="console console--sign-in">
      <form
        className="console__form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(token);
        }}
      >
        <h1>{props.heading}</h1>
        <label htmlFor="staff-token">{t.counter.tokenLabel}</label>
        <input id="staff-token" name="token" type="password" autoComplete="current-password" autoFocus value={token} onChange={(e) => setToken(e.target.value)} aria-describedby="token-hint" />
        <p id="token-hint" className="console__hint">{t.counter.tokenHint}</p>
        {props.error ? <p className="console__error" role="alert">{props.error}</p> : null}
        <button type="submit" className="console__button console__button--primary" disabled={props.checking || token.trim() === ''}>
          {props.checking ? t.counter.signingIn : t.counter.signIn}
        </button>
      </form>
    </main>
  );
}
