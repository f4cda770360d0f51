// Script, Script 2, web form, e-mail, chat, callbacks and the alert history. Every panel
// stays mounted (hidden when not chosen), so a web form keeps what the agent typed and
// each panel carries its reload count (data-reloads) whether it is shown or not.
import { type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import { useNotificationHistory } from '../shared/notification-history.js';
import { AlertsPanel } from './panels/AlertsPanel.js';
import { CallbacksPanel } from './panels/CallbacksPanel.js';
import { ScriptPanel } from './panels/ScriptPanel.js';
import { PANELS, usePanels, type PanelId } from '../shared/panels-store.js';
import { fieldValues, webFormUrl } from '../shared/substitute.js';
import { WebFormPanel } from './panels/WebFormPanel.js';
import './panels/panels.css';

export function ToolTabs({ snapshot, token }: { snapshot: AgentSnapshot; token: string }) {
  const { t } = useTranslation();
  const { t: te } = useTranslation('effects');
  const active = usePanels((s) => s.active);
  const select = usePanels((s) => s.select);
  const reloads = usePanels((s) => s.reloads);
  const alerts = useNotificationHistory((s) => s.items.length);
  const values = fieldValues(snapshot);
  const label = (tab: PanelId) => (tab === 'alerts' ? te('panels.alerts') : t(`tabs.${tab}`));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = PANELS[(PANELS.indexOf(active) + step + PANELS.length) % PANELS.length];
    select(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const content = (tab: PanelId) => {
    switch (tab) {
      case 'script':
        return <ScriptPanel panel="script" script={snapshot.panels.script} values={values} />;
      case 'script2':
        return <ScriptPanel panel="script2" script={snapshot.panels.script2} values={values} />;
      case 'webform':
        return <WebFormPanel url={webFormUrl(snapshot.panels.webFormUrl, values)} leadId={snapshot.lead?.lead_id ?? null} reloads={reloads.webform} />;
      case 'email':
        return <p className="placeholder">{te('panels.email')}</p>;
      case 'chat':
        return <p className="placeholder">{te('panels.chat')}</p>;
      case 'callbacks':
        return <CallbacksPanel token={token} campaign={snapshot.agent.campaignId} reloads={reloads.callbacks} visible={active === 'callbacks'} />;
      case 'alerts':
        return <AlertsPanel />;
    }
  };

  return (
    <section className="tool-tabs panel" data-testid="tool-tabs">
      <div role="tablist" aria-label={t('tabs.label')} className="tablist" onKeyDown={onKeyDown}>
        {PANELS.map((tab) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === active}
            aria-controls={`tabpanel-${tab}`}
            tabIndex={tab === active ? 0 : -1}
            className="tab"
            data-reloaded={reloads[tab] > 0 ? 'true' : undefined}
            onClick={() => select(tab)}
          >
            {label(tab)}
            {tab === 'alerts' && alerts > 0 && <span className="tab-count">{alerts}</span>}
          </button>
        ))}
      </div>
      {PANELS.map((tab) => (
        <div
          key={tab}
          id={`tabpanel-${tab}`}
          role="tabpanel"
          aria-labelledby={`tab-${tab}`}
          className={`tabpanel tabpanel-${tab}`}
          data-testid={`tabpanel-${tab}`}
          data-reloads={reloads[tab]}
          hidden={tab !== active}
        >
          {/* A reload mounts the panel's content afresh (the web form frame reloads itself). */}
          <div key={tab === 'webform' || tab === 'callbacks' ? tab : `${tab}-${reloads[tab]}`} className="tabpanel-content">
            {content(tab)}
          </div>
        </div>
      ))}
    </section>
  );
}
