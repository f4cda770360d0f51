// api-reference.md §2.16: change the lead on the agent's screen and ask the screen to show
// the new data; optionally reload panels.
import { defineFunction, type ParamDecl } from '../function.js';
import { requireLoggedIn, requirePermission, writeAgentCommand } from '../blocks.js';
import type { ParamName } from '../protocol.js';
import { comparableLeadValue, storedLeadValue } from './lead-values.js';

/** The lead fields, in the order they are written and listed (oracle uf.20). */
const FIELDS = [
  'phone_code', 'address1', 'address2', 'address3', 'alt_phone', 'city', 'comments', 'country_code', 'date_of_birth',
  'email', 'first_name', 'gender', 'gmt_offset_now', 'last_name', 'middle_initial', 'phone_number', 'postal_code',
  'province', 'security_phrase', 'source_id', 'state', 'title', 'vendor_lead_code', 'rank', 'owner',
] as const satisfies readonly ParamName[];

/** Panel reload triggers; their values do not matter (callbacksreload belongs to refresh_panel). */
const TRIGGERS = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload'] as const;

const MODIFY_LEADS = new Set(['1', '2', '3', '4']);

export const updateFields = defineFunction({
  name: 'update_fields',
  params: [
    { name: 'agent_user', required: true },
    ...FIELDS.map((name): ParamDecl => (name === 'gender' ? { name, values: ['M', 'F', 'U'] }
      : name === 'date_of_birth' ? { name, format: 'YYYY-MM-DD' } : { name })),
    // The triggers are not §1.3 parameters: present or not, whatever their value.
    ...TRIGGERS.map((name) => ({ name: name as ParamName, format: 'present = reload' })),
  ],
  async run(ctx) {
    if (ctx.agentUser.length < 1) return ctx.line('ERROR', 'agent_user not valid', ctx.agentUser);
    if (!(await requirePermission(ctx))) return;
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const agentUser = ctx.agentUser;
    const apiUser = await ctx.db.selectFrom('vicidial_users').select('modify_leads').where('user', '=', ctx.user).executeTakeFirst();
    if (!MODIFY_LEADS.has(apiUser?.modify_leads ?? '')) {
      return ctx.line('ERROR', 'user is not allowed to modify lead information', `${agentUser}|${ctx.user}`);
    }
    const leadId = agent.lead_id;
    if (leadId < 1) return ctx.line('ERROR', 'agent_user does not have a lead on their screen', agentUser);

    // decisions.md: a field or trigger counts when a parameter of exactly that name was sent
    // (the real server searched the query string, so emailreload also cleared email).
    const sent = ctx.request.raw;
    const fields = FIELDS.filter((f) => sent.has(f));
    const triggers = TRIGGERS.filter((t) => sent.has(t));
    if (fields.length === 0 && triggers.length === 0) return ctx.line('ERROR', 'no fields have been defined', agentUser);

    let leadRows = 0;
    if (fields.length > 0) {
      const lead = await ctx.db.selectFrom('vicidial_list').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
      const set: Record<string, string | number> = {};
      for (const f of fields) set[f] = storedLeadValue(f, ctx.p[f]);
      // As in MySQL, a row counts as changed only when a value differs (and only then does
      // modify_date move).
      const changes = lead !== undefined
        && fields.some((f) => comparableLeadValue(f, (lead as Record<string, unknown>)[f]) !== comparableLeadValue(f, set[f]));
      if (changes) {
        const res = await ctx.db.updateTable('vicidial_list').set({ ...set, modify_date: ctx.clock.nowTime } as never)
          .where('lead_id', '=', leadId).executeTakeFirst();
        leadRows = Number(res.numUpdatedRows ?? 0);
      }
    }
    const names = [...fields, ...triggers].join(',');
    const agentRows = await writeAgentCommand(ctx, agentUser, { external_update_fields: '1', external_update_fields_data: names });
    // The SET list as the real server shows it: each field with its filtered value in double quotes.
    const setList = fields.map((f) => `${f}="${ctx.p[f]}"`).join(',');
    const details = `${ctx.user}|${agentUser}|${leadId}|${leadRows}|${agentRows}|${names}|${setList}|`;
    await ctx.line('SUCCESS', 'update_fields lead updated', details, { data: details });
  },
});
