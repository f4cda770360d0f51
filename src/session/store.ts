// The agent session on this tab: the bearer token (sessionStorage, so a reload keeps
// the session but another tab does not share it) and why the session ended.
import { create } from 'zustand';

const TOKEN_KEY = 'agent.session';

export type LoggedOutReason = 'self' | 'ended';

interface StoredSession {
  token: string;
  user: string;
}

export interface SessionState {
  session: StoredSession | null;
  /** Set once the session is over; the logged-out page shows until the next login. */
  loggedOut: { reason: LoggedOutReason; user: string; callsToday: number | null } | null;
  start: (session: StoredSession) => void;
  end: (reason: LoggedOutReason, callsToday?: number | null) => void;
  backToLogin: () => void;
}

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return typeof parsed.token === 'string' && typeof parsed.user === 'string' ? { token: parsed.token, user: parsed.user } : null;
  } catch {
    return null;
  }
}

export const useSession = create<SessionState>((set, get) => ({
  session: readStored(),
  loggedOut: null,
  start: (session) => {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
    set({ session, loggedOut: null });
  },
  end: (reason, callsToday = null) => {
    const user = get().session?.user ?? '';
    sessionStorage.removeItem(TOKEN_KEY);
    set({ session: null, loggedOut: { reason, user, callsToday } });
  },
  backToLogin: () => set({ loggedOut: null }),
}));
