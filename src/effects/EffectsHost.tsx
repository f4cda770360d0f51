// Shows each screen effect from the snapshot once, then acknowledges it.
// One component per effect kind goes in EFFECT_COMPONENTS (notification, reload, timer,
// focus, webphone, preview, toast: another issue adds them). A kind without a component
// is left unacknowledged, so the back end keeps it rather than it being lost unseen.
import { useEffect, type ComponentType } from 'react';
import type { ScreenEffect } from '../../contract/agent.js';
import { postEffectAck } from '../api/ack-effect.js';
import { sendPendingAcks, useShownEffects } from './shown-store.js';
import { FocusAlert } from '../agentctl/FocusAlert.js';
import { NotificationEffect } from './NotificationEffect.js';
import { ReloadEffect } from './ReloadEffect.js';
import { TimerEffect } from './TimerEffect.js';
import { WebphoneEffect } from './WebphoneEffect.js';

export interface EffectProps {
  effect: ScreenEffect;
  /** Takes the effect off the screen (it stays acknowledged). */
  onDone: () => void;
}

export const EFFECT_COMPONENTS: Partial<Record<ScreenEffect['kind'], ComponentType<EffectProps>>> = {
  focus: FocusAlert,
  notification: NotificationEffect,
  reload: ReloadEffect,
  timer: TimerEffect,
  webphone: WebphoneEffect,
};

export function EffectsHost({ token, effects }: { token: string; effects: ScreenEffect[] }) {
  const shown = useShownEffects((s) => s.shown);
  const active = useShownEffects((s) => s.active);
  const show = useShownEffects((s) => s.show);
  const dismiss = useShownEffects((s) => s.dismiss);

  useEffect(() => {
    for (const effect of effects) if (EFFECT_COMPONENTS[effect.kind] && !shown.has(effect.id)) show(effect);
  }, [effects, shown, show]);

  const ids = effects.map((e) => e.id).join(' ');
  useEffect(() => {
    if (ids) void sendPendingAcks(ids.split(' '), (id) => postEffectAck(token, id));
  }, [ids, shown, token]);

  return (
    <div className="effects-layer" data-testid="effects-layer">
      {active.map((effect) => {
        const Component = EFFECT_COMPONENTS[effect.kind];
        return Component ? <Component key={effect.id} effect={effect} onDone={() => dismiss(effect.id)} /> : null;
      })}
    </div>
  );
}
