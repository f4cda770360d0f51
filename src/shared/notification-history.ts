// Notifications the agent has seen in this session, newest first (SCREEN.md: "kept in a
// notification history"). Kept in sessionStorage so a reload does not lose them.
import { create } from 'zustand';

export interface SeenNotification {
  id: string;
  at: number;
  text: string;
  payload: Record<string, unknown>;
}

const STORAGE_KEY = 'agent.notificationHistory';
const KEEP = 50;

function read(): SeenNotification[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SeenNotification[]).filter((n) => n && typeof n.id === 'string') : [];
  } catch {
    return [];
  }
}

interface HistoryState {
  items: SeenNotification[];
  add: (item: SeenNotification) => void;
  reset: () => void;
}

export const useNotificationHistory = create<HistoryState>((set, get) => ({
  items: read(),
  add: (item) => {
    if (get().items.some((n) => n.id === item.id)) return;
    const items = [item, ...get().items].slice(0, KEEP);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(items));
    } catch {
      // storage unavailable: the list still lasts for this page
    }
    set({ items });
  },
  reset: () => {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing to clear
    }
    set({ items: [] });
  },
}));
