// Shows each screen effect from the snapshot once, then acknowledges it.
// One component per effect kind (contract/agent.ts EffectPayloads) goes in EFFECT_COMPONENTS.
// A kind without a component (an unknown row) is left unacknowledged, so the back end
// keeps it rather than it being lost unseen.
import { useEffect, type ComponentType } from 'react';
import type { EffectKind, ScreenEffect } from '../../contract/agent.js';
import type { EffectProps } from '../shared/effect-props.js';
import { postEffectAck } from '../api/ack-effect.js';
import { sendPendingAcks, useShownEffects } from './shown-store.js';
import { FocusAlert } from './FocusAlert.js';
import { NotificationEffect } from './NotificationEffect.js';
import { ReloadEffect } from './ReloadEffect.js';
import { TimerEffect } from './TimerEffect.js';
import { WebphoneEffect } from './WebphoneEffect.js';

/** One component per kind, each given its own kind's effect. */
export const EFFECT_COMPONENTS: { [K in EffectKind]: ComponentType<EffectProps<K>> } = {
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
    for (const effect of effects) if (effect.kind in EFFECT_COMPONENTS && !shown.has(effect.id)) show(effect);
  }, [effects, shown, show]);

  const ids = effects.map((e) => e.id).join(' ');
  useEffect(() => {
    if (ids) void sendPendingAcks(ids.split(' '), (id) => postEffectAck(token, id));
  }, [ids, shown, token]);

  return (
    <div className="effects-layer" data-testid="effects-layer">
      {active.map((effect) => {
        // The map pairs each kind with its component; TypeScript cannot follow the pairing through the lookup.
        const Component = EFFECT_COMPONENTS[effect.kind] as ComponentType<EffectProps> | undefined;
        return Component ? <Component key={effect.id} effect={effect} onDone={() => dismiss(effect.id)} /> : null;
      })}
    </div>
  );
}
