// api-reference.md §2.25: re-associate the agent's live inbound call with another lead.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

const INBOUND_SEARCH = new Set(['LIVE_CALL_INBOUND', 'LIVE_CALL_INBOUND_AND_MANUAL']);

export const switchLead = defineFunction({
  name: 'switch_lead',
  params: [
    ...agentParams,
    { name: 'lead_id', format: 'digits; wins over vendor_lead_code when both are given' },
    { name: 'vendor_lead_code', format: 'the newest lead with this code' },
  ],
  async run(ctx) {
    const { lead_id: leadId, vendor_lead_code: vlc, alt_user } = ctx.p;
    const byId = leadId !== '' && Number(leadId) >= 1;
    if ((!byId && vlc === '') || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'switch_lead not valid', `${leadId}|${vlc}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx, `${leadId}|`))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const agentUser = ctx.agentUser;
    if (!(agent.lead_id > 0 && agent.callerid.length > 15)) {
      return ctx.line('ERROR', 'agent_user does not have a live call', agentUser);
    }
    if (!agent.callerid.startsWith('Y')) {
      return ctx.line('ERROR', 'agent call is not inbound', `${agentUser}|${agent.callerid}`, { newline: false });
    }
    const campaign = await ctx.db.selectFrom('vicidial_campaigns').select('agent_lead_search')
      .where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
    if (!campaign) return ctx.line('ERROR', 'campaign not found', `${agentUser}|${agent.campaign_id}`);
    // The campaign setting only; ENABLED (manual search) does not cover live inbound calls (oracle sw.14).
    if (!INBOUND_SEARCH.has(campaign.agent_lead_search)) {
      return ctx.line('ERROR', 'campaign does not allow inbound lead search', `${agentUser}|${agent.campaign_id}`);
    }
    // decisions.md: lead_id wins when both are given (the real server let vendor_lead_code win).
    // vendor_lead_code is a bound parameter: a quote in it is just part of the code (the
    // real server died with HTTP 500 there, oracle sw.11).
    let query = ctx.db.selectFrom('vicidial_list').select(['lead_id', 'vendor_lead_code']);
    query = byId ? query.where('lead_id', '=', Number(leadId)) : query.where('vendor_lead_code', '=', vlc).orderBy('lead_id', 'desc');
    const target = await query.limit(1).executeTakeFirst();
    if (!target) return ctx.line('ERROR', 'switch-to lead not found', `${agentUser}|${leadId}|${vlc}`);

    await writeAgentCommand(ctx, agentUser, { external_lead_id: target.lead_id });
    const data = `${target.lead_id}|${target.vendor_lead_code}|${agent.campaign_id}|${agent.lead_id}`;
    await ctx.line('SUCCESS', 'switch_lead function set', `${agentUser}|${data}|`, { data });
  },
});
