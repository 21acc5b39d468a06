/** /admin/staff — the supervisor's accounts page: reads the machine, sends events; all IO is in its actors. */
import { useMachine } from '@xstate/react';
import { useState, type ReactNode } from 'react';
import { STAFF_ROLE_VALUES, type AccountView, type StaffRole } from '../../../../shared/staff-schemas';
import { storedToken } from '../../agent-client/staff-token';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/i18n';
import { signInErrorText, StaffSignIn } from '../../ui/staff-sign-in';
import '../../ui/staff-pages.css';
import { AccountList } from './account-list';
import { liveStaffAdminMachine } from './staff-admin.actors';
import type { AdminNotice, FormProblem, StaffAdminEvent } from './staff-admin.machine';
import { StaffNav } from '../../ui/staff-nav';

type Send = (event: StaffAdminEvent) => void;
type T = ReturnType<typeof useT>;

export default function StaffAdminPage() {
  const t = useT();
  const [state, send] = useMachine(liveStaffAdminMachine, { input: { token: storedToken() } });
  const { context } = state;
  if (state.matches('notSupervisor')) {
    return (
      <main className="console console--message">
        <p role="alert">{t.admin.notSupervisor}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'signOut' })}>{t.admin.signInAsOther}</button>
      </main>
    );
  }
  if (state.matches('failed')) {
    return (
      <main className="console console--message">
        <p role="alert">{errorText(t.admin.errors, context.errorCode) ?? t.admin.failed}</p>
        <button type="button" className="console__button" onClick={() => send({ type: 'retry' })}>{t.admin.retry}</button>
      </main>
    );
  }
  if (!state.matches('ready') || !context.accounts) {
    return (
      <StaffSignIn
        heading={t.admin.signInHeading}
        checking={!state.matches('signedOut')}
        error={signInErrorText(t, context.errorCode, context.refusal)}
        onSubmit={(c) => send({ type: 'credentials.submitted', username: c.username, password: c.password })}
      />
    );
  }
  const idle = state.matches({ ready: 'idle' });
  const busy = !idle && !state.matches({ ready: 'addForm' }) && !state.matches({ ready: 'passwordForm' }) && !state.matches({ ready: 'confirmDisable' });
  const listError = idle || state.matches({ ready: 'refreshing' }) ? errorText(t.admin.errors, context.errorCode) : null;
  return (
    <main className="console admin" aria-busy={busy}>
      <header className="console__header">
        <h1>{t.admin.title}</h1>
        <div className="admin__who">
          {context.me ? <span data-testid="admin-me">{t.admin.signedInAs(context.me.name)}</span> : null}
          <button type="button" className="console__link" onClick={() => send({ type: 'signOut' })}>{t.admin.signOut}</button>
        </div>
      </header>
      <StaffNav current="staff" />
      <div className="admin__toolbar">
        <button type="button" className="console__button console__button--primary" disabled={!idle} onClick={() => send({ type: 'add.open' })}>{t.admin.add}</button>
        <button type="button" className="console__button" disabled={!idle} onClick={() => send({ type: 'refresh' })}>{t.admin.refresh}</button>
      </div>
      <p className="console__feedback" role="status" aria-live="polite" data-testid="admin-feedback">
        {listError ? <span className="console__error">{listError}</span> : context.notice ? noticeText(t, context.notice) : busy ? t.admin.busy : null}
      </p>
      <AccountList context={context} idle={idle} send={send} />
      {state.matches({ ready: 'addForm' }) || state.matches({ ready: 'adding' }) ? (
        <AddDialog saving={state.matches({ ready: 'adding' })} problem={context.formProblem} errorCode={context.errorCode} send={send} />
      ) : null}
      {(state.matches({ ready: 'confirmDisable' }) || state.matches({ ready: 'settingDisabled' })) && context.selected ? (
        <ConfirmDialog account={context.selected} disabling={context.disabling} saving={state.matches({ ready: 'settingDisabled' })} send={send} />
      ) : null}
      {(state.matches({ ready: 'passwordForm' }) || state.matches({ ready: 'resettingPassword' })) && context.selected ? (
        <PasswordDialog account={context.selected} saving={state.matches({ ready: 'resettingPassword' })} problem={context.formProblem} errorCode={context.errorCode} send={send} />
      ) : null}
    </main>
  );
}

function noticeText(t: T, n: AdminNotice): string {
  switch (n.kind) {
    case 'added':
      return t.admin.done.added(n.username);
    case 'disabled':
      return t.admin.done.disabled(n.username, n.sessionsEnded);
    case 'enabled':
      return t.admin.done.enabled(n.username);
    case 'passwordReset':
      return t.admin.done.passwordReset(n.username);
  }
}

function Dialog({ labelledBy, onCancel, onSubmit, children }: { labelledBy: string; onCancel: () => void; onSubmit: () => void; children: ReactNode }) {
  return (
    <div className="console__dialog" role="dialog" aria-modal="true" aria-labelledby={labelledBy} onKeyDown={(e) => (e.key === 'Escape' ? onCancel() : undefined)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </div>
  );
}

function FormError({ problem, errorCode }: { problem: FormProblem | null; errorCode: string | null }) {
  const t = useT();
  const text = problem ? t.admin.problems[problem] : errorText(t.admin.errors, errorCode);
  return text ? <p className="console__error" role="alert">{text}</p> : null;
}

function AddDialog({ saving, problem, errorCode, send }: { saving: boolean; problem: FormProblem | null; errorCode: string | null; send: Send }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('officer');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const cancel = () => send({ type: 'dialog.cancel' });
  return (
    <Dialog labelledBy="add-heading" onCancel={cancel} onSubmit={() => send({ type: 'add.submit', account: { username, name, role, password }, confirm })}>
      <h2 id="add-heading">{t.admin.addHeading}</h2>
      <label className="admin__field">
        {t.admin.username}
        <input name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} aria-describedby="username-hint" />
      </label>
      <p id="username-hint" className="console__hint">{t.admin.usernameHint}</p>
      <label className="admin__field">
        {t.admin.name}
        <input name="name" autoComplete="off" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="admin__field">
        {t.admin.role}
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {STAFF_ROLE_VALUES.map((r) => <option key={r} value={r}>{t.admin.roles[r]}</option>)}
        </select>
      </label>
      <label className="admin__field">
        {t.admin.password}
        <input name="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="password-hint" />
      </label>
      <p id="password-hint" className="console__hint">{t.admin.passwordHint}</p>
      <label className="admin__field">
        {t.admin.confirmPassword}
        <input name="confirm" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      <FormError problem={problem} errorCode={errorCode} />
      <div className="console__dialog-buttons">
        <button type="button" className="console__button" disabled={saving} onClick={cancel}>{t.admin.cancel}</button>
        <button type="submit" className="console__button console__button--primary" disabled={saving}>{saving ? t.admin.busy : t.admin.save}</button>
      </div>
    </Dialog>
  );
}

function ConfirmDialog({ account, disabling, saving, send }: { account: AccountView; disabling: boolean; saving: boolean; send: Send }) {
  const t = useT();
  const cancel = () => send({ type: 'dialog.cancel' });
  return (
    <Dialog labelledBy="confirm-heading" onCancel={cancel} onSubmit={() => send({ type: 'disable.confirm' })}>
      <h2 id="confirm-heading">{disabling ? t.admin.confirmDisableHeading(account.name) : t.admin.confirmEnableHeading(account.name)}</h2>
      <p>{disabling ? t.admin.confirmDisableBody : t.admin.confirmEnableBody}</p>
      <div className="console__dialog-buttons">
        <button type="button" className="console__button" autoFocus disabled={saving} onClick={cancel}>{t.admin.cancel}</button>
        <button type="submit" className="console__button console__button--primary" disabled={saving}>{saving ? t.admin.busy : disabling ? t.admin.disable : t.admin.enable}</button>
      </div>
    </Dialog>
  );
}

function PasswordDialog({ account, saving, problem, errorCode, send }: { account: AccountView; saving: boolean; problem: FormProblem | null; errorCode: string | null; send: Send }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const cancel = () => send({ type: 'dialog.cancel' });
  return (
    <Dialog labelledBy="password-heading" onCancel={cancel} onSubmit={() => send({ type: 'password.submit', password, confirm })}>
      <h2 id="password-heading">{t.admin.passwordHeading(account.name)}</h2>
      <p>{t.admin.passwordBody}</p>
      <label className="admin__field">
        {t.admin.newPassword}
        <input name="new-password" type="password" autoComplete="new-password" autoFocus required value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="new-password-hint" />
      </label>
      <p id="new-password-hint" className="console__hint">{t.admin.passwordHint}</p>
      <label className="admin__field">
        {t.admin.confirmPassword}
        <input name="confirm-password" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      <FormError problem={problem} errorCode={errorCode} />
      <div className="console__dialog-buttons">
        <button type="button" className="console__button" disabled={saving} onClick={cancel}>{t.admin.cancel}</button>
        <button type="submit" className="console__button console__button--primary" disabled={saving}>{saving ? t.admin.busy : t.admin.savePassword}</button>
      </div>
    </Dialog>
  );
}
