// external_dial with focus=YES (agent-screen.md §3.5): the real screen brings its window to
// the front and shows the alert "Placing call to:<code> <number>". Ours says it in the
// agent's language, brings the window forward where the browser allows, and never covers
// the customer or the call controls. OK, Enter or Escape closes it; it also goes by itself.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectProps } from '../shared/effect-props.js';
import { formatPhone } from '../shared/format.js';
import '../remote/remote.css';

const SHOWN_MS = 15_000;

export function focusNumber(payload: Record<string, unknown>): string {
  const number = typeof payload.number === 'string' ? payload.number : '';
  const code = typeof payload.phoneCode === 'string' ? payload.phoneCode : '';
  const local = formatPhone(number, code);
  return code && code !== '1' ? `+${code} ${local}` : local;
}

export function FocusAlert({ effect, onDone }: EffectProps<'focus'>) {
  const { t } = useTranslation('agentctl');
  const ok = useRef<HTMLButtonElement>(null);
  const number = focusNumber(effect.payload);
  const title = t('focus.title', { number });
  // The host passes a new onDone on every render: the timer must not restart with it.
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    window.focus();
    ok.current?.focus();
    // A hidden tab shows the alert in its title until the agent comes back.
    const before = document.title;
    if (document.hidden) document.title = title;
    const restore = () => {
      if (!document.hidden) document.title = before;
    };
    document.addEventListener('visibilitychange', restore);
    const timer = window.setTimeout(() => done.current(), SHOWN_MS);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', restore);
      if (document.title === title) document.title = before;
    };
    // Once per alert: focus and the timer start when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section
      className="focus-alert"
      role="alert"
      aria-labelledby={`focus-alert-${effect.id}`}
      data-testid="focus-alert"
      data-number={effect.payload.number}
      onKeyDown={(event) => event.key === 'Escape' && onDone()}
    >
      <span className="focus-alert-mark" aria-hidden="true" />
      <div className="focus-alert-body">
        <h2 id={`focus-alert-${effect.id}`} className="focus-alert-title">
          {title}
        </h2>
        <p className="focus-alert-hint">{t('focus.hint')}</p>
      </div>
      <button ref={ok} type="button" className="btn btn-primary" onClick={onDone}>
        {t('focus.ok')}
      </button>
    </section>
  );
}
