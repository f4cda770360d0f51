// api-reference.md §2.18 (screen: agent-screen.md §3.11): set the timer action of the
// agent's current call (action, message, seconds into the call).
import { defineFunction } from '../function.js';
import { requireLoggedIn, requirePermission, writeAgentCommand } from '../blocks.js';

/** MEDIUMINT's maximum: MySQL's non-strict mode clamps to it; we clamp. */
const MEDIUMINT_MAX = 8388607;

export const setTimerAction = defineFunction({
  name: 'set_timer_action',
  params: [
    { name: 'agent_user', required: true },
    // Not checked against a list: any value of 2 or more characters is accepted (sta.04).
    { name: 'value', required: true, values: ['NONE', 'WEBFORM', 'WEBFORM2', 'WEBFORM3', 'D1_DIAL', 'D2_DIAL', 'D3_DIAL', 'D4_DIAL', 'D5_DIAL', 'MESSAGE_ONLY'] },
    { name: 'notes', format: 'message shown to the agent' },
    { name: 'rank', format: 'seconds into the call (digits)' },
  ],
  async run(ctx) {
    const { value, notes, rank } = ctx.p;
    if (ctx.agentUser.length < 1 || value.length < 2) {
      const details = `${ctx.agentUser}|${value}`;
      return ctx.line('ERROR', 'set_timer_action not valid', details, { data: details });
    }
    if (!(await requirePermission(ctx))) return;
    if (!(await requireLoggedIn(ctx))) return;
    const apiUser = await ctx.db.selectFrom('vicidial_users').select('modify_campaigns').where('user', '=', ctx.user).executeTakeFirst();
    if (apiUser?.modify_campaigns !== '1') {
      return ctx.line('ERROR', 'user is not allowed to modify campaign settings', `${ctx.agentUser}|${ctx.user}`);
    }
    await writeAgentCommand(ctx, ctx.agentUser, {
      external_timer_action: value,
      external_timer_action_message: notes,
      // An empty rank is stored as 0 (sta.02), as MySQL stores ''.
      external_timer_action_seconds: Math.min(MEDIUMINT_MAX, Number(rank || '0')),
    });
    const details = `${ctx.user}|${ctx.agentUser}|${value}|${notes}|${rank}`;
    await ctx.line('SUCCESS', 'set_timer_action lead updated', details, { data: details });
  },
});
