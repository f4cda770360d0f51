// Internals for whoever needs them (session, extension, server, channel, call ids),
// out of the agent's way.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import { useUpdateMode } from '../session/push.js';

export function DetailsDrawer({ snapshot, onClose }: { snapshot: AgentSnapshot; onClose: () => void }) {
  const { t } = useTranslation();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const { agent, call } = snapshot;
  const updateMode = useUpdateMode((s) => s.mode);
  const none = t('drawer.none');
  const rows: [string, string, string][] = [
    [t('drawer.agent'), agent.fullName ? `${agent.user} · ${agent.fullName}` : agent.user, 'detail-agent'],
    [t('drawer.campaign'), agent.campaignName ? `${agent.campaignId} · ${agent.campaignName}` : agent.campaignId, 'detail-campaign'],
    [t('drawer.session'), agent.sessionId || none, 'detail-session'],
    [t('drawer.extension'), agent.extension || none, 'detail-extension'],
    [t('drawer.serverIp'), agent.serverIp || none, 'detail-server-ip'],
    [t('drawer.callerid'), call?.callerid || none, 'detail-callerid'],
    [t('drawer.uniqueid'), call?.uniqueid || none, 'detail-uniqueid'],
    [t('drawer.channel'), call?.channel || none, 'detail-channel'],
    [t('drawer.ingroups'), agent.ingroups.join(', ') || none, 'detail-ingroups'],
    [t('drawer.blended'), agent.blended ? t('drawer.yes') : t('drawer.no'), 'detail-blended'],
    [t('drawer.callsToday'), String(agent.callsToday), 'detail-calls-today'],
    [t('drawer.updates'), updateMode === 'push' ? t('drawer.updatesPush') : t('drawer.updatesPolling'), 'detail-updates'],
  ];
  return (
    <aside id="details-drawer" className="drawer" data-testid="details-drawer" aria-labelledby="drawer-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="drawer-head">
        <h2 id="drawer-title">{t('drawer.title')}</h2>
        <button ref={closeButton} type="button" className="btn btn-quiet" onClick={onClose}>
          {t('drawer.close')}
        </button>
      </div>
      <dl className="details-list">
        {rows.map(([label, value, testId]) => (
          <div key={testId} className="details-row">
            <dt>{label}</dt>
            <dd data-testid={testId} className="mono">
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
