// The campaign's web form with the lead's values in its address, in a frame, and a button
// that opens the same address in its own window.
import { useTranslation } from 'react-i18next';
import { PanelNote } from './PanelNote.js';

export function WebFormPanel({ url, leadId, reloads }: { url: string; leadId: number | null; reloads: number }) {
  const { t } = useTranslation('effects');
  if (!url) return <p className="placeholder">{t('panels.noWebForm')}</p>;
  return (
    <div className="webform">
      <PanelNote panel="webform">
        <button type="button" className="btn btn-small" data-testid="webform-open" onClick={() => window.open(url, 'agent-webform', 'popup,width=640,height=450')}>
          {t('panels.openWindow')}
        </button>
      </PanelNote>
      {/* A new key on reload: the frame loads the address again. */}
      <iframe key={`${reloads}-${url}`} className="webform-frame" src={url} title={t('panels.webFormFrame', { lead: leadId ?? '' })} data-testid="webform-frame" />
    </div>
  );
}
