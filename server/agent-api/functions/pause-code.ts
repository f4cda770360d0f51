// api-reference.md §2.27: set the pause code of a paused agent. 1-6 characters after the
// value filter (`LUN CH` is LUNCH); not checked against vicidial_pause_codes (oracle pc.04).
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

export const pauseCode = defineFunction({
  name: 'pause_code',
  params: [...agentParams, { name: 'value', required: true, format: 'pause code, 1-6 characters' }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    // strlen() in the real server: bytes, so a non-Latin code counts its UTF-8 bytes.
    const length = Buffer.byteLength(value, 'utf8');
    if (length < 1 || length > 6 || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'pause_code not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    if (agent.status !== 'PAUSED') {
      return ctx.line('ERROR', 'pause_code error - agent is not paused', ctx.agentUser);
    }
    const epoch = ctx.clock.epoch;
    await writeAgentCommand(ctx, ctx.agentUser, { external_pause_code: value });
    await ctx.line('SUCCESS', 'pause_code function sent', ctx.agentUser, { data: String(epoch) });
  },
});
