// What every screen-effect component receives: its effect (narrowed to its kind) and a way
// to take it off the screen. Shared so effects/ and the panels need not import each other.
import type { EffectKind, ScreenEffectOf } from '../../contract/agent.js';

export interface EffectProps<K extends EffectKind = EffectKind> {
  effect: ScreenEffectOf<K>;
  /** Takes the effect off the screen (it stays acknowledged). */
  onDone: () => void;
}
