// api-reference.md §2.24: the transfer-conference panel's commands (blind/local-closer
// transfers, 3-way dial, park-and-dial, leave voicemail, hang up either side, leave the 3-way).
import { clockAt, type ApiContext } from '../context.js';
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';
import { fit } from '../../db/fit.js';
import { transferGroup as resolveGroup } from '../transfer-group.js';

const VALUES = ['HANGUP_XFER', 'HANGUP_BOTH', 'BLIND_TRANSFER', 'LEAVE_VM', 'LOCAL_CLOSER',
  'DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL', 'LEAVE_3WAY_CALL'] as const;
const CID_CHOICES = ['CAMPAIGN', 'AGENT_PHONE', 'CUSTOMER', 'CUSTOM_CID'] as const;
const ENDED_3WAY = ['HUNGUP', 'DEFEATED', 'TRANSFER', 'TOOSLOW', 'DECLINED'];

/** The in-group of a LOCAL_CLOSER / consultative transfer; the call is read only for DEFAULTINGROUP. */
async function transferGroup(ctx: ApiContext, callerid: string): Promise<string | undefined> {
  const call = ctx.p.ingroup_choices.includes('DEFAULTINGROUP')
    ? await ctx.db.selectFrom('vicidial_auto_calls').select(['call_type', 'campaign_id'])
      .where('callerid', '=', callerid).orderBy('auto_call_id', 'desc').limit(1).executeTakeFirst()
    : undefined;
  return resolveGroup(ctx, call);
}

/**
 * group_alias and cid_choice checks (exit on failure; logged data = the details after the agent);
 * the alias's caller_id_number, or undefined.
 */
async function callerIdChecks(ctx: ApiContext): Promise<string | undefined> {
  const { group_alias: alias, cid_choice: cidChoice } = ctx.p;
  let cid = '';
  if (alias.length >= 2) {
    const row = await ctx.db.selectFrom('groups_alias').select('caller_id_number')
      .where('group_alias_id', '=', alias).executeTakeFirst();
    if (!row) {
      await ctx.fail('group_alias is not valid', `${ctx.agentUser}|${alias}`, { data: alias });
      return undefined;
    }
    cid = row.caller_id_number;
    const n = /^\s*\d+(\.\d+)?\s*$/.test(cid) ? Number(cid) : 0;
    if (n < 4) {
      await ctx.fail('caller_id_number from group_alias is not valid', `${ctx.agentUser}|${alias}|${cid}`, { data: `${alias}|${cid}` });
      return undefined;
    }
  }
  if (cidChoice.length >= 2 && !CID_CHOICES.some((c) => cidChoice.includes(c))) {
    await ctx.fail('cid_choice is not valid', `${ctx.agentUser}|${cidChoice}`, { data: cidChoice });
    return undefined;
  }
  return cid;
}

/**
 * multi_dial_phones: the kept numbers (5–18 characters, none contained in one kept before)
 * and how many were given; undefined when the string is too short to count.
 */
export function multiDialPhones(list: string): { kept: string[]; given: number } | undefined {
  if (list.length <= 4) return undefined;
  const given = list.split(',');
  const kept: string[] = [];
  for (const n of given) {
    if (n.length >= 5 && n.length <= 18 && !kept.some((k) => k.includes(n))) kept.push(n);
  }
  return { kept, given: given.length };
}

export const transferConference = defineFunction({
  name: 'transfer_conference',
  params: [
    ...agentParams,
    { name: 'value', required: true, values: VALUES },
    { name: 'phone_number', format: 'number to dial or transfer to; the target agent user for AGENTDIRECT' },
    { name: 'ingroup_choices', format: 'one in-group id, or DEFAULTINGROUP' },
    { name: 'consultative', values: ['YES', 'NO'] },
    { name: 'dial_override', values: ['YES', 'NO'] },
    { name: 'group_alias' },
    { name: 'cid_choice', values: CID_CHOICES },
    { name: 'multi_dial_phones', format: 'comma-separated numbers of 5-18 digits' },
    { name: 'md_check', values: ['YES', 'NO'] },
    { name: 'tw_check', values: ['YES', 'NO'] },
  ],
  async run(ctx) {
    const { value, alt_user, phone_number: phone, consultative, dial_override, group_alias, cid_choice } = ctx.p;
    if (value.length < 8 || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'transfer_conference not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const callerid = agent.callerid;
    if (!(Number(agent.lead_id) > 0 && callerid.length > 15)) {
      return ctx.line('ERROR', 'agent_user does not have a live call', ctx.agentUser);
    }

    const epoch = ctx.clock.epoch;
    let ingroup = ctx.p.ingroup_choices;
    let xferstr: string;
    if (value === 'LOCAL_CLOSER' || ((value === 'DIAL_WITH_CUSTOMER' || value === 'PARK_CUSTOMER_DIAL') && consultative === 'YES')) {
      const group = await transferGroup(ctx, callerid);
      if (group === undefined) return;
      ingroup = group;
      const cid = await callerIdChecks(ctx);
      if (cid === undefined) return;
      xferstr = `${value}---${group}---${phone}---${consultative}------${group_alias}---${cid}---${epoch}---${cid_choice}`;
    } else if (value === 'BLIND_TRANSFER' || value === 'LEAVE_VM' || value === 'DIAL_WITH_CUSTOMER' || value === 'PARK_CUSTOMER_DIAL') {
      const cid = await callerIdChecks(ctx);
      if (cid === undefined) return;
      xferstr = `${value}------${phone}---NO---${dial_override}---${group_alias}---${cid}---${epoch}---${cid_choice}`;
    } else if (value === 'HANGUP_XFER' || value === 'HANGUP_BOTH' || value === 'LEAVE_3WAY_CALL') {
      xferstr = `${value}---------NO------------${epoch}`;
    } else {
      // The real server names the API user here, not the agent (oracle tc.20).
      return ctx.line('ERROR', 'value is not valid', `${value}|${ctx.user}`);
    }

    let multi = '';
    const phones = multiDialPhones(ctx.p.multi_dial_phones);
    if (phones && phones.kept.length > 0) {
      const { md_check } = ctx.p;
      if (md_check.includes('YES')) {
        const since = new Date(ctx.clock.now.getTime() - 30 * 60 * 1000);
        const { ct } = await ctx.db.selectFrom('vicidial_3way_press_live').select((eb) => eb.fn.countAll<number>().as('ct'))
          .where('user', '=', ctx.agentUser).where('status', 'not in', ENDED_3WAY)
          .where('call_date', '>=', clockAt(since).nowTime).executeTakeFirstOrThrow();
        if (Number(ct) > 0) {
          const data = `${Number(ct)}|0|${md_check}`;
          return ctx.fail('agent_user has previous active 3-way calls', `${ctx.agentUser}|${data}`, { data });
        }
      }
      const row = fit('vicidial_3way_press_multi', {
        call_date: ctx.clock.nowTime, phone_numbers: phones.kept.join(','),
        phone_numbers_ct: Math.min(phones.kept.length, 255), status: 'NEW',
      });
      const before = await ctx.db.selectFrom('vicidial_3way_press_multi').selectAll().where('user', '=', ctx.agentUser).executeTakeFirst();
      let affected: number;
      if (!before) {
        await ctx.db.insertInto('vicidial_3way_press_multi').values({ user: ctx.agentUser, ...row }).execute();
        affected = 1;
      } else {
        // MySQL's INSERT … ON DUPLICATE KEY UPDATE counts 2 for a changed row, 0 for an identical one.
        const same = before.call_date === row.call_date && before.phone_numbers === row.phone_numbers
          && Number(before.phone_numbers_ct) === row.phone_numbers_ct && before.status === row.status;
        if (!same) await ctx.db.updateTable('vicidial_3way_press_multi').set(row).where('user', '=', ctx.agentUser).execute();
        affected = same ? 0 : 2;
      }
      multi = `|Multi-phones: ${phones.kept.length} ${phones.given} ${affected}`;
    }

    const { tw_check } = ctx.p;
    if (tw_check.includes('YES')) {
      // Runs after the multi-dial write, which stays (as on the real server).
      const { ct } = await ctx.db.selectFrom('live_sip_channels').select((eb) => eb.fn.countAll<number>().as('ct'))
        .where('server_ip', '=', agent.server_ip).where('channel_group', 'like', 'DC%W')
        .where('extension', '=', agent.conf_exten).executeTakeFirstOrThrow();
      if (Number(ct) > 0) {
        const data = `${Number(ct)}|0|${tw_check}`;
        return ctx.fail('agent_user has current active 3-way call', `${ctx.agentUser}|${data}`, { data });
      }
    }

    // external_transferconf is VARCHAR(120): a long number is cut there, echoed whole below.
    await writeAgentCommand(ctx, ctx.agentUser, { external_transferconf: xferstr });
    await ctx.line('SUCCESS', 'transfer_conference function set',
      `${value}|${ingroup}|${phone}|${consultative}|${ctx.agentUser}|${callerid}${multi}|`, { data: `${callerid}${multi}` });
  },
});
