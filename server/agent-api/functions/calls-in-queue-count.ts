// api-reference.md §2.28: how many calls (and emails) wait for this agent: LIVE calls of the
// agent's campaign or selected in-groups, AGENTDIRECT calls meant for this agent only, and
// NEW/QUEUE emails of the selected in-groups. The reply has no trailing newline and is
// logged with the whole line as its reason (oracle cq.01).
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser } from '../blocks.js';

export const callsInQueueCount = defineFunction({
  name: 'calls_in_queue_count',
  params: [...agentParams, { name: 'value', required: true, values: ['DISPLAY'] }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (value !== 'DISPLAY' || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'calls_in_queue_count not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;

    // The selected in-groups; an AGENTDIRECT entry is cut out of the text and replaced by
    // the agent_only condition below.
    let closer = (agent.closer_campaigns ?? '').replace(/ -$/, '');
    const agentDirect = /AGENTDIRECT/i.test(closer);
    if (agentDirect) closer = closer.replace(/AGENTDIRECT/gi, '');
    const groups = closer.split(/\s+/).filter((g) => g.length > 0);
    const agentUser = ctx.agentUser;

    const calls = await ctx.db.selectFrom('vicidial_auto_calls')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('status', '=', 'LIVE')
      .where((eb) => eb.or([
        eb('campaign_id', '=', agent.campaign_id),
        ...(groups.length > 0 ? [eb('campaign_id', 'in', groups)] : []),
        ...(agentDirect ? [eb.and([eb('campaign_id', 'like', '%AGENTDIRECT%'), eb('agent_only', '=', agentUser)])] : []),
      ]))
      .executeTakeFirstOrThrow();
    let count = Number(calls.n);
    if (groups.length > 0) {
      const emails = await ctx.db.selectFrom('vicidial_email_list')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', 'in', ['NEW', 'QUEUE'])
        .where('group_id', 'in', groups)
        .executeTakeFirstOrThrow();
      count += Number(emails.n);
    }

    const line = `SUCCESS: calls_in_queue_count - ${count}`;
    ctx.print(line);
    await ctx.log({ result: 'SUCCESS', reason: line, data: '' });
  },
});
