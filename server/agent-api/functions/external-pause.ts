// api-reference.md §2.6: pause now (or after the current call), or resume.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

const NOT_PAUSED = new Set(['READY', 'QUEUE', 'INCALL', 'CLOSER']);

export const externalPause = defineFunction({
  name: 'external_pause',
  params: [...agentParams, { name: 'value', required: true, values: ['PAUSE', 'RESUME'] }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (value.length < 1 || (ctx.agentUser.length < 1 && alt_user.length < 1) || !(value.includes('PAUSE') || value.includes('RESUME'))) {
      return ctx.line('ERROR', 'external_pause not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    if (value.includes('RESUME') && NOT_PAUSED.has(agent.status)) {
      return ctx.fail('external_pause agent is not paused', `${value}|${ctx.agentUser}`);
    }
    const epoch = ctx.clock.epoch;
    await writeAgentCommand(ctx, ctx.agentUser, { external_pause: `${value}!${epoch}` });
    await ctx.line('SUCCESS', 'external_pause function set', `${value}|${epoch}|${ctx.agentUser}`, { data: String(epoch) });
  },
});
