// The loudest thing on screen: the state in words and colour, its timer and its reason.
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import { Elapsed } from './Elapsed.js';

export function StatePill({ snapshot, clockOffset }: { snapshot: AgentSnapshot; clockOffset: number }) {
  const { t } = useTranslation();
  const { state, stateSince, pauseCode } = snapshot.agent;
  const reason = state === 'paused' && pauseCode ? (pauseCode === 'LOGIN' && !isDefined(snapshot, pauseCode) ? t('header.pauseLogin') : pauseName(snapshot, pauseCode)) : '';
  return (
    <div className="state-pill" data-testid="state-pill" data-state={state} role="status" aria-live="polite">
      <span className="state-dot" aria-hidden="true" />
      <span className="state-name">{t(`state.${state}`)}</span>
      <span className="state-sep" aria-hidden="true">·</span>
      <Elapsed since={stateSince} clockOffset={clockOffset} testId="state-timer" />
      {reason && (
        <>
          <span className="state-sep" aria-hidden="true">·</span>
          <span className="state-reason" data-testid="pause-code" data-code={pauseCode} title={t('header.pauseReason', { reason })}>
            {reason}
          </span>
        </>
      )}
    </div>
  );
}

function isDefined(snapshot: AgentSnapshot, code: string): boolean {
  return snapshot.pauseCodes.some((p) => p.code === code);
}

/** The pause code's name when the campaign defines it (LOGIN and API codes may not be). */
export function pauseName(snapshot: AgentSnapshot, code: string): string {
  return snapshot.pauseCodes.find((p) => p.code === code)?.name ?? code;
}

export function LoadingPill() {
  const { t } = useTranslation();
  return (
    <div className="state-pill" data-testid="state-pill" data-state="loading" role="status">
      <span className="state-dot" aria-hidden="true" />
      <span className="state-name">{t('state.loading')}</span>
    </div>
  );
}
