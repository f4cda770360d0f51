// The header: state, the call, the campaign and the queue; below it, who is logged in,
// what is active on the call, and the honest "simulated" label.
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import { CallBanner } from './CallBanner.js';
import { StatePill } from './StatePill.js';
import { StatusChips } from './StatusChips.js';
import { ActivityText } from './ActivityText.js';
import { Icon } from './Icon.js';
import { IngroupsChip } from '../remote/IngroupsChip.js';

interface Props {
  snapshot: AgentSnapshot;
  clockOffset: number;
  detailsOpen: boolean;
  onToggleDetails: () => void;
}

export function StatusBar({ snapshot, clockOffset, detailsOpen, onToggleDetails }: Props) {
  const { t } = useTranslation();
  const { agent } = snapshot;
  const last = snapshot.activity.length ? snapshot.activity.reduce((a, b) => (b.at > a.at ? b : a)) : null;
  return (
    <header className="status-bar" data-state={agent.state}>
      <div className="status-row status-main">
        <StatePill snapshot={snapshot} clockOffset={clockOffset} />
        <CallBanner snapshot={snapshot} clockOffset={clockOffset} />
        <div className="status-meta">
          <span className="campaign" title={t('header.campaign')} data-testid="campaign">
            {agent.campaignName || agent.campaignId}
          </span>
          <span className="calls-waiting" data-testid="calls-waiting" data-count={snapshot.callsWaiting} title={t('header.callsWaitingHint')} data-busy={snapshot.callsWaiting > 0}>
            {t('header.callsWaiting')} <strong>{snapshot.callsWaiting}</strong>
          </span>
        </div>
      </div>
      <div className="status-row status-sub">
        <span className="agent-name" data-testid="agent-name">
          {agent.fullName ? `${agent.fullName} · ` : ''}
          {t('header.agent', { user: agent.user })}
        </span>
        {agent.pauseAfterCall && agent.state !== 'paused' && (
          <span className="chip chip-pause-after" data-testid="pause-after-call">
            {t('header.pauseAfterCall')}
          </span>
        )}
        <IngroupsChip agent={agent} />
        <StatusChips snapshot={snapshot} clockOffset={clockOffset} />
        <span className="last-activity" data-testid="last-activity" title={t('header.lastActivity')}>
          {last && <ActivityText entry={last} />}
        </span>
        {snapshot.simulated && (
          <span className="simulated" data-testid="simulated" title={t('header.simulatedHint')}>
            {t('header.simulated')}
          </span>
        )}
        <button type="button" className="details-toggle" aria-expanded={detailsOpen} aria-controls="details-drawer" onClick={onToggleDetails}>
          <Icon name="info" /> {t('header.details')}
        </button>
      </div>
    </header>
  );
}
