// api-reference.md §2.7: log the agent out. The value must contain LOGOUT (the screen acts
// only on exactly LOGOUT); it is stored as sent in external_pause, without the epoch the
// reply shows (oracle lo.01).
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

export const logout = defineFunction({
  name: 'logout',
  params: [...agentParams, { name: 'value', required: true, values: ['LOGOUT'] }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (value.length < 1 || (ctx.agentUser.length < 1 && alt_user.length < 1) || !value.includes('LOGOUT')) {
      return ctx.line('ERROR', 'logout not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    if (!(await requireLoggedIn(ctx))) return;
    const epoch = ctx.clock.epoch;
    await writeAgentCommand(ctx, ctx.agentUser, { external_pause: value });
    await ctx.line('SUCCESS', 'logout function set', `${value}|${epoch}|${ctx.agentUser}`, { data: String(epoch) });
  },
});
