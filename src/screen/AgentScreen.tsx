// The agent screen: status bar, customer, work area (tools or the outcome step), controls.
// Fixed regions, so arriving data never moves anything.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction } from '../../contract/agent.js';
import { useAgentAction } from '../api/action.js';
import { ApiError, isUnauthorized } from '../api/http.js';
import { TransferPanel } from '../calls/TransferPanel.js';
import { PreviewPanel } from '../remote/PreviewPanel.js';
import { RemoteChangeToasts } from '../remote/RemoteChangeToasts.js';
import { EffectsHost } from '../effects/EffectsHost.js';
import { useSession } from '../session/store.js';
import { useSnapshot } from '../session/use-snapshot.js';
import { ActivityPanel } from './ActivityPanel.js';
import { CallControls } from './CallControls.js';
import { DetailsDrawer } from './DetailsDrawer.js';
import { DispoPanel } from './DispoPanel.js';
import { LeadPanel } from './LeadPanel.js';
import { LoadingPill } from './StatePill.js';
import { StatusBar } from './StatusBar.js';
import { ToolTabs } from './ToolTabs.js';
import { WebphoneDock } from './panels/WebphoneDock.js';

export function AgentScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const query = useSnapshot(token);
  const action = useAgentAction(token);
  const end = useSession((s) => s.end);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = (request: AgentAction) => {
    setFailure(null);
    action.mutate(request, {
      onSuccess: () => {
        if (request.action === 'logout') end('self', query.data?.snapshot.agent.callsToday ?? null);
      },
      onError: (error) => {
        if (isUnauthorized(error)) end('ended');
        else setFailure(error instanceof ApiError ? error.code : String(error));
      },
    });
  };

  const entry = query.data;
  const state = entry?.snapshot.agent.state;
  // Move focus to what needs the agent: the outcome step when it opens.
  useEffect(() => {
    if (state === 'dispo') document.querySelector<HTMLElement>('[data-testid="dispo-panel"]')?.focus();
  }, [state]);

  if (!entry) {
    return (
      <div className="screen" data-state="loading" aria-busy="true">
        <header className="status-bar">
          <div className="status-row status-main">
            <LoadingPill />
          </div>
          <div className="status-row status-sub" />
        </header>
        <main className="workspace">
          <div className="side">
            <LeadPanel lead={null} />
            <section className="activity-panel panel" />
          </div>
          <section className="work-area panel" />
        </main>
        <nav className="call-controls" />
      </div>
    );
  }

  const { snapshot, clockOffset } = entry;
  const connectionLost = query.isError && !isUnauthorized(query.error);
  return (
    <div className="screen" data-state={snapshot.agent.state}>
      <StatusBar snapshot={snapshot} clockOffset={clockOffset} detailsOpen={detailsOpen} onToggleDetails={() => setDetailsOpen((o) => !o)} />
      <div className="banners" aria-live="assertive">
        {connectionLost && (
          <p className="banner banner-warning" data-testid="connection-lost">
            {t('header.connectionLost')}
          </p>
        )}
        {failure && (
          <p className="banner banner-error" data-testid="action-error" role="alert">
            {t('controls.failed', { reason: failure })}
            <button type="button" className="btn btn-quiet btn-small" onClick={() => setFailure(null)}>
              {t('controls.dismiss')}
            </button>
          </p>
        )}
        {snapshot.agent.state === 'dead' && (
          <p className="banner banner-dead" data-testid="dead-call-banner">
            <strong>{t('call.ended')}</strong>
            <button type="button" className="btn btn-primary" disabled={action.isPending} onClick={() => run({ action: 'hangup' })}>
              {t('call.dispositionNow')}
            </button>
          </p>
        )}
      </div>
      <main className="workspace">
        <div className="side">
          <LeadPanel lead={snapshot.lead} />
          <ActivityPanel activity={snapshot.activity} />
        </div>
        <div className="work-area">
          {snapshot.agent.state === 'preview' && <PreviewPanel snapshot={snapshot} busy={action.isPending} run={run} />}
          {snapshot.agent.state === 'dispo' ? (
            <DispoPanel key={snapshot.lead?.lead_id ?? 0} statuses={snapshot.statuses} pauseAfterCall={snapshot.agent.pauseAfterCall} busy={action.isPending} run={run} />
          ) : (
            <ToolTabs snapshot={snapshot} token={token} />
          )}
          <TransferPanel snapshot={snapshot} busy={action.isPending} run={run} />
        </div>
        <WebphoneDock webphone={snapshot.webphone} sessionId={snapshot.agent.sessionId} />
      </main>
      <CallControls snapshot={snapshot} busy={action.isPending} run={run} />
      {detailsOpen && <DetailsDrawer snapshot={snapshot} onClose={() => setDetailsOpen(false)} />}
      <EffectsHost token={token} effects={snapshot.effects} />
      <RemoteChangeToasts activity={snapshot.activity} user={snapshot.agent.user} />
    </div>
  );
}
