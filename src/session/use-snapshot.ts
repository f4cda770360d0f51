// The polled snapshot: the screen's only source of server state.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isUnauthorized } from '../api/http.js';
import { snapshotQueryOptions } from '../api/snapshot.js';
import { useSession } from './store.js';

export function useSnapshot(token: string) {
  const query = useQuery(snapshotQueryOptions(token));
  const end = useSession((s) => s.end);
  const gone = isUnauthorized(query.error);
  const callsToday = query.data?.snapshot.agent.callsToday ?? null;
  useEffect(() => {
    // 401: the session is gone, whether we logged out or the API's `logout` did.
    if (gone) end('ended', callsToday);
  }, [gone, end, callsToday]);
  return query;
}
