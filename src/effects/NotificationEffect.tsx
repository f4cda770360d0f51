// send_notification on the screen (agent-screen.md §4.5–§4.6): the "Agent Alert" panel with
// the text in its requested style, an icon that fits and an OK button, one at a time (the
// others wait their turn); confetti as a decorative layer. The text is rendered as text.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectProps } from '../shared/effect-props.js';
import { alertTextStyle, alertTone } from '../shared/alert-style.js';
import { AlertIcon } from './AlertIcon.js';
import { confettiSettings, startConfetti } from './confetti.js';
import { useNotificationHistory } from '../shared/notification-history.js';
import { useShownEffects } from './shown-store.js';
import './effects.css';


export function NotificationEffect({ effect, onDone }: EffectProps<'notification'>) {
  const { t, i18n } = useTranslation('effects');
  const payload = effect.payload;
  const text = payload.text;
  const confetti = payload.confetti;
  // Ids as one string: a stable value for the store selector.
  const queue = useShownEffects((s) => s.active.filter((e) => e.kind === 'notification' && e.payload.text !== '').map((e) => e.id).join(' ')).split(' ').filter(Boolean);
  // A confetti-only notification has no panel, so it never waits behind one.
  const turn = text === '' || queue[0] === effect.id;
  const waiting = queue.length - 1;
  const add = useNotificationHistory((s) => s.add);
  const okRef = useRef<HTMLButtonElement>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!turn || started.current) return;
    started.current = true;
    if (text) add({ id: effect.id, at: Date.now(), text, payload });
    if (confetti) startConfetti(confettiSettings(confetti));
    if (!text) onDone();
    else okRef.current?.focus({ preventScroll: true });
  }, [turn, text, confetti, payload, effect.id, add, onDone]);

  if (!turn || !text) return null;
  const tone = alertTone(text, confetti !== null);
  const time = new Date(effect.createdAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section
      className="agent-alert"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`alert-title-${effect.id}`}
      aria-describedby={`alert-text-${effect.id}`}
      data-testid="agent-alert"
      data-tone={tone}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <header className="agent-alert-head">
        <h2 id={`alert-title-${effect.id}`}>{t('alert.title')}</h2>
        <span className="agent-alert-time">{t('alert.received', { time })}</span>
      </header>
      <div className="agent-alert-body">
        <AlertIcon tone={tone} label={t(`alert.tone.${tone}`)} />
        <p id={`alert-text-${effect.id}`} className="agent-alert-text" data-testid="agent-alert-text" style={alertTextStyle(payload)}>
          {text}
        </p>
      </div>
      <footer className="agent-alert-foot">
        {waiting > 0 && <span className="agent-alert-more" data-testid="agent-alert-more">{t('alert.more', { count: waiting })}</span>}
        <button ref={okRef} type="button" className="btn btn-primary" onClick={onDone}>
          {t('alert.ok')}
        </button>
      </footer>
    </section>
  );
}
