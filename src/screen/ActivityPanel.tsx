// What happened in this session, newest first, with who did it: the agent's own actions
// and those made through the API or by a supervisor (SCREEN.md "says where it came from").
import { useTranslation } from 'react-i18next';
import type { ActivityEntry } from '../../contract/agent.js';
import { ActivityText } from './ActivityText.js';

export function ActivityPanel({ activity }: { activity: ActivityEntry[] }) {
  const { t } = useTranslation();
  const newestFirst = [...activity].sort((a, b) => b.at - a.at);
  return (
    <section className="activity-panel panel" aria-labelledby="activity-title">
      <h2 id="activity-title" className="panel-title">
        {t('recent.title')}
      </h2>
      {newestFirst.length === 0 ? (
        <p className="placeholder">{t('recent.empty')}</p>
      ) : (
        <ol className="activity-list" data-testid="activity-list">
          {newestFirst.map((entry, i) => (
            <li key={`${entry.at}-${i}`} data-remote={entry.values.by ? 'true' : 'false'}>
              <ActivityText entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
