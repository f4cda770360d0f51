// api-reference.md §2.5: disposition the agent's current call, optionally as a scheduled
// callback (`STATUS!datetime!type!comments!`) and/or with a QueueMetrics dispo code.
// The status itself is not checked (oracle st.19); the agent screen carries it out.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';
import type { ApiContext } from '../context.js';

/** A status is a scheduled callback system-wide or in the agent's campaign. */
async function isCallbackStatus(ctx: ApiContext, status: string, campaignId: string): Promise<boolean> {
  const system = await ctx.db.selectFrom('vicidial_statuses').select('status')
    .where('status', '=', status).where('scheduled_callback', '=', 'Y').executeTakeFirst();
  if (system) return true;
  const campaign = await ctx.db.selectFrom('vicidial_campaign_statuses').select('status')
    .where('campaign_id', '=', campaignId).where('status', '=', status).where('scheduled_callback', '=', 'Y')
    .executeTakeFirst();
  return campaign !== undefined;
}

export const externalStatus = defineFunction({
  name: 'external_status',
  params: [
    ...agentParams,
    { name: 'value', required: true, format: 'disposition status code' },
    { name: 'callback_datetime', format: 'YYYY-MM-DD HH:MM:SS' },
    { name: 'callback_type', values: ['USERONLY', 'ANYONE'] },
    { name: 'callback_comments', format: 'up to 200 characters' },
    { name: 'qm_dispo_code' },
  ],
  async run(ctx) {
    const { value, alt_user, callback_datetime, callback_comments, qm_dispo_code } = ctx.p;
    if (value.length < 1 || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'external_status not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;

    let composed = value;
    let callback = false;
    if (callback_datetime.length > 12 && (await isCallbackStatus(ctx, value, agent.campaign_id))) {
      callback = true;
      const type = ctx.p.callback_type.length < 4 ? 'ANYONE' : ctx.p.callback_type;
      const comments = [...callback_comments].slice(0, 200).join('');
      composed = `${value}!${callback_datetime}!${type}!${comments}!`;
    }
    if (qm_dispo_code.length > 0) composed = callback ? `${composed}${qm_dispo_code}` : `${composed}!!!!${qm_dispo_code}`;
    ctx.logValue = composed;

    await writeAgentCommand(ctx, ctx.agentUser, { external_status: composed });
    await ctx.line('SUCCESS', 'external_status function set', `${composed}|${ctx.agentUser}`);
  },
});
