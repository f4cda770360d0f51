// Steps 1 and 2 of the guided transfer: who to (a queue, an agent, a number), then how
// (warm: a 3-way call first; cold: the call leaves now). Voicemail is offered apart.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction } from '../../contract/agent.js';
import { transferAction, warmAllowed, type TargetKind, type TransferMode, type TransferProblem } from './transfer.js';

interface Props {
  ingroups: string[];
  busy: boolean;
  run: (action: AgentAction) => void;
}

const KINDS: TargetKind[] = ['number', 'ingroup', 'agent'];

export function TransferSetup({ ingroups, busy, run }: Props) {
  const { t } = useTranslation('calls');
  const [kind, setKind] = useState<TargetKind>('number');
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<TransferMode>('warm');
  const [holdCustomer, setHoldCustomer] = useState(false);
  const [problem, setProblem] = useState<TransferProblem | null>(null);
  const targetInput = useRef<HTMLInputElement>(null);
  useEffect(() => targetInput.current?.focus(), [kind]);

  const warm = mode === 'warm' && warmAllowed(kind);
  const shown = target.trim() || t(`transfer.target.${kind}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const action = transferAction({ kind, target, mode, holdCustomer });
    if ('problem' in action) setProblem(action.problem);
    else run(action);
  };
  const inputLabel = kind === 'number' ? t('transfer.numberLabel') : kind === 'ingroup' ? t('transfer.ingroupLabel') : t('transfer.agentLabel');

  return (
    <form className="xfer-setup" data-testid="transfer-setup" onSubmit={submit} noValidate>
      <fieldset className="xfer-step">
        <legend>{t('transfer.whoTitle')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('transfer.whoTitle')}>
          {KINDS.map((k) => (
            <label key={k} className="segment">
              <input type="radio" name="xfer-kind" value={k} checked={kind === k} data-testid={`transfer-kind-${k}`} onChange={() => { setKind(k); setProblem(null); }} />
              {t(`transfer.target.${k}`)}
            </label>
          ))}
        </div>
        <label className="field">
          <span>{inputLabel}</span>
          <input
            ref={targetInput}
            data-testid="transfer-target"
            autoComplete="off"
            inputMode={kind === 'number' ? 'tel' : 'text'}
            list={kind === 'ingroup' ? 'xfer-ingroups' : undefined}
            value={target}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'xfer-problem' : undefined}
            onChange={(e) => { setTarget(e.target.value); setProblem(null); }}
          />
        </label>
        <datalist id="xfer-ingroups">
          {ingroups.map((g) => <option key={g} value={g} />)}
        </datalist>
        <p id="xfer-problem" className="field-error" role="alert">{problem ? t(`transfer.${problem}`) : ''}</p>
      </fieldset>

      <fieldset className="xfer-step">
        <legend>{t('transfer.howTitle')}</legend>
        <label className="xfer-mode" data-disabled={!warmAllowed(kind)}>
          <input type="radio" name="xfer-mode" value="warm" checked={warm} disabled={!warmAllowed(kind)} data-testid="transfer-warm" onChange={() => setMode('warm')} />
          <span>
            <strong>{t('transfer.warm')}</strong>
            <small>{warmAllowed(kind) ? t('transfer.warmHint') : t('transfer.agentColdOnly')}</small>
          </span>
        </label>
        {warm && (
          <label className="toggle xfer-hold">
            <input type="checkbox" checked={holdCustomer} data-testid="transfer-hold-customer" onChange={(e) => setHoldCustomer(e.target.checked)} />
            {t('transfer.holdCustomer')}
          </label>
        )}
        <label className="xfer-mode">
          <input type="radio" name="xfer-mode" value="cold" checked={!warm} data-testid="transfer-cold" onChange={() => setMode('cold')} />
          <span>
            <strong>{t('transfer.cold')}</strong>
            <small>{t('transfer.coldHint')}</small>
          </span>
        </label>
      </fieldset>

      <button type="submit" className="btn btn-primary btn-wide" data-testid="transfer-go" disabled={busy}>
        {warm ? t('transfer.dial', { target: shown }) : t('transfer.send', { target: shown })}
      </button>
      <div className="xfer-other">
        <button type="button" className="btn btn-small" data-testid="transfer-voicemail" disabled={busy} onClick={() => run({ action: 'transfer', fn: 'LEAVE_VM' })}>
          {t('transfer.voicemail')}
        </button>
        <small>{t('transfer.voicemailHint')}</small>
      </div>
    </form>
  );
}
