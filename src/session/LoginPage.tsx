// One login form (agent-screen reference 01/02): user and password first, then the
// campaigns this user may use as a short list, the last one used preselected.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginError, LoginOptions } from '../../contract/agent.js';
import { ApiError } from '../api/http.js';
import { useLogin } from '../api/login.js';
import { useLoginOptions } from '../api/login-options.js';
import { useShownEffects } from '../effects/shown-store.js';
import { LanguagePicker } from './LanguagePicker.js';
import { useSession } from './store.js';

const LAST_CAMPAIGN_KEY = 'agent.lastCampaign';
const KNOWN_ERRORS: readonly string[] = ['locked', 'too_many_attempts', 'bad_credentials', 'not_agent', 'campaign_not_allowed', 'campaign_inactive', 'missing_fields', 'network'];

function errorKey(error: unknown): LoginError | 'network' | 'unknown' {
  const code = error instanceof ApiError ? error.code : 'unknown';
  return KNOWN_ERRORS.includes(code) ? (code as LoginError | 'network') : 'unknown';
}

function lastCampaign(): string | null {
  try {
    return localStorage.getItem(LAST_CAMPAIGN_KEY);
  } catch {
    return null;
  }
}

export function LoginPage() {
  const { t } = useTranslation();
  const start = useSession((s) => s.start);
  const optionsRequest = useLoginOptions();
  const login = useLogin();
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [options, setOptions] = useState<LoginOptions | null>(null);
  const [campaign, setCampaign] = useState('');
  const [ingroups, setIngroups] = useState<string[]>([]);
  const [blended, setBlended] = useState(true);
  const [error, setError] = useState<ReturnType<typeof errorKey> | null>(null);

  const checkCredentials = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!user || !pass) return setError('missing_fields');
    optionsRequest.mutate(
      { user, pass },
      {
        onSuccess: (found) => {
          setOptions(found);
          const last = lastCampaign();
          setCampaign(found.campaigns.find((c) => c.id === last)?.id ?? found.campaigns[0]?.id ?? '');
          setIngroups(found.ingroups.map((g) => g.id));
        },
        onError: (err) => setError(errorKey(err)),
      },
    );
  };

  const logIn = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!campaign) return setError('missing_fields');
    const chosen = options?.campaigns.find((c) => c.id === campaign);
    const inbound = chosen?.allowInbound ?? false;
    login.mutate(
      { user, pass, campaign, ...(inbound ? { ingroups, blended } : {}) },
      {
        onSuccess: (reply) => {
          try {
            localStorage.setItem(LAST_CAMPAIGN_KEY, campaign);
          } catch {
            // the preselection is a convenience only
          }
          useShownEffects.getState().reset();
          start({ token: reply.token, user: reply.user });
        },
        onError: (err) => setError(errorKey(err)),
      },
    );
  };

  const chosen = options?.campaigns.find((c) => c.id === campaign);
  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-head">
          <h1>{t('login.title')}</h1>
          <p className="login-subtitle">{t('login.subtitle')}</p>
        </div>
        {!options ? (
          <form onSubmit={checkCredentials} className="login-form" data-testid="login-credentials" noValidate>
            <label className="field">
              <span>{t('login.user')}</span>
              <input name="user" autoComplete="username" autoFocus value={user} onChange={(e) => setUser(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('login.pass')}</span>
              <input name="pass" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} />
            </label>
            <LoginProblem error={error} />
            <button type="submit" className="btn btn-primary btn-wide" disabled={optionsRequest.isPending}>
              {optionsRequest.isPending ? t('login.checking') : t('login.continue')}
            </button>
          </form>
        ) : (
          <form onSubmit={logIn} className="login-form" data-testid="login-campaign">
            <p className="login-user">
              {t('login.signedInAs', { user })}
              <button
                type="button"
                className="btn btn-quiet btn-small"
                onClick={() => {
                  setOptions(null);
                  setError(null);
                }}
              >
                {t('login.changeUser')}
              </button>
            </p>
            {options.campaigns.length === 0 ? (
              <p className="field-error" role="alert">
                {t('login.noCampaigns')}
              </p>
            ) : (
              <fieldset className="choice-list">
                <legend>{t('login.campaign')}</legend>
                {options.campaigns.map((c) => (
                  <label key={c.id} className="choice">
                    <input type="radio" name="campaign" value={c.id} checked={campaign === c.id} onChange={() => setCampaign(c.id)} />
                    <span className="choice-name">{c.name || c.id}</span>
                    <span className="choice-id">{c.id}</span>
                  </label>
                ))}
              </fieldset>
            )}
            {chosen?.allowInbound && options.ingroups.length > 0 && (
              <fieldset className="choice-list">
                <legend>{t('login.ingroups')}</legend>
                {options.ingroups.map((g) => (
                  <label key={g.id} className="choice">
                    <input
                      type="checkbox"
                      value={g.id}
                      checked={ingroups.includes(g.id)}
                      onChange={(e) => setIngroups((now) => (e.target.checked ? [...now, g.id] : now.filter((id) => id !== g.id)))}
                    />
                    <span className="choice-name">{g.name || g.id}</span>
                    <span className="choice-id">{g.id}</span>
                  </label>
                ))}
                <label className="choice choice-toggle">
                  <input type="checkbox" checked={blended} onChange={(e) => setBlended(e.target.checked)} />
                  <span className="choice-name">{t('login.blended')}</span>
                </label>
              </fieldset>
            )}
            <LoginProblem error={error} />
            <button type="submit" className="btn btn-primary btn-wide" disabled={login.isPending || options.campaigns.length === 0}>
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        )}
        <LanguagePicker />
      </div>
    </main>
  );
}

function LoginProblem({ error }: { error: ReturnType<typeof errorKey> | null }) {
  const { t } = useTranslation();
  return (
    <p className="field-error" role="alert" data-testid="login-error" data-error={error ?? ''}>
      {error ? t(`login.errors.${error}`) : ''}
    </p>
  );
}
