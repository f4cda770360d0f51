// api-reference.md §2.26: custom voicemail-drop audio for the lead of the agent's live call.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser } from '../blocks.js';
import { fit } from '../../db/fit.js';

export const vmMessage = defineFunction({
  name: 'vm_message',
  params: [
    ...agentParams,
    { name: 'value', required: true, format: 'audio file name(s) without extension, several separated by |' },
    { name: 'lead_id', format: 'digits; if given it must be the lead of the current call' },
  ],
  async run(ctx) {
    const { value, lead_id, alt_user } = ctx.p;
    if ((ctx.agentUser.length < 1 && alt_user.length < 2) || value.length < 1) {
      return ctx.line('ERROR', 'vm_message not valid', `${lead_id}|${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx, `${lead_id}|`))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    // A live call (§1.12): a lead and a callerid longer than 15 characters.
    const current = Number(agent.lead_id);
    if (!(current > 0) || (agent.callerid ?? '').length <= 15) {
      return ctx.line('ERROR', 'agent_user does not have a live call', ctx.agentUser);
    }
    if (lead_id.length > 0 && Number(lead_id) !== current) {
      return ctx.line('ERROR', 'current call does not match lead_id submitted', ctx.agentUser, { data: `${lead_id}|${current}` });
    }
    await ctx.db.insertInto('vicidial_lead_messages').values(fit('vicidial_lead_messages', {
      lead_id: current, call_date: ctx.clock.nowTime, user: ctx.user, message_entry: value,
    })).execute();
    await ctx.line('SUCCESS', 'vm_message function set', `${ctx.agentUser}|${current}|${value}|`, { data: `${current}|${value}` });
  },
});
