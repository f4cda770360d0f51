// The console's requests: its own endpoints (/supervisor/...) and the Agent API itself,
// which it calls exactly as an integrator would (form POST, password in the body only).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConsoleAgents, ConsoleFunction, ConsoleSession } from '../../contract/supervisor.js';
import { ApiError, bearer, requestJson } from '../api/http.js';

export const supervisorKeys = {
  all: ['supervisor'] as const,
  functions: () => ['supervisor', 'functions'] as const,
  agents: (token: string) => ['supervisor', 'agents', token] as const,
};

/** What the console keeps while signed in: in memory only, never in storage or a URL. */
export interface ConsoleCredentials extends ConsoleSession {
  pass: string;
}

export const API_PATH = '/agc/api.php';

/** A refused sign-in carries the API's reply line. */
export class SignInRefused extends Error {
  constructor(readonly reply: string) {
    super(reply);
    this.name = 'SignInRefused';
  }
}

export async function postSignIn(user: string, pass: string): Promise<ConsoleSession> {
  let response: Response;
  try {
    response = await fetch('/supervisor/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, pass }) });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 401) throw new SignInRefused(((await response.json()) as { reply?: string }).reply ?? '');
  if (!response.ok) throw new ApiError(response.status, 'unknown');
  return (await response.json()) as ConsoleSession;
}

export async function deleteSession(token: string): Promise<void> {
  await fetch('/supervisor/session', { method: 'DELETE', headers: bearer(token) }).catch(() => undefined);
}

export const functionsQuery = () => queryOptions({
  queryKey: supervisorKeys.functions(),
  queryFn: () => requestJson<ConsoleFunction[]>('/supervisor/functions'),
  staleTime: Infinity,
});

export function useConsoleFunctions() {
  return useQuery(functionsQuery());
}

/** The live agents, polled every second. */
export function useLiveAgents(token: string) {
  return useQuery({
    queryKey: supervisorKeys.agents(token),
    queryFn: () => requestJson<ConsoleAgents>('/supervisor/agents', { headers: bearer(token) }),
    refetchInterval: 1000,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

/** One Agent API call: the reply body exactly as the API sent it. */
export async function callAgentApi(params: URLSearchParams): Promise<string> {
  try {
    const response = await fetch(API_PATH, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: params.toString() });
    return await response.text();
  } catch {
    throw new ApiError(0, 'network');
  }
}
