// The notification history: every alert this session, newest first, in its own style.
import { useTranslation } from 'react-i18next';
import { alertTextStyle } from '../../shared/alert-style.js';
import { useNotificationHistory } from '../../shared/notification-history.js';

export function AlertsPanel() {
  const { t, i18n } = useTranslation('effects');
  const items = useNotificationHistory((s) => s.items);
  if (!items.length) return <p className="placeholder">{t('panels.alertsEmpty')}</p>;
  return (
    <ol className="alert-history" data-testid="alert-history">
      {items.map((n) => (
        <li key={n.id}>
          <time dateTime={new Date(n.at).toISOString()}>{new Date(n.at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}</time>
          {/* The requested weight, font and colour; not the size, which is for the alert itself. */}
          <p style={{ ...alertTextStyle(n.payload), fontSize: undefined }}>{n.text}</p>
        </li>
      ))}
    </ol>
  );
}
