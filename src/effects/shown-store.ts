// Which screen effects this tab has shown and which the back end has acknowledged.
// An effect is shown at most once, even across a reload (sessionStorage), and its ack
// is retried until the back end takes it (agent-screen.md §6.4: ack once acted on).
import { create } from 'zustand';
import type { ScreenEffect } from '../../contract/agent.js';

const STORAGE_KEY = 'agent.shownEffects';
const KEEP = 500;

function readShown(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface ShownEffectsState {
  shown: ReadonlySet<string>;
  acked: ReadonlySet<string>;
  inFlight: ReadonlySet<string>;
  /** Effects on screen now: they stay until their component dismisses them. */
  active: ScreenEffect[];
  /** Puts the effect on screen and records it as shown; false when it already was. */
  show: (effect: ScreenEffect) => boolean;
  dismiss: (id: string) => void;
  ackStarted: (id: string) => void;
  ackFinished: (id: string, ok: boolean) => void;
  reset: () => void;
}

export const useShownEffects = create<ShownEffectsState>((set, get) => ({
  shown: new Set(readShown()),
  acked: new Set(),
  inFlight: new Set(),
  active: [],
  show: (effect) => {
    const id = effect.id;
    if (get().shown.has(id)) return false;
    const shown = new Set(get().shown).add(id);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...shown].slice(-KEEP)));
    } catch {
      // storage full or unavailable: the in-memory set still prevents a repeat
    }
    set({ shown, active: [...get().active, effect] });
    return true;
  },
  dismiss: (id) => set({ active: get().active.filter((e) => e.id !== id) }),
  ackStarted: (id) => set({ inFlight: new Set(get().inFlight).add(id) }),
  ackFinished: (id, ok) => {
    const inFlight = new Set(get().inFlight);
    inFlight.delete(id);
    set(ok ? { inFlight, acked: new Set(get().acked).add(id) } : { inFlight });
  },
  reset: () => {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing to clear
    }
    set({ shown: new Set(), acked: new Set(), inFlight: new Set(), active: [] });
  },
}));

/** Effects that were shown but whose ack has not gone through yet (and is not on its way). */
export function pendingAcks(effectIds: readonly string[], state: Pick<ShownEffectsState, 'shown' | 'acked' | 'inFlight'>): string[] {
  return effectIds.filter((id) => state.shown.has(id) && !state.acked.has(id) && !state.inFlight.has(id));
}

/** Sends the acks that are due; a failed one is retried on the next call. */
export async function sendPendingAcks(effectIds: readonly string[], post: (id: string) => Promise<unknown>): Promise<void> {
  const store = useShownEffects.getState();
  await Promise.all(
    pendingAcks(effectIds, store).map(async (id) => {
      useShownEffects.getState().ackStarted(id);
      try {
        await post(id);
        useShownEffects.getState().ackFinished(id, true);
      } catch {
        useShownEffects.getState().ackFinished(id, false);
      }
    }),
  );
}
