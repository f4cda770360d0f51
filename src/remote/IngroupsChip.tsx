// The inbound queues the agent takes calls from, in the status bar. VICIdial changes them
// silently (change_ingroups, agent-screen.md §3.8); here the list changes in place and is
// briefly highlighted, and the activity list says who changed it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import './remote.css';

export function IngroupsChip({ agent }: { agent: AgentSnapshot['agent'] }) {
  const { t } = useTranslation('agentctl');
  const list = agent.ingroups.join(' ');
  const previous = useRef(list);
  const [flash, setFlash] = useState(0);
  useEffect(() => {
    if (previous.current !== list) setFlash((n) => n + 1);
    previous.current = list;
  }, [list]);
  return (
    <span
      key={flash}
      className={`chip chip-ingroups${flash ? ' flash' : ''}`}
      data-testid="ingroups"
      data-ingroups={list}
      data-blended={agent.blended}
      title={t('ingroups.hint')}
    >
      <span className="chip-label">{t('ingroups.label')}</span>{' '}
      {agent.ingroups.length ? (
        <span className="ingroups-list">{agent.ingroups.join(', ')}</span>
      ) : (
        <span className="ingroups-extra">{t('ingroups.none')}</span>
      )}
      {agent.blended && <> <span className="ingroups-extra">{t('ingroups.blended')}</span></>}
    </span>
  );
}
