// api-reference.md §2.20: the active lead of the agent whose custom_three is the CRM agent
// id. Read only; vendor_id is required but otherwise unused.
import { defineFunction } from '../function.js';
import { crmAgent, crmAgentParams } from '../crm-agent.js';

export const stGetAgentActiveLead = defineFunction({
  name: 'st_get_agent_active_lead',
  params: crmAgentParams,
  async run(ctx) {
    const user = await crmAgent(ctx);
    if (!user) return;
    const agent = await ctx.db.selectFrom('vicidial_live_agents').select('lead_id')
      .where('user', '=', user).executeTakeFirst();
    if (!agent) return ctx.line('ERROR', 'user not logged in', user);
    const leadId = Number(agent.lead_id);
    if (!(leadId > 0)) return ctx.line('ERROR', 'no active lead found', user);
    // A lead row that has gone missing gives empty fields, as the real server's empty fetch does.
    const lead = await ctx.db.selectFrom('vicidial_list')
      .select(['phone_number', 'vendor_lead_code', 'province', 'security_phrase', 'source_id'])
      .where('lead_id', '=', leadId).executeTakeFirst();
    const details = [user, lead?.phone_number ?? '', leadId, lead?.vendor_lead_code ?? '', lead?.province ?? '',
      lead?.security_phrase ?? '', lead?.source_id ?? ''].join('|');
    await ctx.line('SUCCESS', 'st_get_agent_active_lead lead found', details, { data: details });
  },
});
