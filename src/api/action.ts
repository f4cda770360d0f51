// POST /agent/action: every button on the screen ends here.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgentAction } from '../../contract/agent.js';
import { bearer, requestJson } from './http.js';
import { agentKeys } from './keys.js';

export function postAction(token: string, action: AgentAction): Promise<{ ok: true }> {
  return requestJson<{ ok: true }>('/agent/action', {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify(action),
  });
}

export function useAgentAction(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: AgentAction) => postAction(token, action),
    // Show the result now rather than at the next poll.
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.snapshot(token) }),
  });
}
