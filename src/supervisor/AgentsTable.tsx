// The logged-in agents, live: filterable by campaign and user group, with the agent
// screen's state colours and words, and checkboxes to pick whom a function goes to.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleAgent, ConsoleAgents } from '../../contract/supervisor.js';
import { Elapsed } from '../screen/Elapsed.js';
import { formatPhone } from '../shared/format.js';

interface Props {
  data: ConsoleAgents | undefined;
  loading: boolean;
  selected: string[];
  onSelect: (users: string[]) => void;
}

const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort();

export function AgentsTable({ data, loading, selected, onSelect }: Props) {
  const { t } = useTranslation('supervisor');
  const [campaign, setCampaign] = useState('');
  const [group, setGroup] = useState('');
  const all = data?.agents ?? [];
  // The server's clock, as of this poll: time in state counts from the server's stamps.
  const clockOffset = useMemo(() => (data ? data.serverTime - Date.now() : 0), [data]);
  const shown = all.filter((a) => (!campaign || a.campaignId === campaign) && (!group || a.userGroup === group));
  const allShownSelected = shown.length > 0 && shown.every((a) => selected.includes(a.user));
  const toggle = (user: string, on: boolean) => onSelect(on ? [...selected, user] : selected.filter((u) => u !== user));
  const toggleShown = (on: boolean) => {
    const users = shown.map((a) => a.user);
    onSelect(on ? [...new Set([...selected, ...users])] : selected.filter((u) => !users.includes(u)));
  };

  return (
    <section className="sv-panel sv-agents" aria-labelledby="sv-agents-title">
      <div className="sv-agents-head">
        <h2 id="sv-agents-title">{t('agents.title')}</h2>
        <span className="sv-muted" data-testid="sv-agent-count">{t('agents.count', { count: shown.length })} · {t('agents.selected', { count: selected.length })}</span>
        <label className="sv-filter">
          <span>{t('agents.campaign')}</span>
          <select data-testid="sv-filter-campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
            <option value="">{t('agents.all')}</option>
            {distinct(all.map((a) => a.campaignId)).map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label className="sv-filter">
          <span>{t('agents.userGroup')}</span>
          <select data-testid="sv-filter-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('agents.all')}</option>
            {distinct(all.map((a) => a.userGroup)).map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
      </div>
      <div className="sv-table-wrap">
        <table className="sv-table" data-testid="sv-agents">
          <thead>
            <tr>
              <th className="sv-check"><input type="checkbox" aria-label={t('agents.selectAll')} checked={allShownSelected} disabled={shown.length === 0} onChange={(e) => toggleShown(e.target.checked)} /></th>
              <th>{t('agents.cols.agent')}</th>
              <th>{t('agents.cols.campaign')}</th>
              <th>{t('agents.cols.group')}</th>
              <th>{t('agents.cols.state')}</th>
              <th>{t('agents.cols.pauseCode')}</th>
              <th>{t('agents.cols.lead')}</th>
              <th>{t('agents.cols.call')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => <AgentRow key={a.user} agent={a} clockOffset={clockOffset} checked={selected.includes(a.user)} onToggle={(on) => toggle(a.user, on)} />)}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="sv-muted sv-empty">{loading ? t('agents.loading') : all.length === 0 ? t('agents.none') : t('agents.noneMatch')}</p>
        )}
      </div>
    </section>
  );
}

function AgentRow({ agent: a, clockOffset, checked, onToggle }: { agent: ConsoleAgent; clockOffset: number; checked: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation('supervisor');
  const { t: tCore } = useTranslation();
  return (
    <tr data-testid={`sv-agent-${a.user}`} data-state={a.state} aria-selected={checked}>
      <td className="sv-check"><input type="checkbox" aria-label={t('agents.select', { user: a.user })} checked={checked} onChange={(e) => onToggle(e.target.checked)} /></td>
      <td><span className="sv-user mono">{a.user}</span> <span className="sv-name">{a.fullName}</span></td>
      <td className="mono">{a.campaignId}</td>
      <td className="mono">{a.userGroup}</td>
      <td>
        <span className="sv-state" data-testid="sv-state" data-state={a.state}>
          <span className="state-dot" aria-hidden="true" />
          <span>{tCore(`state.${a.state}`)}</span>
          <span className="state-sep" aria-hidden="true">·</span>
          <Elapsed since={a.stateSince} clockOffset={clockOffset} />
        </span>
      </td>
      <td className="mono" data-testid="sv-pause-code">{a.state === 'paused' ? a.pauseCode : ''}</td>
      <td data-testid="sv-lead">{a.lead ? <><span>{a.lead.name}</span> <span className="sv-muted">{t('agents.leadId', { id: a.lead.id })}</span></> : ''}</td>
      <td data-testid="sv-call">{a.call ? <><span>{formatPhone(a.call.phone)}</span> <span className="sv-muted mono">{a.call.callerid}</span></> : ''}</td>
    </tr>
  );
}
