// One activity entry as words: the event, then who did it and through what (SCREEN.md:
// "Supervisor 6666 set you Ready · 10:42", with the API source).
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { ActivityEntry } from '../../contract/agent.js';

/** The back end names the key at run time, so it cannot be checked against the resources. */
function untypedT(key: string, values: Record<string, string>): string {
  return (i18next.t as unknown as (k: string, v: Record<string, string>) => string)(key, values);
}

export function ActivityText({ entry }: { entry: ActivityEntry }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(entry.at);
  const { by, source } = entry.values;
  // Keys come from the back end; an unknown key is shown as itself rather than hidden.
  const message = i18n.exists(entry.key) ? untypedT(entry.key, entry.values) : t('activity.unknown', { key: entry.key });
  const attribution = by && source ? t('activity.by', { by, source }) : by ? t('activity.byUser', { by }) : '';
  return (
    <span className="activity-text" data-key={entry.key} data-remote={by ? 'true' : 'false'}>
      <span className="activity-message">{message}</span>
      {attribution && <span className="activity-by"> · {attribution}</span>}
      <time className="activity-time" dateTime={new Date(entry.at).toISOString()}>
        {' '}
        · {time}
      </time>
    </span>
  );
}
