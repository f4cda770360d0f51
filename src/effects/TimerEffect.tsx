// set_timer_action (agent-screen.md §3.11): at `seconds` into the current call, counted from
// the call's start, show the timer message, open the web form, dial a preset, hang up or
// transfer. Never before its second; not at all once the call it was set on has ended.
// A newer timer replaces this one, as VICIdial keeps one timer per call.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectProps } from '../shared/effect-props.js';
import { useShownEffects } from './shown-store.js';
import { readTimerPayload, timerArmed, timerPlan, TRANSFER_PRESETS, type TimerPlan } from './timer-action.js';
import { useScreenContext } from './use-screen-context.js';
import { fieldValues, webFormUrl } from '../shared/substitute.js';
import { usePanels } from '../shared/panels-store.js';
import './effects.css';

const CHECK_MS = 200;

interface Outcome {
  plan: TimerPlan;
  webForm?: { url: string; opened: boolean };
  failure?: string;
}

export function TimerEffect({ effect, onDone }: EffectProps<'timer'>) {
  const { t } = useTranslation('effects');
  const ctx = useScreenContext();
  const timer = readTimerPayload(effect.payload);
  const setOnCall = effect.payload.callerid;
  const latest = useShownEffects((s) => s.active.filter((e) => e.kind === 'timer').at(-1)?.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const latestCtx = useRef(ctx);
  latestCtx.current = ctx;
  const fired = useRef(false);

  useEffect(() => {
    if (fired.current) return;
    if (latest !== effect.id || !timerArmed(timer)) return onDone();
    const fire = () => {
      fired.current = true;
      const { snapshot, act } = latestCtx.current;
      const plan = timerPlan(timer);
      const result: Outcome = { plan };
      if (plan.webForm && snapshot) {
        const address = plan.webForm === 2 ? snapshot.panels.webFormUrl2 : snapshot.panels.webFormUrl;
        const url = webFormUrl(address, fieldValues(snapshot));
        if (plan.webForm === 1) usePanels.getState().select('webform');
        result.webForm = { url, opened: url ? window.open(url, 'agent-webform', 'popup,width=640,height=450') !== null : false };
      }
      if (plan.call) act(plan.call).catch((err: unknown) => setOutcome({ ...result, failure: err instanceof Error ? err.message : String(err) }));
      const show = plan.message || plan.call !== null || (result.webForm ? !result.webForm.opened : plan.webForm !== null);
      if (show) setOutcome(result);
      else onDone();
    };
    const check = () => {
      const { snapshot, clockOffset } = latestCtx.current;
      if (!snapshot || fired.current) return;
      const call = snapshot.call;
      if (!setOnCall) {
        // Set while off a call: only second 0 fires (at once); the next call starts without it.
        return timer.seconds === 0 ? fire() : onDone();
      }
      if (!call || call.callerid !== setOnCall || call.state === 'ended' || snapshot.agent.state === 'dispo') return onDone();
      if (Date.now() + clockOffset - call.startedAt >= timer.seconds * 1000) fire();
    };
    check();
    const interval = window.setInterval(check, CHECK_MS);
    return () => window.clearInterval(interval);
  }, [latest, effect.id, onDone, setOnCall, timer.action, timer.seconds]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!outcome) return null;
  const { plan, webForm, failure } = outcome;
  const dial = /^D([1-5])_DIAL/.exec(timer.action);
  return (
    <section className="timer-box" role="status" aria-labelledby={`timer-title-${effect.id}`} data-testid="timer-notification" data-action={timer.action}>
      <h2 id={`timer-title-${effect.id}`}>{t('timer.title')}</h2>
      <p className="timer-at">{t('timer.at', { seconds: timer.seconds })}</p>
      {timer.message && <p className="timer-message" data-testid="timer-message">{timer.message}</p>}
      {webForm && (webForm.opened ? <p>{t('timer.webFormOpened')}</p> : webForm.url ? (
        <p>
          {t('timer.webFormBlocked')}{' '}
          <a href={webForm.url} target="_blank" rel="noopener noreferrer">{t('timer.openWebForm')}</a>
        </p>
      ) : <p>{t('timer.noWebForm', { action: timer.action })}</p>)}
      {dial && <p>{t('timer.dialing', { preset: dial[1], number: TRANSFER_PRESETS[Number(dial[1]) - 1] })}</p>}
      {timer.action === 'HANGUP' && <p>{t('timer.hangup')}</p>}
      {plan.call?.action === 'transfer' && !dial && <p>{t('timer.transfer', { destination: timer.destination })}</p>}
      {plan.missingDestination && <p>{t('timer.noDestination', { action: timer.action })}</p>}
      {failure && <p className="timer-failure" role="alert">{t('timer.failed', { reason: failure })}</p>}
      <button type="button" className="btn btn-small" onClick={onDone}>
        {t('timer.close')}
      </button>
    </section>
  );
}
