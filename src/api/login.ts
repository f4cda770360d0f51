// POST /agent/login: opens an agent session and returns its bearer token.
import { useMutation } from '@tanstack/react-query';
import type { LoginRequest } from '../../contract/agent.js';
import { requestJson } from './http.js';

export interface LoginReply {
  token: string;
  user: string;
}

export function postLogin(request: LoginRequest): Promise<LoginReply> {
  return requestJson<LoginReply>('/agent/login', { method: 'POST', body: JSON.stringify(request) });
}

export function useLogin() {
  return useMutation({ mutationFn: postLogin });
}
