// Script and Script 2: the campaign's script with the lead's values, shown as text.
import { useTranslation } from 'react-i18next';
import type { CampaignPanels } from '../../../contract/agent.js';
import { PanelNote } from './PanelNote.js';
import { substituteFields, type FieldValues } from '../../shared/substitute.js';

interface Props {
  panel: 'script' | 'script2';
  script: CampaignPanels['script'];
  values: FieldValues;
}

export function ScriptPanel({ panel, script, values }: Props) {
  const { t } = useTranslation('effects');
  return (
    <>
      <PanelNote panel={panel}>{script && <span className="script-name">{script.name || script.id}</span>}</PanelNote>
      {script ? (
        <div className="script-text" data-testid={`${panel}-text`}>
          {substituteFields(script.text, values)}
        </div>
      ) : (
        <p className="placeholder">{t(panel === 'script' ? 'panels.noScript' : 'panels.noScript2')}</p>
      )}
    </>
  );
}
