// GET /agent/snapshot: what the screen shows, polled every second with the ETag,
// so an unchanged snapshot costs the back end a 304 (ARCHITECTURE.md "cheap snapshot").
import { queryOptions } from '@tanstack/react-query';
import type { AgentSnapshot } from '../../contract/agent.js';
import { agentKeys } from './keys.js';
import { ApiError, bearer, errorCode } from './http.js';

export interface SnapshotEntry {
  snapshot: AgentSnapshot;
  etag: string | null;
  /** Server clock minus this browser's clock when the snapshot arrived, in ms. */
  clockOffset: number;
}

export const SNAPSHOT_POLL_MS = 1000;

export async function fetchSnapshot(token: string, previous: SnapshotEntry | undefined, signal?: AbortSignal): Promise<SnapshotEntry> {
  const headers: Record<string, string> = bearer(token);
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  let response: Response;
  try {
    response = await fetch('/agent/snapshot', { headers, signal, cache: 'no-store' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network');
  }
  if (response.status === 304 && previous) return previous;
  if (!response.ok) throw new ApiError(response.status, await errorCode(response));
  const snapshot = (await response.json()) as AgentSnapshot;
  return { snapshot, etag: response.headers.get('ETag'), clockOffset: snapshot.serverTime - Date.now() };
}

/** `pollMs`: every second, or a slow safety poll while the push stream is healthy (session/push.ts). */
export function snapshotQueryOptions(token: string, pollMs = SNAPSHOT_POLL_MS) {
  return queryOptions({
    queryKey: agentKeys.snapshot(token),
    queryFn: ({ client, signal, queryKey }) =>
      fetchSnapshot(token, client.getQueryData<SnapshotEntry>(queryKey), signal),
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
    // A closed session is final; a network blip is retried by the next poll anyway.
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}
