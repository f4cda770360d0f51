// A webphone launch (webphone_url LAUNCH): as the phone's settings say, the embedded
// webphone (is_webphone Y) is shown in its panel, or it opens in its own window (Y_API_LAUNCH).
import { useEffect } from 'react';
import type { EffectProps } from '../shared/effect-props.js';
import { useScreenContext } from './use-screen-context.js';

const launched = new Set<string>();

/** The event the embedded webphone panel listens to, to show itself. */
export const SHOW_WEBPHONE_EVENT = 'agent-webphone-show';

export function openWebphoneWindow(url: string): Window | null {
  return window.open(url, 'agent-webphone', 'popup,width=420,height=640');
}

export function WebphoneEffect({ effect, onDone }: EffectProps<'webphone'>) {
  const { snapshot } = useScreenContext();
  const url = effect.payload.url || (snapshot?.webphone?.url ?? '');
  useEffect(() => {
    if (!url) {
      // Nothing to open: the agent's phone is no webphone.
      if (snapshot) onDone();
      return;
    }
    if (!launched.has(effect.id)) {
      launched.add(effect.id);
      if (snapshot?.webphone?.embedded) window.dispatchEvent(new Event(SHOW_WEBPHONE_EVENT));
      else openWebphoneWindow(url);
    }
    onDone();
  }, [url, snapshot, effect.id, onDone]);
  return null;
}
