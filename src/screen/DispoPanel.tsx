// The outcome step: the customer stays visible beside it. Hotkeys 1–9 and letters pick,
// Enter saves, Escape clears; callback outcomes ask when, who and why.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction, StatusChoice } from '../../contract/agent.js';
import { assignHotkeys, itemForKey } from './hotkeys.js';
import { callbackDatetime } from '../shared/format.js';

interface Props {
  statuses: StatusChoice[];
  pauseAfterCall: boolean;
  busy: boolean;
  run: (action: AgentAction) => void;
}

const SEARCH_FROM = 12;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function DispoPanel({ statuses, pauseAfterCall, busy, run }: Props) {
  const { t } = useTranslation();
  const assigned = useMemo(() => assignHotkeys(statuses), [statuses]);
  const [selected, setSelected] = useState<string | null>(null);
  const [pauseAfter, setPauseAfter] = useState(pauseAfterCall);
  const [search, setSearch] = useState('');
  const [when, setWhen] = useState('');
  const [callbackType, setCallbackType] = useState<'USERONLY' | 'ANYONE'>('USERONLY');
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<'nothingSelected' | 'missingWhen' | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const choice = statuses.find((s) => s.status === selected);

  // A pause asked for during the call (by the agent or the API) shows as ticked.
  useEffect(() => {
    if (pauseAfterCall) setPauseAfter(true);
  }, [pauseAfterCall]);

  useEffect(() => form.current?.focus(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        setSelected(null);
        setProblem(null);
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        form.current?.requestSubmit();
        return;
      }
      const status = itemForKey(assigned, event.key);
      if (status) {
        event.preventDefault();
        setSelected(status.status);
        setProblem(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [assigned]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return setProblem('nothingSelected');
    if (choice.callback && !when) return setProblem('missingWhen');
    run({
      action: 'dispo',
      status: choice.status,
      pauseAfter,
      ...(choice.callback ? { callback: { datetime: callbackDatetime(when), type: callbackType, comments } } : {}),
    });
  };

  const needle = search.trim().toLowerCase();
  const shown = needle ? assigned.filter(({ item }) => item.name.toLowerCase().includes(needle) || item.status.toLowerCase().includes(needle)) : assigned;

  return (
    <form ref={form} noValidate className="dispo-panel panel" data-testid="dispo-panel" aria-labelledby="dispo-title" tabIndex={-1} onSubmit={submit}>
      <div className="dispo-head">
        <h2 id="dispo-title" className="panel-title">
          {t('dispo.title')}
        </h2>
        <p className="dispo-hint">{t('dispo.hint')}</p>
        {statuses.length > SEARCH_FROM && (
          <input type="search" className="dispo-search" placeholder={t('dispo.search')} aria-label={t('dispo.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        )}
      </div>
      <div role="radiogroup" aria-labelledby="dispo-title" className="dispo-list">
        {shown.map(({ item, key }) => (
          <button
            key={item.status}
            type="button"
            role="radio"
            aria-checked={item.status === selected}
            className="dispo-choice"
            data-testid={`dispo-${item.status}`}
            data-callback={item.callback}
            onClick={() => {
              setSelected(item.status);
              setProblem(null);
            }}
            onDoubleClick={() => form.current?.requestSubmit()}
          >
            {key && (
              <kbd className="hotkey" aria-hidden="true">
                {key.toUpperCase()}
              </kbd>
            )}
            <span className="dispo-name">{item.name}</span>
            {item.callback && <span className="dispo-tag">{t('dispo.callbackTag')}</span>}
          </button>
        ))}
        {shown.length === 0 && <p className="placeholder">{t('dispo.noMatches')}</p>}
      </div>
      {choice?.callback && (
        <fieldset className="callback-form" data-testid="callback-form">
          <legend>{t('dispo.callback.title')}</legend>
          <label className="field">
            <span>{t('dispo.callback.when')}</span>
            <input type="datetime-local" value={when} data-testid="callback-when" onChange={(e) => setWhen(e.target.value)} required />
          </label>
          <div className="field" role="radiogroup" aria-label={t('dispo.callback.type')}>
            <span>{t('dispo.callback.type')}</span>
            <div className="segmented">
              {(['USERONLY', 'ANYONE'] as const).map((type) => (
                <label key={type} className="segment">
                  <input type="radio" name="callback-type" value={type} checked={callbackType === type} onChange={() => setCallbackType(type)} />
                  {t(`dispo.callback.${type}`)}
                </label>
              ))}
            </div>
          </div>
          <label className="field field-wide">
            <span>{t('dispo.callback.comments')}</span>
            <textarea rows={2} value={comments} onChange={(e) => setComments(e.target.value)} />
          </label>
        </fieldset>
      )}
      <div className="dispo-actions">
        <label className="toggle" data-testid="dispo-pause-after">
          <input type="checkbox" checked={pauseAfter} onChange={(e) => setPauseAfter(e.target.checked)} />
          <span>{t('dispo.pauseAfter')}</span>
        </label>
        <p className="field-error" role="alert">
          {problem === 'nothingSelected' ? t('dispo.nothingSelected') : problem === 'missingWhen' ? t('dispo.callback.missingWhen') : ''}
        </p>
        <button type="submit" className="btn btn-primary" data-testid="dispo-submit" disabled={busy}>
          {busy ? t('dispo.submitting') : t('dispo.submit')}
        </button>
      </div>
    </form>
  );
}
