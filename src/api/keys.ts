// Query keys of the agent endpoints, from one factory (supabase's keys.ts pattern).
export const agentKeys = {
  all: ['agent'] as const,
  loginOptions: (user: string) => ['agent', 'login-options', user] as const,
  snapshot: (token: string) => ['agent', 'snapshot', token] as const,
};
