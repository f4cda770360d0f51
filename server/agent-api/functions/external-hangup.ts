// api-reference.md §2.4: hang up the agent's current customer call. Any non-empty value is
// accepted and echoed in full; the column keeps its first character (the screen acts on `1`).
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

export const externalHangup = defineFunction({
  name: 'external_hangup',
  params: [...agentParams, { name: 'value', required: true, values: ['1'] }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (value.length < 1 || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'external_hangup not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    if (!(await requireLoggedIn(ctx))) return;
    await writeAgentCommand(ctx, ctx.agentUser, { external_hangup: value });
    await ctx.line('SUCCESS', 'external_hangup function set', `${value}|${ctx.agentUser}`);
  },
});
