// The agent's webphone (agent-screen.md §3.17): embedded (is_webphone Y) in a side panel
// that can be hidden without unloading it; launched (Y_API_LAUNCH) in its own window.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../../contract/agent.js';
import { openWebphoneWindow, SHOW_WEBPHONE_EVENT } from '../../effects/WebphoneEffect.js';
import './panels.css';

const STORAGE_KEY = 'agent.webphoneOpen';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function WebphoneDock({ webphone, sessionId }: { webphone: AgentSnapshot['webphone']; sessionId: string }) {
  const { t } = useTranslation('effects');
  const [open, setOpen] = useState(storedOpen);
  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(SHOW_WEBPHONE_EVENT, show);
    return () => window.removeEventListener(SHOW_WEBPHONE_EVENT, show);
  }, []);
  if (!webphone?.url) return null;
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(STORAGE_KEY, String(!open));
    } catch {
      // the choice lasts for this page
    }
  };
  if (!webphone.embedded) {
    return (
      <aside className="webphone-dock panel" data-open="false" data-testid="webphone-dock" aria-label={t('webphone.title')}>
        <div className="webphone-head">
          <button type="button" className="btn btn-small btn-quiet" data-testid="webphone-launch" onClick={() => openWebphoneWindow(webphone.url)}>
            {t('webphone.open')}
          </button>
        </div>
      </aside>
    );
  }
  return (
    <aside className="webphone-dock panel" data-open={open} data-testid="webphone-dock" aria-labelledby="webphone-title">
      <div className="webphone-head">
        <h2 id="webphone-title" className="panel-title">{t('webphone.title')}</h2>
        <button type="button" className="btn btn-small btn-quiet" aria-expanded={open} aria-controls="webphone-frame" data-testid="webphone-toggle" onClick={toggle}>
          {open ? t('webphone.hide') : t('webphone.show')}
        </button>
      </div>
      <iframe
        id="webphone-frame"
        className="webphone-frame"
        src={webphone.url}
        title={t('webphone.frame', { session: sessionId })}
        allow="microphone *; speakers *;"
        hidden={!open}
        data-testid="webphone-frame"
      />
    </aside>
  );
}
