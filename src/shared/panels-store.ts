// Which tool panel is open and how often each was reloaded. A store rather than ToolTabs'
// state: the reload and timer effects open and reload panels, and the counts survive the
// outcome step, which replaces the tabs for a while.
import { create } from 'zustand';

export const PANELS = ['script', 'script2', 'webform', 'email', 'chat', 'callbacks', 'alerts'] as const;
export type PanelId = (typeof PANELS)[number];

/** refresh_panel / update_fields triggers → the panel they reload (agent-screen.md §3.9–§3.10). */
export const TRIGGER_PANELS: Record<string, PanelId> = {
  formreload: 'webform',
  scriptreload: 'script',
  script2reload: 'script2',
  emailreload: 'email',
  chatreload: 'chat',
  callbacksreload: 'callbacks',
};

const zero = () => Object.fromEntries(PANELS.map((p) => [p, 0])) as Record<PanelId, number>;

export interface PanelsState {
  active: PanelId;
  reloads: Record<PanelId, number>;
  reloadedAt: Partial<Record<PanelId, number>>;
  select: (panel: PanelId) => void;
  /** Reloads the panels the triggers name, and no others; callbacksreload also opens Callbacks. */
  reloadTriggers: (triggers: readonly string[], at?: number) => PanelId[];
  reset: () => void;
}

export const usePanels = create<PanelsState>((set, get) => ({
  active: 'script',
  reloads: zero(),
  reloadedAt: {},
  select: (active) => set({ active }),
  reloadTriggers: (triggers, at = Date.now()) => {
    const panels = [...new Set(triggers.map((t) => TRIGGER_PANELS[t.trim().toLowerCase()]).filter((p): p is PanelId => !!p))];
    if (!panels.length) return panels;
    const reloads = { ...get().reloads };
    const reloadedAt = { ...get().reloadedAt };
    for (const p of panels) {
      reloads[p] += 1;
      reloadedAt[p] = at;
    }
    set({ reloads, reloadedAt, ...(panels.includes('callbacks') ? { active: 'callbacks' as const } : {}) });
    return panels;
  },
  reset: () => set({ active: 'script', reloads: zero(), reloadedAt: {} }),
}));
