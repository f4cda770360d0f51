// POST /agent/login-options: the campaigns and in-groups this user may log in to.
import { useMutation } from '@tanstack/react-query';
import type { LoginOptions } from '../../contract/agent.js';
import { requestJson } from './http.js';

export interface Credentials {
  user: string;
  pass: string;
}

export function fetchLoginOptions(credentials: Credentials): Promise<LoginOptions> {
  return requestJson<LoginOptions>('/agent/login-options', {
    method: 'POST',
    body: JSON.stringify(credentials),
  });
}

/** A mutation, not a query: it checks a password the agent just typed. */
export function useLoginOptions() {
  return useMutation({ mutationFn: fetchLoginOptions });
}
