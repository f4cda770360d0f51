// After logout — the agent's own, or the API's `logout`, or a session closed elsewhere.
import { useTranslation } from 'react-i18next';
import { useSession, type SessionState } from './store.js';

export function LoggedOutPage({ info }: { info: NonNullable<SessionState['loggedOut']> }) {
  const { t } = useTranslation();
  const backToLogin = useSession((s) => s.backToLogin);
  return (
    <main className="login-page">
      <div className="login-card logged-out" data-testid="logged-out" data-reason={info.reason}>
        <div className="logged-out-mark" aria-hidden="true">
          ✓
        </div>
        <h1>{t('loggedOut.title')}</h1>
        <p>{info.reason === 'self' ? t('loggedOut.self') : t('loggedOut.ended')}</p>
        {info.callsToday !== null && <p className="login-subtitle">{t('loggedOut.callsToday', { count: info.callsToday })}</p>}
        <button type="button" className="btn btn-primary btn-wide" onClick={backToLogin} autoFocus>
          {t('loggedOut.again')}
        </button>
      </div>
    </main>
  );
}
