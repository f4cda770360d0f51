// The signed-in console: live agents on top; below, the function form beside the replies
// and the history of the calls made here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSOLE_SOURCE, type ConsoleFunction } from '../../contract/supervisor.js';
import { isUnauthorized } from '../api/http.js';
import { LanguagePicker } from '../session/LanguagePicker.js';
import { API_PATH, callAgentApi, useLiveAgents, type ConsoleCredentials } from './api.js';
import { callParams, curlCommand, targetParam } from './reply.js';
import { AgentsTable } from './AgentsTable.js';
import { FunctionForm } from './FunctionForm.js';
import { History, Replies, type SentCall } from './Results.js';

interface Props {
  credentials: ConsoleCredentials;
  onSignOut: () => void;
  onExpired: () => void;
}

export function Console({ credentials, onSignOut, onExpired }: Props) {
  const { t } = useTranslation('supervisor');
  const agents = useLiveAgents(credentials.token);
  const [selected, setSelected] = useState<string[]>([]);
  const [history, setHistory] = useState<SentCall[]>([]);
  const [shown, setShown] = useState<number | null>(null);

  useEffect(() => {
    if (isUnauthorized(agents.error)) onExpired();
  }, [agents.error, onExpired]);

  // Agents who logged out leave the selection.
  const present = new Set((agents.data?.agents ?? []).map((a) => a.user));
  const selection = agents.data ? selected.filter((u) => present.has(u)) : selected;

  const send = async (fn: ConsoleFunction, values: Record<string, string>) => {
    const target = targetParam(fn, values);
    const targets: (string | null)[] = target && selection.length > 0 ? selection : [null];
    const replies = await Promise.all(targets.map(async (agent) => {
      const params = callParams({ user: credentials.user, pass: credentials.pass, source: CONSOLE_SOURCE, fn, values: target && agent ? { ...values, [target]: agent } : values });
      const curl = curlCommand(window.location.origin, API_PATH, params);
      const shownAgent = agent ?? (target ? values[target] ?? '' : '') ?? '';
      try {
        return { agent: shownAgent, body: await callAgentApi(params), curl };
      } catch {
        return { agent: shownAgent, body: null, curl };
      }
    }));
    const call: SentCall = { id: Date.now() + Math.random(), at: Date.now(), fn: fn.name, replies };
    setHistory((now) => [call, ...now].slice(0, 200));
    setShown(call.id);
  };

  const current = history.find((c) => c.id === shown) ?? null;
  return (
    <div className="sv-console" data-testid="sv-console">
      <header className="sv-header">
        <h1>{t('title')}</h1>
        <span className="sv-who" data-testid="sv-who">{t('signedInAs', { user: credentials.user, name: credentials.fullName })}</span>
        <LanguagePicker />
        <button type="button" className="btn btn-small" onClick={onSignOut}>{t('signOut')}</button>
      </header>
      <AgentsTable data={agents.data} loading={agents.isPending} selected={selection} onSelect={setSelected} />
      <div className="sv-work">
        <FunctionForm selected={selection} onSend={send} />
        <section className="sv-panel sv-results" aria-labelledby="sv-results-title">
          <h2 id="sv-results-title">{t('result.title')}</h2>
          <Replies call={current} />
          <History calls={history} shown={shown} onShow={setShown} />
        </section>
      </div>
    </div>
  );
}
