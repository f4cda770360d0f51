// The 3rd party of a warm transfer or 3-way call, with its state (ringing, connected), and
// what the agent can do: complete (leave the two connected) or cancel (hang up the 3rd
// party). Hanging up both ends the call for everyone, so it sits apart, in red.
import { useTranslation } from 'react-i18next';
import type { AgentAction, AgentSnapshot } from '../../contract/agent.js';

interface Props {
  leg: NonNullable<AgentSnapshot['threeWay']>;
  customer: { number: string; onHold: boolean };
  busy: boolean;
  run: (action: AgentAction) => void;
}

export function ThreeWayLeg({ leg, customer, busy, run }: Props) {
  const { t } = useTranslation('calls');
  const { number, state } = leg;
  return (
    <section className="xfer-leg" data-testid="three-way-leg" data-leg={state} aria-labelledby="xfer-leg-title">
      <h3 id="xfer-leg-title" className="visually-hidden">{t('transfer.legsTitle')}</h3>
      <ul className="xfer-legs" aria-live="polite">
        <li className="xfer-leg-line" data-leg={customer.onHold ? 'held' : 'live'} data-testid="leg-customer">
          <span className="leg-dot" aria-hidden="true" />
          <span className="xfer-leg-who">{t('transfer.customerTitle')}</span>
          <strong className="xfer-leg-number">{customer.number}</strong>
          <span className="xfer-leg-state">{customer.onHold ? t('transfer.customerHeld') : t('transfer.customerLive')}</span>
        </li>
        <li className="xfer-leg-line" data-leg={state} data-testid="leg-third-party">
          <span className="leg-dot" aria-hidden="true" />
          <span className="xfer-leg-who">{t('transfer.legTitle')}</span>
          <strong className="xfer-leg-number">{number}</strong>
          <span className="xfer-leg-state" data-testid="three-way-state">{t(`transfer.leg.${state}`)}</span>
        </li>
      </ul>
      <div className="xfer-leg-actions">
        <button type="button" className="btn btn-primary" data-testid="three-way-complete" disabled={busy || state !== 'live'} onClick={() => run({ action: 'transfer', fn: 'LEAVE_3WAY_CALL' })}>
          {t('transfer.complete')}
        </button>
        <small>{t('transfer.completeHint', { number })}</small>
        <button type="button" className="btn" data-testid="three-way-cancel" disabled={busy} onClick={() => run({ action: 'transfer', fn: 'HANGUP_XFER' })}>
          {t('transfer.cancel', { number })}
        </button>
        <small>{t('transfer.cancelHint')}</small>
      </div>
      <div className="xfer-danger">
        <span>{t('transfer.endsCall')}</span>
        <button type="button" className="btn btn-danger btn-small" data-testid="three-way-hangup-both" disabled={busy} onClick={() => run({ action: 'transfer', fn: 'HANGUP_BOTH' })}>
          {t('transfer.hangupBoth')}
        </button>
      </div>
    </section>
  );
}
