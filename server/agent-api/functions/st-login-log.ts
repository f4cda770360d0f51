// api-reference.md §2.19: find the user whose custom_three is the CRM agent id (the
// column's case-insensitive collation, lowest user first) and stamp the CRM team id into
// custom_four. decisions.md: the UPDATE is parameterised, so a quote in vendor_id is
// simply stored (the real server's UPDATE broke behind a SUCCESS, oracle stl.04).
import { defineFunction } from '../function.js';
import { crmAgent, crmAgentParams } from '../crm-agent.js';
import { fit } from '../../db/fit.js';

export const stLoginLog = defineFunction({
  name: 'st_login_log',
  params: crmAgentParams,
  async run(ctx) {
    const user = await crmAgent(ctx);
    if (!user) return;
    await ctx.db.updateTable('vicidial_users').set(fit('vicidial_users', { custom_four: ctx.p.vendor_id }))
      .where('user', '=', user).execute();
    await ctx.line('SUCCESS', 'st_login_log user found', user, { data: user });
  },
});
