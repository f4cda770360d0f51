// refresh_panel / update_fields reloads (agent-screen.md §3.10): the named panels, and no
// others, reload; callbacksreload opens the Callbacks list. The panels show it themselves.
import { useEffect } from 'react';
import type { EffectProps } from './EffectsHost.js';
import { usePanels } from '../screen/panels/store.js';

const applied = new Set<string>();

export function ReloadEffect({ effect, onDone }: EffectProps) {
  useEffect(() => {
    if (!applied.has(effect.id)) {
      applied.add(effect.id);
      const triggers = Array.isArray(effect.payload.panels) ? effect.payload.panels.filter((p): p is string => typeof p === 'string') : [];
      usePanels.getState().reloadTriggers(triggers);
    }
    onDone();
  }, [effect, onDone]);
  return null;
}
