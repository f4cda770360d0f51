// The previewed lead (external_dial preview=YES, agent-screen.md §3.5–§3.6): the customer is
// in the customer panel; here the agent (or preview_dial_action) chooses to dial its main,
// alternate or address-3 number, skip it or finish it. Only numbers the lead has are offered.
// Only the actions the campaign allows are offered (snapshot.agent.previewChoices: PREVIEW_ONLY
// has no skip; alt_number_dialing N has no alt/addr3/finish); the back end refuses the others.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction, AgentSnapshot } from '../../contract/agent.js';
import { customerName, formatPhone } from '../shared/format.js';
import './remote.css';

type Choice = Extract<AgentAction, { action: 'preview' }>['choice'];

interface Props {
  snapshot: AgentSnapshot;
  busy: boolean;
  run: (action: AgentAction) => void;
}

const dialable = (number: string) => number.replace(/\D/g, '').length >= 2;

export function PreviewPanel({ snapshot, busy, run }: Props) {
  const { t } = useTranslation('agentctl');
  const dial = useRef<HTMLButtonElement>(null);
  const lead = snapshot.lead;
  const leadId = lead?.lead_id ?? 0;
  // Focus moves to what needs the agent: Enter dials the main number.
  useEffect(() => dial.current?.focus(), [leadId]);
  if (!lead) return null;

  const choose = (choice: Choice) => run({ action: 'preview', choice });
  const allowed = (choice: Choice) => snapshot.agent.previewChoices.includes(choice);
  const phone = (n: string) => formatPhone(n, lead.phone_code);
  return (
    <section className="preview-panel panel" data-testid="preview-panel" data-lead-id={lead.lead_id} aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title" className="panel-title">
          {t('preview.title')}
        </h2>
        <p className="preview-who">
          <strong data-testid="preview-name">{customerName(lead) || t('preview.unknown')}</strong>
          <span className="preview-number">{phone(lead.phone_number)}</span>
        </p>
        <p className="preview-hint">{t('preview.hint')}</p>
      </div>
      <div className="preview-bar">
        <div className="preview-actions" role="group" aria-label={t('preview.actions')}>
          <button ref={dial} type="button" className="btn btn-primary" data-testid="preview-dial" disabled={busy} onClick={() => choose('DIALONLY')}>
            {t('preview.dial', { number: phone(lead.phone_number) })}
          </button>
          {allowed('ALTDIAL') && dialable(lead.alt_phone) && (
            <button type="button" className="btn" data-testid="preview-dial-alt" disabled={busy} onClick={() => choose('ALTDIAL')}>
              {t('preview.dialAlt', { number: phone(lead.alt_phone) })}
            </button>
          )}
          {allowed('ADR3DIAL') && dialable(lead.address3) && (
            <button type="button" className="btn" data-testid="preview-dial-address3" disabled={busy} onClick={() => choose('ADR3DIAL')}>
              {t('preview.dialAddress3', { number: phone(lead.address3) })}
            </button>
          )}
        </div>
        <div className="preview-actions preview-actions-end" role="group" aria-label={t('preview.otherActions')}>
          {allowed('SKIP') && (
            <button type="button" className="btn" data-testid="preview-skip" disabled={busy} onClick={() => choose('SKIP')}>
              {t('preview.skip')}
            </button>
          )}
          {allowed('FINISH') && (
            <button type="button" className="btn btn-quiet" data-testid="preview-finish" title={t('preview.finishHint')} disabled={busy} onClick={() => choose('FINISH')}>
              {t('preview.finish')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
