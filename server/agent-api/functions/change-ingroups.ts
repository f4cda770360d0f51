// api-reference.md §2.15: change the agent's selected in-groups (ADD, REMOVE, anything
// else replaces) and blended flag; sync vicidial_live_inbound_agents; optionally save the
// choice as the user's default. No alt_user. The agent screen applies external_ingroups.
import { defineFunction } from '../function.js';
import { requireLoggedIn, requirePermission, writeAgentCommand } from '../blocks.js';
import type { ApiContext } from '../context.js';
import { fit } from '../../db/fit.js';

/**
 * The groups of a list such as ` TEST_IN SALESLINE -`: a trailing `-` dropped, split on
 * single spaces, from the 2nd token on (so a list without its leading space loses its first
 * group here, though it is still stored: oracle ci.19).
 */
export function groupsOf(list: string): string[] {
  return list.replace(/-$/, '').split(' ').slice(1).filter((g) => g.length > 0);
}

const formatList = (groups: string[]) => ` ${groups.map((g) => `${g} `).join('')}-`;

/** Upsert the agent's live in-group rows for `groups`, delete those of `old` no longer listed. */
async function syncInboundAgents(ctx: ApiContext, user: string, groups: string[], old: string[]): Promise<string[]> {
  const done: string[] = [];
  for (const group_id of groups) {
    const settings = await ctx.db.selectFrom('vicidial_inbound_group_agents')
      .select(['group_weight', 'calls_today', 'group_grade', 'calls_today_filtered', 'daily_limit'])
      .where('user', '=', user).where('group_id', '=', group_id).executeTakeFirst();
    const copied = settings ?? { group_weight: 0, calls_today: 0, group_grade: 0, calls_today_filtered: 0, daily_limit: -1 };
    const existing = await ctx.db.selectFrom('vicidial_live_inbound_agents').select('group_id')
      .where('user', '=', user).where('group_id', '=', group_id).executeTakeFirst();
    if (existing) {
      await ctx.db.updateTable('vicidial_live_inbound_agents').set(copied)
        .where('user', '=', user).where('group_id', '=', group_id).execute();
      done.push(`UPDATE vicidial_live_inbound_agents ${group_id}`);
    } else {
      const now = ctx.clock.nowTime;
      await ctx.db.insertInto('vicidial_live_inbound_agents').orIgnore().values(fit('vicidial_live_inbound_agents', {
        user, group_id, ...copied,
        last_call_time: now, last_call_finish: now, last_call_time_filtered: now, last_call_finish_filtered: now,
      })).execute();
      done.push(`INSERT vicidial_live_inbound_agents ${group_id}`);
    }
  }
  const keep = new Set(groups.map((g) => g.toUpperCase()));
  for (const group_id of old) {
    if (keep.has(group_id.toUpperCase())) continue;
    await ctx.db.deleteFrom('vicidial_live_inbound_agents').where('user', '=', user).where('group_id', '=', group_id).execute();
    done.push(`DELETE vicidial_live_inbound_agents ${group_id}`);
  }
  return done;
}

export const changeIngroups = defineFunction({
  name: 'change_ingroups',
  params: [
    { name: 'agent_user', required: true },
    { name: 'value', required: true, values: ['CHANGE', 'ADD', 'REMOVE'] },
    { name: 'blended', required: true, values: ['YES', 'NO'] },
    { name: 'ingroup_choices', format: 'space-separated in-group ids with a leading space and a trailing " -", e.g. " TEST_IN SALESLINE -"' },
    { name: 'set_as_default', values: ['YES', 'NO'] },
  ],
  async run(ctx) {
    // change_ingroups keeps A-Z only in value (lower-case `change` becomes empty: oracle ci.11).
    const value = ctx.p.value.replace(/[^A-Z]/g, '');
    ctx.logValue = value;
    const { blended, ingroup_choices: choices, set_as_default } = ctx.p;
    const agentUser = ctx.agentUser;
    if (blended.length < 2 || agentUser.length < 2 || value.length < 3) {
      const data = `${value}|${blended}|${choices}`;
      return ctx.line('ERROR', 'change_ingroups not valid', `${data}|${agentUser}`, { data });
    }
    if (!(await requirePermission(ctx, `${value}|`))) return;
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const campaign = await ctx.db.selectFrom('vicidial_campaigns').select(['campaign_allow_inbound', 'dial_method'])
      .where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
    if (campaign?.campaign_allow_inbound !== 'Y') {
      return ctx.line('ERROR', 'campaign does not allow inbound calls', agentUser);
    }
    const apiUser = await ctx.db.selectFrom('vicidial_users').select('change_agent_campaign')
      .where('user', '=', ctx.user).executeTakeFirst();
    if (apiUser?.change_agent_campaign !== '1') {
      return ctx.line('ERROR', 'user is not allowed to change agent in-groups', ctx.user);
    }
    if (blended === 'YES' && (campaign.dial_method === 'MANUAL' || campaign.dial_method === 'INBOUND_MAN')) {
      return ctx.fail('campaign dial_method does not allow outbound autodial', `${agentUser}|${blended}`, { data: blended });
    }
    const listed = groupsOf(choices);
    for (const group of listed) {
      const exists = await ctx.db.selectFrom('vicidial_inbound_groups').select('group_id')
        .where('group_id', '=', group).executeTakeFirst();
      if (!exists) {
        return ctx.fail('ingroup does not exist', `${agentUser}|${group}|${choices}`, { data: `${group}|${choices}` });
      }
    }
    if ((value === 'ADD' || value === 'REMOVE') && choices.length < 1) {
      return ctx.fail('ingroup_choices are required for ADD and REMOVE values', `${agentUser}|${value}|`, { data: `${value}|` });
    }

    // Only the applied selection counts; a pending external_ingroups is ignored (oracle ci.23).
    const current = agent.closer_campaigns ?? '';
    let newList: string;
    if (value === 'ADD') {
      const merged: string[] = [];
      for (const g of [...groupsOf(current), ...listed]) if (!merged.includes(g)) merged.push(g);
      newList = formatList(merged);
    } else if (value === 'REMOVE') {
      newList = listed.reduce((list, g) => list.split(` ${g} `).join(' '), current);
    } else {
      newList = choices;
    }

    await writeAgentCommand(ctx, agentUser, {
      external_ingroups: newList,
      external_blended: blended === 'YES' ? '1' : '0',
      external_igb_set_user: ctx.user,
      manager_ingroup_set: 'SET',
    });
    const changes = await syncInboundAgents(ctx, agentUser, groupsOf(newList), groupsOf(current));

    let note = '';
    if (set_as_default === 'YES') {
      const defaultBlended = blended === 'YES' ? '1' as const : '0' as const;
      await ctx.db.updateTable('vicidial_users').set(fit('vicidial_users', { closer_campaigns: newList, closer_default_blended: defaultBlended }))
        .where('user', '=', agentUser).execute();
      // Our own description of the changes (the exact SQL text is not part of the contract).
      const eventSql = `UPDATE vicidial_users closer_campaigns=${newList} closer_default_blended=${defaultBlended} user=${agentUser}||`
        + changes.map((c) => `${c} user=${agentUser}|`).join('');
      await ctx.db.insertInto('vicidial_admin_log').values(fit('vicidial_admin_log', {
        event_date: ctx.clock.nowTime, user: ctx.user, ip_address: ctx.request.remoteIp, event_section: 'USERS',
        event_type: 'MODIFY' as const, record_id: agentUser, event_code: 'API MODIFY USER', event_sql: eventSql, event_notes: '',
      })).execute();
      note = 'User settings set as default';
    }
    await ctx.line('SUCCESS', 'change_ingroups function set', `${ctx.user}|${agentUser}|${newList}|${blended}|${note}`,
      { data: `${newList}|${blended}|${note}` });
  },
});
