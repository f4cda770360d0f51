// The shape every Agent API function module has: its name, the parameters it reads (this
// declaration also drives the supervisor console's forms), and its run(), which performs
// the spec section's checks in order and writes its reply lines through the context.
import type { ApiContext } from './context.js';
import type { ParamName } from './protocol.js';

export interface ParamDecl {
  name: ParamName;
  /** Required by the function (checked by run(); this is metadata). */
  required?: boolean;
  /** Allowed values, when the parameter is an enumeration. */
  values?: readonly string[];
  /** Free-text description of the accepted format, e.g. 'YYYY-MM-DD HH:MM:SS'. */
  format?: string;
}

export interface AgentApiFunction {
  name: string;
  /** Answered before the source check and authentication (version, coffee). */
  noAuth?: boolean;
  params: readonly ParamDecl[];
  run(ctx: ApiContext): Promise<void>;
}

export const defineFunction = <F extends AgentApiFunction>(f: F): F => f;

/** The parameters nearly every agent function takes besides its own. */
export const agentParams: readonly ParamDecl[] = [
  { name: 'agent_user', required: true },
  { name: 'alt_user' },
];
