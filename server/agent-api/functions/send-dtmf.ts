// api-reference.md §2.22: send DTMF tones into the agent's call (P = #, S = *, Q = 1 s pause).
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

export const sendDtmf = defineFunction({
  name: 'send_dtmf',
  params: [...agentParams, { name: 'value', required: true, format: 'digits, P (#), S (*), Q (1 s silence)' }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (value.length < 1 || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'send_dtmf not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    if (!(await requireLoggedIn(ctx))) return;
    // external_dtmf is VARCHAR(100): a longer value is cut there, the reply shows it whole.
    await writeAgentCommand(ctx, ctx.agentUser, { external_dtmf: value });
    await ctx.line('SUCCESS', 'send_dtmf function set', `${value}|${ctx.agentUser}`);
  },
});
