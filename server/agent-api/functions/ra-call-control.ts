// api-reference.md §2.21: hang up or transfer a call handled by a remote agent, close its
// call log, set the lead's status and free the remote agent.
import type { ApiContext } from '../context.js';
import { defineFunction } from '../function.js';
import { requireLoggedIn, requirePermission } from '../blocks.js';
import { fit } from '../../db/fit.js';
import { transferGroup } from '../transfer-group.js';

type Call = { server_ip: string; channel: string; call_type: string; campaign_id: string; lead_id: number; phone_number: string; uniqueid: string };
interface Command { action: string; callerid: string; lines: string[]; reason: string; details: string }

/** The manager command for the stage, or undefined after the stage's error line. */
async function prepare(ctx: ApiContext, call: Call): Promise<Command | undefined> {
  const { value, stage, phone_number: phone } = ctx.p;
  const tail = value.slice(4);
  const redirect = async (exten: string): Promise<Command> => {
    const server = await ctx.db.selectFrom('servers').select('ext_context').where('server_ip', '=', call.server_ip).executeTakeFirst();
    const callerid = `XAPI${tail}`;
    return {
      action: 'Redirect', callerid, reason: 'ra_call_control transfer', details: `${ctx.agentUser}|${value}|${phone}`,
      lines: [`Channel: ${call.channel}`, `Context: ${server?.ext_context ?? ''}`, `Exten: ${exten}`, 'Priority: 1', `CallerID: ${callerid}`],
    };
  };
  switch (stage) {
    case 'HANGUP':
      return { action: 'Hangup', callerid: `HAPI${tail}`, lines: [`Channel: ${call.channel}`], reason: 'ra_call_control hungup', details: `${ctx.agentUser}|${value}|HANGUP` };
    case 'EXTENSIONTRANSFER':
      if (phone.length < 2) {
        await ctx.line('ERROR', 'phone_number is not valid', phone);
        return undefined;
      }
      return redirect(phone);
    case 'INGROUPTRANSFER': {
      const group = await transferGroup(ctx, call);
      if (group === undefined) return undefined;
      return redirect(`90009*${group}**${call.lead_id}**${call.phone_number}**${ctx.agentUser}**`);
    }
    default:
      // Case-sensitive: `hangup` is not a stage (oracle ra.14).
      await ctx.line('ERROR', 'stage is not valid', stage);
      return undefined;
  }
}

export const raCallControl = defineFunction({
  name: 'ra_call_control',
  params: [
    { name: 'agent_user', required: true },
    { name: 'value', required: true, format: 'the call id (vicidial_auto_calls.callerid), e.g. Y0315201639000402027' },
    { name: 'stage', required: true, values: ['HANGUP', 'EXTENSIONTRANSFER', 'INGROUPTRANSFER'] },
    { name: 'phone_number', format: 'EXTENSIONTRANSFER: the extension to transfer to' },
    { name: 'ingroup_choices', format: 'INGROUPTRANSFER: one in-group id, or DEFAULTINGROUP' },
    { name: 'status', format: 'lead and call-log status, default RAXFER' },
  ],
  async run(ctx) {
    const { value, stage } = ctx.p;
    if (value.length < 1 || ctx.agentUser.length < 1 || stage.length < 1) {
      return ctx.line('ERROR', 'ra_call_control not valid', `${value}|${ctx.agentUser}|${stage}`);
    }
    if (!(await requirePermission(ctx))) return;
    if (!(await requireLoggedIn(ctx))) return;
    const call = await ctx.db.selectFrom('vicidial_auto_calls')
      .select(['server_ip', 'channel', 'call_type', 'campaign_id', 'lead_id', 'phone_number', 'uniqueid'])
      .where('callerid', '=', value).orderBy('auto_call_id').limit(1).executeTakeFirst();
    if (!call) return ctx.line('ERROR', 'no active call found', value);
    // The remote agent on the call; it may differ from agent_user.
    const raUser = await ctx.db.selectFrom('vicidial_live_agents').select(['server_ip', 'user', 'extension'])
      .where('callerid', '=', value).orderBy('user').limit(1).executeTakeFirst();
    const cmd = await prepare(ctx, call);
    if (!cmd) return;

    const now = ctx.clock.nowTime;
    const epoch = ctx.clock.epoch;
    const status = ctx.p.status || 'RAXFER';
    const length = (start: number | null) => (start == null ? 0 : epoch - Number(start));
    if (call.call_type === 'IN') {
      const log = await ctx.db.selectFrom('vicidial_closer_log').select(['closecallid', 'start_epoch'])
        .where('uniqueid', '=', call.uniqueid).where('lead_id', '=', call.lead_id).where('campaign_id', '=', call.campaign_id)
        .orderBy('closecallid', 'desc').limit(1).executeTakeFirst();
      if (log) {
        await ctx.db.updateTable('vicidial_closer_log').set(fit('vicidial_closer_log', { status, length_in_sec: length(log.start_epoch), end_epoch: epoch }))
          .where('closecallid', '=', log.closecallid).execute();
      }
    } else {
      // The newest row of the call (uniqueid is the key, so there is one).
      const log = await ctx.db.selectFrom('vicidial_log').select(['uniqueid', 'start_epoch'])
        .where('uniqueid', '=', call.uniqueid).where('lead_id', '=', call.lead_id).orderBy('call_date', 'desc').limit(1).executeTakeFirst();
      if (log) {
        await ctx.db.updateTable('vicidial_log').set(fit('vicidial_log', { status, user: ctx.agentUser, length_in_sec: length(log.start_epoch), end_epoch: epoch }))
          .where('uniqueid', '=', log.uniqueid).execute();
      }
    }
    await ctx.db.updateTable('vicidial_list').set(fit('vicidial_list', { status, modify_date: now }))
      .where('lead_id', '=', call.lead_id).execute();
    // QueueMetrics logging (enable_queuemetrics_logging) is not in scope: no queue_log is kept.

    const lines = [...cmd.lines, ...Array<string>(10 - cmd.lines.length).fill('')];
    await ctx.db.insertInto('vicidial_manager').values(fit('vicidial_manager', {
      uniqueid: '', entry_date: now, status: 'NEW' as const, response: 'N' as const, server_ip: call.server_ip, channel: '',
      action: cmd.action, callerid: cmd.callerid,
      cmd_line_b: lines[0], cmd_line_c: lines[1], cmd_line_d: lines[2], cmd_line_e: lines[3], cmd_line_f: lines[4],
      cmd_line_g: lines[5], cmd_line_h: lines[6], cmd_line_i: lines[7], cmd_line_j: lines[8], cmd_line_k: lines[9],
    })).execute();

    // api.php (and AST_VDremote_agents.pl after it) frees a remote agent as READY whatever its
    // in-groups, and writes no agent-log row (oracle ra.01, ra.07).
    if (raUser) {
      await ctx.db.updateTable('vicidial_live_agents').set({
        random_id: 10000000 + Math.floor(Math.random() * 90000000), last_call_finish: now, lead_id: 0, uniqueid: '',
        callerid: '', channel: '', last_state_change: now, status: 'READY', last_update_time: now,
      }).where('user', '=', raUser.user).where('server_ip', '=', raUser.server_ip).execute();
      ctx.commandsFor.add(raUser.user);
    }
    await ctx.db.deleteFrom('vicidial_auto_calls').where('callerid', '=', value).execute();
    await ctx.db.updateTable('vicidial_live_agents').set({ ring_callerid: '' }).where('ring_callerid', '=', value).execute();
    await ctx.line('SUCCESS', cmd.reason, cmd.details);
  },
});
