// Sign-in with an API user's credentials, checked by the Agent API's own authentication:
// a refusal shows the API's reply line as it is, with a short explanation.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../session/LanguagePicker.js';
import { postSignIn, SignInRefused, type ConsoleCredentials } from './api.js';

type Problem = { kind: 'refused'; reply: string } | { kind: 'missing' | 'network' | 'expired' };
type HintKey = 'BAD' | 'LOCK' | 'noApi' | 'IPBLOCK' | 'ERRSERVERS' | 'inactive';

/** What the refusal line says, in words: `|user||auth|auth_api|message|` or the API-inactive line. */
export function refusalHint(reply: string): HintKey | null {
  if (reply.startsWith('ERROR: System API NOT ACTIVE')) return 'inactive';
  const m = /\|[^|]*\|\|(\d)\|(\d)\|([A-Z]+)\|/.exec(reply);
  if (!m) return null;
  const [, auth, authApi, message] = m;
  if (message === 'LOCK' || message === 'IPBLOCK' || message === 'ERRSERVERS') return message;
  if (auth === '1' && authApi === '0') return 'noApi';
  return 'BAD';
}

export function SignIn({ expired, onSignedIn }: { expired: boolean; onSignedIn: (c: ConsoleCredentials) => void }) {
  const { t } = useTranslation('supervisor');
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(expired ? { kind: 'expired' } : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!user || !pass) return setProblem({ kind: 'missing' });
    setPending(true);
    setProblem(null);
    try {
      const session = await postSignIn(user, pass);
      onSignedIn({ ...session, pass });
    } catch (err) {
      setProblem(err instanceof SignInRefused ? { kind: 'refused', reply: err.reply } : { kind: 'network' });
      setPending(false);
    }
  };

  const hint = problem?.kind === 'refused' ? refusalHint(problem.reply) : null;
  return (
    <main className="login-page sv-signin">
      <div className="login-card">
        <div className="login-head">
          <h1>{t('title')}</h1>
          <p className="login-subtitle">{t('subtitle')}</p>
        </div>
        <form onSubmit={submit} className="login-form" data-testid="sv-signin" noValidate>
          <label className="field">
            <span>{t('user')}</span>
            <input name="user" autoComplete="username" autoFocus value={user} onChange={(e) => setUser(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('pass')}</span>
            <input name="pass" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} />
          </label>
          <div role="alert" data-testid="sv-signin-error" data-hint={hint ?? ''}>
            {problem?.kind === 'refused' ? (
              <div className="sv-refused">
                <p>{t('refusedTitle')}</p>
                <pre className="sv-line" data-kind="ERROR" data-testid="sv-refusal">{problem.reply.trimEnd()}</pre>
                {hint && <p className="sv-hint">{t(`hints.${hint}`)}</p>}
              </div>
            ) : problem ? (
              <p className="field-error">{t(problem.kind)}</p>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary btn-wide" disabled={pending}>
            {pending ? t('signingIn') : t('signIn')}
          </button>
        </form>
        <LanguagePicker />
      </div>
    </main>
  );
}
