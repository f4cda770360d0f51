// refresh_panel / update_fields reloads (agent-screen.md §3.10): the named panels, and no
// others, reload; callbacksreload opens the Callbacks list. The panels show it themselves.
import { useEffect } from 'react';
import type { EffectProps } from '../shared/effect-props.js';
import { usePanels } from '../shared/panels-store.js';

const applied = new Set<string>();

export function ReloadEffect({ effect, onDone }: EffectProps<'reload'>) {
  useEffect(() => {
    if (!applied.has(effect.id)) {
      applied.add(effect.id);
      usePanels.getState().reloadTriggers(effect.payload.panels);
    }
    onDone();
  }, [effect, onDone]);
  return null;
}
