// The contract between the supervisor console's endpoints (supervisor-routes.ts) and the
// console (src/supervisor/). Type-only: the SPA imports these types, never server code.
import type { AgentState, RowStatus } from './agent.js';

export type ConsoleLang = 'en' | 'pt-BR' | 'es';
export type ConsoleText = Record<ConsoleLang, string>;

/** One parameter of an Agent API function, from the function module's own declaration. */
export interface ConsoleParam {
  name: string;
  required: boolean;
  values?: readonly string[];
  format?: string;
  /** A trigger parameter: present means "do it", whatever its value (panel reloads). */
  flag?: boolean;
  description?: ConsoleText;
}

export interface ConsoleFunction {
  name: string;
  summary: ConsoleText;
  params: ConsoleParam[];
}

export interface ConsoleAgent {
  user: string;
  fullName: string;
  campaignId: string;
  userGroup: string;
  status: RowStatus;
  state: AgentState;
  pauseCode: string;
  /** Epoch ms of the last state change (server clock). */
  stateSince: number;
  lead: { id: number; name: string; phone: string } | null;
  call: { callerid: string; phone: string; direction: 'inbound' | 'outbound' } | null;
}

export interface ConsoleAgents {
  serverTime: number;
  agents: ConsoleAgent[];
}

export interface ConsoleSession {
  token: string;
  user: string;
  fullName: string;
}

/** The `source` the console sends with its Agent API calls. */
export const CONSOLE_SOURCE = 'supervisor';
