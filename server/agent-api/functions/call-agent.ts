// api-reference.md §2.10: ring the agent's phone back into their session by replaying the
// login Originate stored in vicidial_session_data.agent_login_call.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser } from '../blocks.js';
import { fit } from '../../db/fit.js';

/** vicidial_manager's columns in insertion order; the login call holds one value per column. */
const MANAGER_COLUMNS = [
  'man_id', 'uniqueid', 'entry_date', 'status', 'response', 'server_ip', 'channel', 'action', 'callerid',
  'cmd_line_b', 'cmd_line_c', 'cmd_line_d', 'cmd_line_e', 'cmd_line_f', 'cmd_line_g', 'cmd_line_h',
  'cmd_line_i', 'cmd_line_j', 'cmd_line_k',
] as const;
const STATUSES = ['NEW', 'QUEUE', 'SENT', 'UPDATED', 'DEAD'] as const;

/**
 * The login call with its 7-digit session number replaced by the agent's current conference.
 * The real server writes `Exten:  <conf>` with two spaces, also when nothing changed (oracle ca.01).
 */
export function rewriteLoginCall(loginCall: string, confExten: string): string {
  return loginCall.replace(/^(.+?Exten: )\d{7}(\|Priority.+)$/s, (_m, head: string, tail: string) => `${head} ${confExten}${tail}`);
}

export const callAgent = defineFunction({
  name: 'call_agent',
  params: [...agentParams, { name: 'value', required: true, values: ['CALL'] }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if (value !== 'CALL' || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'call_agent not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const session = await ctx.db.selectFrom('vicidial_session_data').select('agent_login_call')
      .where('user', '=', ctx.agentUser).limit(1).executeTakeFirst();
    if (!session) return ctx.line('ERROR', 'call_agent error - no session data', ctx.agentUser);
    const loginCall = session.agent_login_call ?? '';
    if (loginCall.length <= 5) return ctx.line('ERROR', 'call_agent error - entry is empty', ctx.agentUser);

    const fields = rewriteLoginCall(loginCall, agent.conf_exten).split('|');
    const f = (column: (typeof MANAGER_COLUMNS)[number]) => fields[MANAGER_COLUMNS.indexOf(column)] ?? '';
    const cmdLines: Record<string, string> = {};
    for (const c of MANAGER_COLUMNS.slice(9)) cmdLines[c] = f(c);
    // man_id auto-increments. The stored login time is kept (oracle ca.01); a value its
    // column cannot hold gets the column's default.
    const entryDate = f('entry_date');
    await ctx.db.insertInto('vicidial_manager').values(fit('vicidial_manager', {
      uniqueid: f('uniqueid'),
      entry_date: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(entryDate) ? entryDate : null,
      status: STATUSES.find((s) => s === f('status')) ?? 'NEW',
      response: f('response') === 'Y' ? 'Y' as const : 'N' as const,
      server_ip: f('server_ip'), channel: f('channel'), action: f('action'), callerid: f('callerid'),
      ...cmdLines,
    })).execute();
    await ctx.line('SUCCESS', 'call_agent function sent', ctx.agentUser, { data: String(ctx.clock.epoch) });
  },
});
