// GET /agent/callbacks: the agent's scheduled callbacks (server/http/callbacks-route.ts).
import { queryOptions } from '@tanstack/react-query';
import type { AgentCallback } from '../../../contract/agent.js';
import { bearer, requestJson } from '../../api/http.js';
import { agentKeys } from '../../api/keys.js';

export const callbacksKey = (token: string) => [...agentKeys.all, 'callbacks', token] as const;

export function callbacksQueryOptions(token: string) {
  return queryOptions({
    queryKey: callbacksKey(token),
    queryFn: () => requestJson<{ callbacks: AgentCallback[] }>('/agent/callbacks', { headers: bearer(token) }),
    staleTime: 30_000,
    retry: false,
  });
}
