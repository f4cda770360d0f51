// The agent's snapshot: pushed by the server-sent-event stream when it can be held, else
// (and as a slow safety net) polled with its ETag.
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isUnauthorized } from '../api/http.js';
import { SNAPSHOT_POLL_MS, snapshotQueryOptions, type SnapshotEntry } from '../api/snapshot.js';
import { agentKeys } from '../api/keys.js';
import { PUSH_SAFETY_POLL_MS, PushConnection, browserEventSource, useUpdateMode } from './push.js';
import { useSession } from './store.js';

export function useSnapshot(token: string) {
  const mode = useUpdateMode((s) => s.mode);
  const setMode = useUpdateMode((s) => s.set);
  const client = useQueryClient();
  const query = useQuery(snapshotQueryOptions(token, mode === 'push' ? PUSH_SAFETY_POLL_MS : SNAPSHOT_POLL_MS));
  const end = useSession((s) => s.end);
  const gone = isUnauthorized(query.error);
  const callsToday = query.data?.snapshot.agent.callsToday ?? null;
  useEffect(() => {
    // 401: the session is gone, whether we logged out or the API's `logout` did.
    if (gone) end('ended', callsToday);
  }, [gone, end, callsToday]);
  useEffect(() => {
    const key = agentKeys.snapshot(token);
    const push = new PushConnection(token, {
      snapshot: (snapshot, etag) => {
        // A poll still in flight answers older news than the push: drop it.
        void client.cancelQueries({ queryKey: key });
        client.setQueryData<SnapshotEntry>(key, { snapshot, etag, clockOffset: snapshot.serverTime - Date.now() });
      },
      // Let the poll confirm it (401 ends the session with the usual page).
      logout: () => void client.refetchQueries({ queryKey: key }),
      mode: setMode,
    }, browserEventSource);
    push.start();
    return () => {
      push.stop();
      setMode('polling');
    };
  }, [token, client, setMode]);
  return query;
}
