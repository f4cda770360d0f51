// The blocks most functions share (api-reference.md §1.6), called by each function in
// the order its spec section gives.
import type { Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ApiContext } from './context.js';
import { fit } from '../db/fit.js';
import { recordOrigins } from '../agents/origins.js';

export type LiveAgent = Selectable<DB['vicidial_live_agents']>;

/**
 * [P] Function permission. `details` is the part before `<user>|<function>|<user_group>`:
 * `<value>|` for most functions, '' for webserver, `<lead_id>|` for switch_lead/vm_message.
 * Returns false (after printing, logging and exiting) when the API user may not use it.
 */
export async function requirePermission(ctx: ApiContext, prefix: string = `${ctx.p.value}|`): Promise<boolean> {
  const allowed = ctx.apiUser?.api_allowed_functions ?? '';
  if (allowed.includes(` ${ctx.fn} `) || allowed.includes('ALL_FUNCTIONS')) return true;
  await ctx.fail('auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION',
    `${prefix}${ctx.user}|${ctx.fn}|${ctx.apiUser?.user_group ?? ''}`);
  return false;
}

/**
 * [A] alt_user: a user whose custom_three is alt_user becomes the agent. Not found prints
 * an error and goes on with the original agent_user. `prefix` is audio_playback's `<stage>|`.
 */
export async function resolveAltUser(ctx: ApiContext, prefix = ''): Promise<void> {
  const alt = ctx.p.alt_user;
  if (alt.length <= 1) return;
  const found = await ctx.db.selectFrom('vicidial_users').select('user')
    .where('custom_three', '=', alt).orderBy('user').limit(1).executeTakeFirst();
  if (found) {
    ctx.agentUser = found.user;
    return;
  }
  await ctx.line('ERROR', 'no user found', `${prefix}${alt}`);
}

export async function liveAgent(ctx: ApiContext, user = ctx.agentUser): Promise<LiveAgent | undefined> {
  if (!user) return undefined;
  return ctx.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
}

/** [L] The agent is logged in (a vicidial_live_agents row). Prints the error otherwise. */
export async function requireLoggedIn(ctx: ApiContext, prefix = ''): Promise<LiveAgent | undefined> {
  const agent = await liveAgent(ctx);
  if (agent) return agent;
  await ctx.line('ERROR', 'agent_user is not logged in', `${prefix}${ctx.agentUser}`);
  return undefined;
}

type LiveAgentUpdate = Updateable<DB['vicidial_live_agents']>;

/**
 * Write command columns on an agent's vicidial_live_agents row (the way every function
 * hands a command to the agent), cut to column widths, and tell the agents module to
 * apply it as soon as the request commits.
 */
export async function writeAgentCommand(ctx: ApiContext, user: string, set: LiveAgentUpdate): Promise<number> {
  const res = await ctx.db.updateTable('vicidial_live_agents')
    .set({ ...fit('vicidial_live_agents', set), last_update_time: ctx.clock.nowTime })
    .where('user', '=', user).executeTakeFirst();
  await recordOrigins(ctx.db, user, Object.keys(set), { by: ctx.user, source: ctx.p.source });
  ctx.commandsFor.add(user);
  return Number(res.numUpdatedRows ?? 0);
}
