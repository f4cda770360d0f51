// api-reference.md §2.13: act on the lead the agent is previewing (skip it, dial it, dial
// its alternate numbers, or finish).
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

const ACTIONS = ['SKIP', 'DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH'] as const;
const ALT_ACTIONS = new Set(['ALTDIAL', 'ADR3DIAL', 'FINISH']);

export const previewDialAction = defineFunction({
  name: 'preview_dial_action',
  params: [...agentParams, { name: 'value', required: true, values: ACTIONS }],
  async run(ctx) {
    const value = ctx.p.value.replace(/[^A-Z0-9]/g, '');
    ctx.logValue = value;
    const { alt_user } = ctx.p;
    if (value.length < 4 || (ctx.agentUser.length < 2 && alt_user.length < 2) || !(ACTIONS as readonly string[]).includes(value)) {
      return ctx.line('ERROR', 'preview_dial_action not valid', `${value}||${ctx.agentUser}|${alt_user}`);
    }
    if (!(await requirePermission(ctx, `${value}|`))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const agentUser = ctx.agentUser;
    const campaignId = agent.campaign_id;
    const campaign = await ctx.db.selectFrom('vicidial_campaigns').select(['manual_preview_dial', 'alt_number_dialing'])
      .where('campaign_id', '=', campaignId).executeTakeFirst();

    // The campaign checks come first: a DISABLED campaign wins over agentcall_manual=0 (oracle pda.08).
    if (campaign?.manual_preview_dial === 'DISABLED') {
      return ctx.fail('preview dialing not allowed on this campaign', `${agentUser}|${campaignId}|DISABLED`, { data: `${campaignId}|DISABLED` });
    }
    if (campaign?.manual_preview_dial === 'PREVIEW_ONLY' && value === 'SKIP') {
      return ctx.fail('preview dial skipping not allowed on this campaign', `${agentUser}|${campaignId}|PREVIEW_ONLY`,
        { data: `${campaignId}|PREVIEW_ONLY` });
    }
    if (campaign?.alt_number_dialing === 'N' && ALT_ACTIONS.has(value)) {
      return ctx.fail('alt number dialing not allowed on this campaign', `${agentUser}|${campaignId}|N`, { data: `${campaignId}|N` });
    }
    // Only PAUSED is required: a previewed lead is on screen, so lead_id may be set (oracle pda.13).
    if (agent.status !== 'PAUSED') return ctx.line('ERROR', 'agent_user is not paused', agentUser);
    const user = await ctx.db.selectFrom('vicidial_users').select('agentcall_manual')
      .where('user', '=', agentUser).executeTakeFirst();
    if (user?.agentcall_manual !== '1') {
      return ctx.line('ERROR', 'agent_user is not allowed to place manual dial calls', agentUser);
    }
    await writeAgentCommand(ctx, agentUser, { external_dial: value });
    await ctx.line('SUCCESS', 'preview_dial_action function set', `${value}|${agentUser}|${value}`, { data: value });
  },
});
