// A small keypad for tones into the call (an IVR menu, an extension): the keys compose,
// "Send tones" sends them (agent-screen.md §3.15; # and * go as P and S).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction } from '../../contract/agent.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function Keypad({ busy, run }: { busy: boolean; run: (action: AgentAction) => void }) {
  const { t } = useTranslation('calls');
  const [tones, setTones] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tones) return;
    run({ action: 'dtmf', tones });
    setTones('');
  };
  return (
    <details className="keypad" data-testid="keypad">
      <summary>{t('keypad.title')}</summary>
      <form className="keypad-body" onSubmit={submit}>
        <input
          className="keypad-tones mono"
          aria-label={t('keypad.tones')}
          data-testid="keypad-tones"
          inputMode="tel"
          autoComplete="off"
          value={tones}
          onChange={(e) => setTones(e.target.value.replace(/[^0-9*#]/g, '').slice(0, 40))}
        />
        <div className="keypad-keys">
          {KEYS.map((key) => (
            <button key={key} type="button" className="keypad-key" aria-label={t('keypad.key', { key })} onClick={() => setTones((s) => (s + key).slice(0, 40))}>
              {key}
            </button>
          ))}
        </div>
        <div className="keypad-actions">
          <button type="button" className="btn btn-small btn-quiet" disabled={!tones} onClick={() => setTones('')}>
            {t('keypad.clear')}
          </button>
          <button type="submit" className="btn btn-small" data-testid="keypad-send" disabled={busy || !tones}>
            {t('keypad.send')}
          </button>
        </div>
      </form>
    </details>
  );
}
