// What an effect component needs beyond its payload: the agent's snapshot (from the same
// query the screen polls, so no extra request) and a way to act on the call.
import { useQuery } from '@tanstack/react-query';
import type { AgentAction } from '../../contract/agent.js';
import { postAction } from '../api/action.js';
import { snapshotQueryOptions } from '../api/snapshot.js';
import { useSession } from '../session/store.js';

export function useScreenContext() {
  const token = useSession((s) => s.session?.token ?? '');
  // The screen's own observer polls; this one only reads the cache (no second timer).
  const query = useQuery({ ...snapshotQueryOptions(token), enabled: token !== '', refetchInterval: false });
  return {
    token,
    snapshot: query.data?.snapshot ?? null,
    clockOffset: query.data?.clockOffset ?? 0,
    act: (action: AgentAction) => postAction(token, action),
  };
}
