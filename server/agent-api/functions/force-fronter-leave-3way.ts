// api-reference.md §2.29: make the fronter (the other agent on the same lead) leave the 3-way
// call. With LOCAL_AND_CCC a fronter on another cluster is reached over CCC (../ccc.ts);
// CCC_REMOTE is how that other cluster's request arrives here.
import { defineFunction, agentParams, type ParamDecl } from '../function.js';
import type { ApiContext } from '../context.js';
import { liveAgent, requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';
import { sendOverCcc } from '../ccc.js';

export const FRONTER_VALUES = ['LOCAL_ONLY', 'LOCAL_AND_CCC', 'CCC_REMOTE'] as const;

export const fronterParams: readonly ParamDecl[] = [
  ...agentParams,
  { name: 'value', required: true, values: FRONTER_VALUES },
  { name: 'lead_id', format: 'digits; the lead on this cluster, used with CCC_REMOTE' },
];

/**
 * Steps 1–3 of §2.29, shared with §2.30: validity, [P], [A], [L] (skipped for CCC_REMOTE),
 * then the lead of the call. Returns the lead, or undefined after the reply was written.
 */
export async function fronterCallLead(ctx: ApiContext, fn: string): Promise<number | undefined> {
  const { value, alt_user, lead_id } = ctx.p;
  if (!(FRONTER_VALUES as readonly string[]).includes(value) || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
    await ctx.line('ERROR', `${fn} not valid`, `${value}|${ctx.agentUser}`);
    return undefined;
  }
  if (!(await requirePermission(ctx))) return undefined;
  await resolveAltUser(ctx);
  const remote = value === 'CCC_REMOTE';
  const agent = remote ? await liveAgent(ctx) : await requireLoggedIn(ctx);
  if (!agent && !remote) return undefined;
  // CCC_REMOTE names the lead of this cluster in lead_id. Unlike the real server, a
  // CCC_REMOTE request without lead_id uses the agent's own lead (if any) rather than
  // searching for lead '' (which matched every agent without a lead), and lead 0 is no call.
  const lead = remote && lead_id.length > 0 ? Number(lead_id) : Number(agent?.lead_id ?? 0);
  if (!(lead > 0)) {
    await ctx.line('ERROR', 'agent_user is not on a phone call', ctx.agentUser);
    return undefined;
  }
  return lead;
}

/** The other live agent on the lead who has been on it longest (ordered by last_call_time). */
export const liveFronter = (ctx: ApiContext, lead: number) =>
  ctx.db.selectFrom('vicidial_live_agents').select(['user', 'conf_exten', 'server_ip'])
    .where('user', '!=', ctx.agentUser).where('lead_id', '=', lead)
    .orderBy('last_call_time').orderBy('live_agent_id').limit(1).executeTakeFirst();

export const forceFronterLeave3way = defineFunction({
  name: 'force_fronter_leave_3way',
  params: fronterParams,
  async run(ctx) {
    const lead = await fronterCallLead(ctx, 'force_fronter_leave_3way');
    if (lead === undefined) return;
    const other = await liveFronter(ctx, lead);
    if (other) {
      await writeAgentCommand(ctx, other.user, { external_transferconf: `LEAVE_3WAY_CALL---------NO------------${ctx.clock.epoch}` });
      // No trailing newline; the whole text is the logged reason (oracle ffl.01).
      const text = `SUCCESS: force_fronter_leave_3way SENT - ${other.user}`;
      ctx.print(text);
      await ctx.log({ result: 'SUCCESS', reason: text, data: '' });
      return;
    }
    if (ctx.p.value === 'LOCAL_AND_CCC') {
      const container = await sendOverCcc(ctx, 'force_fronter_leave_3way', lead);
      if (container !== undefined) return ctx.line('SUCCESS', 'force_fronter_leave_3way command sent over CCC', container);
    }
    await ctx.line('ERROR', 'no fronter found', ctx.agentUser);
  },
});
