// "Reloaded 10:42" at the top of a panel the API reloaded; it flashes when it changes.
import { useTranslation } from 'react-i18next';
import type { PanelId } from '../../shared/panels-store.js';
import { usePanels } from '../../shared/panels-store.js';

export function PanelNote({ panel, children }: { panel: PanelId; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation('effects');
  const at = usePanels((s) => s.reloadedAt[panel]);
  const reloads = usePanels((s) => s.reloads[panel]);
  if (!children && !at) return null;
  return (
    <div className="panel-note">
      <div className="panel-note-main">{children}</div>
      {at !== undefined && (
        <span key={reloads} className="panel-reloaded" data-testid={`reloaded-${panel}`}>
          {t('panels.reloaded', { time: new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })}
        </span>
      )}
    </div>
  );
}
