// api-reference.md §2.23: park or grab the customer / the transferred call.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

/** The value must contain one of these (a substring test, so SWAP_PARK_CUSTOMER and HANGUP_XFER_GRAB_CUSTOMER pass). */
const COMMANDS = ['PARK_CUSTOMER', 'GRAB_CUSTOMER', 'PARK_IVR_CUSTOMER', 'GRAB_IVR_CUSTOMER', 'PARK_XFER', 'GRAB_XFER'] as const;
const DOCUMENTED = [...COMMANDS, 'SWAP_PARK_CUSTOMER', 'SWAP_PARK_XFER', 'HANGUP_XFER_GRAB_CUSTOMER'];

export const parkCall = defineFunction({
  name: 'park_call',
  params: [...agentParams, { name: 'value', required: true, values: DOCUMENTED }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (!COMMANDS.some((c) => value.includes(c)) || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'park_call not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    // A lead on screen is enough; a live call is not needed (oracle park.12).
    if (!(Number(agent.lead_id) > 0)) {
      return ctx.line('ERROR', 'agent_user does not have a lead on their screen', ctx.agentUser);
    }
    await writeAgentCommand(ctx, ctx.agentUser, { external_park: value });
    await ctx.line('SUCCESS', 'park_call function set', `${value}|${ctx.agentUser}`);
  },
});
