// api-reference.md §2.17 (screen: agent-screen.md §3.10): ask the agent screen to reload panels.
import { defineFunction } from '../function.js';
import { PANEL_TRIGGERS } from '../../../contract/agent.js';
import { requireLoggedIn, requirePermission, writeAgentCommand } from '../blocks.js';


export const refreshPanel = defineFunction({
  name: 'refresh_panel',
  // The panel triggers (PANEL_TRIGGERS, any value) are not filtered parameters, so ParamDecl
  // cannot name them; a console builds their checkboxes from PANEL_TRIGGERS.
  params: [{ name: 'agent_user', required: true }],
  async run(ctx) {
    if (ctx.agentUser.length < 1) return ctx.line('ERROR', 'agent_user not valid', ctx.agentUser);
    if (!(await requirePermission(ctx))) return;
    if (!(await requireLoggedIn(ctx))) return;
    // As recorded (rp.07, rp.08): a panel counts when its name appears anywhere in the
    // request's query string, case-insensitively, whatever its value. decisions.md's
    // exact-name rule covers update_fields, where the substring search clears lead data;
    // here it only reloads a panel.
    const query = ctx.request.queryString.toLowerCase();
    const panels = PANEL_TRIGGERS.filter((p) => query.includes(p));
    if (panels.length < 1) return ctx.line('ERROR', 'no panels have been defined', ctx.agentUser);
    const list = panels.join(',');
    const rows = await writeAgentCommand(ctx, ctx.agentUser, { external_update_fields: '1', external_update_fields_data: list });
    const details = `${ctx.user}|${ctx.agentUser}|${rows}|${list}|`;
    await ctx.line('SUCCESS', 'refresh_panel request sent', details, { data: details });
  },
});
