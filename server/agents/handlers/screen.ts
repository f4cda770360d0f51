// Commands the screen shows: external_update_fields (field changes and panel reloads),
// external_timer_action, external_lead_id (switch_lead), manager_ingroup_set
// (change_ingroups) (agent-screen.md §3.8–§3.11, §3.19). The lead's new values are in the
// database already; the screen re-reads them with the snapshot.
import { fit } from '../../db/fit.js';
import { formatDateTime } from '../../clock.js';
import type { Db, LiveAgentRow } from '../db.js';
import { PANEL_TRIGGERS } from '../../../contract/agent.js';
import type { CommandHandler } from './types.js';
import { addActivity, addEffect } from '../activity.js';

/**
 * The groups api.php syncs from a list: a trailing `-` dropped, split on single spaces, from
 * the 2nd token on, so a list without its leading space leaves its first group out
 * (api-reference.md §2.15, oracle ci.19).
 */
const syncedGroups = (list: string) => list.replace(/-$/, '').split(' ').slice(1).filter((g) => g.length > 0);

/**
 * Routing follows the new selection as api.php leaves it (the same sync again, so also a
 * command written by direct SQL): one vicidial_live_inbound_agents row per synced group with
 * the member's weight, calls, grade and limit from vicidial_inbound_group_agents (defaults
 * 0/0/0/0/-1 without one), and no row for any other group.
 */
async function syncInboundAgents(db: Db, user: string, list: string): Promise<void> {
  const groups = syncedGroups(list);
  let stale = db.deleteFrom('vicidial_live_inbound_agents').where('user', '=', user);
  if (groups.length) stale = stale.where('group_id', 'not in', groups);
  await stale.execute();
  const have = new Set((await db.selectFrom('vicidial_live_inbound_agents').select('group_id').where('user', '=', user).execute()).map((r) => r.group_id));
  const now = formatDateTime(new Date());
  for (const group_id of groups) {
    const igb = await db.selectFrom('vicidial_inbound_group_agents').select(['group_weight', 'calls_today', 'group_grade', 'calls_today_filtered', 'daily_limit'])
      .where('user', '=', user).where('group_id', '=', group_id).executeTakeFirst();
    const member = igb ?? { group_weight: 0, calls_today: 0, group_grade: 0, calls_today_filtered: 0, daily_limit: -1 };
    // Insert-or-ignore first: two requests re-syncing one agent cannot both insert (ER_DUP_ENTRY).
    await db.insertInto('vicidial_live_inbound_agents').orIgnore().values(fit('vicidial_live_inbound_agents', {
      user, group_id, ...member, last_call_time: now, last_call_finish: now,
    })).execute();
    if (have.has(group_id)) {
      await db.updateTable('vicidial_live_inbound_agents').set(member).where('user', '=', user).where('group_id', '=', group_id).execute();
    }
  }
}

/**
 * §3.19 (LeaDSearcHSelecTUpdatE): the live call, its call logs and the agent's current
 * agent-log row move to the new lead, which is now on the call; the old lead is released
 * as LSMERG ("Agent lead search old lead mrg"), so the disposition closes the call's log
 * and lands on the new lead.
 */
async function switchLead(db: Db, agent: LiveAgentRow, leadId: number): Promise<void> {
  const oldLead = agent.lead_id;
  const now = formatDateTime(new Date());
  await db.updateTable('vicidial_live_agents').set({ lead_id: leadId }).where('user', '=', agent.user).execute();
  await db.updateTable('vicidial_auto_calls').set({ lead_id: leadId }).where('callerid', '=', agent.callerid).execute();
  if (agent.uniqueid) {
    await db.updateTable('vicidial_closer_log').set({ lead_id: leadId })
      .where('uniqueid', '=', agent.uniqueid).where('lead_id', '=', oldLead).execute();
    await db.updateTable('vicidial_log').set({ lead_id: leadId })
      .where('uniqueid', '=', agent.uniqueid).where('lead_id', '=', oldLead).execute();
  }
  if (agent.agent_log_id) {
    await db.updateTable('vicidial_agent_log').set({ lead_id: leadId })
      .where('agent_log_id', '=', agent.agent_log_id).where('lead_id', '=', oldLead).execute();
  }
  await db.updateTable('vicidial_list').set({ status: 'INCALL', user: agent.user, modify_date: now }).where('lead_id', '=', leadId).execute();
  if (oldLead > 0) {
    await db.updateTable('vicidial_list').set({ status: 'LSMERG', modify_date: now })
      .where('lead_id', '=', oldLead).where('status', '=', 'INCALL').execute();
  }
}

export const screenHandlers: CommandHandler[] = [
  {
    column: 'external_update_fields',
    functions: ['update_fields', 'refresh_panel'],
    cleared: '0',
    pending: (a) => a.external_update_fields === '1',
    pendingWhere: (eb) => eb('external_update_fields', '=', '1'),
    ready: () => true,
    async apply(db, _sw, agent, _value, by) {
      const names = agent.external_update_fields_data.split(',').map((s) => s.trim()).filter(Boolean);
      const panels = names.filter((n) => (PANEL_TRIGGERS as readonly string[]).includes(n));
      const fields = names.filter((n) => !(PANEL_TRIGGERS as readonly string[]).includes(n));
      await db.updateTable('vicidial_live_agents').set({ external_update_fields_data: '' }).where('user', '=', agent.user).execute();
      if (panels.length) await addEffect(db, agent.user, 'reload', { panels, ...by });
      if (fields.length) await addActivity(db, agent.user, 'activity.fieldsUpdated', { fields: fields.join(', '), ...by });
      else if (panels.length) await addActivity(db, agent.user, 'activity.panelsReloaded', { panels: panels.join(', '), ...by });
    },
  },
  {
    // §3.11: the screen counts `seconds` from the start of the current call.
    column: 'external_timer_action',
    functions: ['set_timer_action'],
    cleared: '',
    pending: (a) => a.external_timer_action !== '',
    ready: () => true,
    async apply(db, _sw, agent, value, by) {
      await addEffect(db, agent.user, 'timer', {
        action: value, message: agent.external_timer_action_message, seconds: agent.external_timer_action_seconds,
        destination: agent.external_timer_action_destination, callerid: agent.callerid, ...by,
      });
      await addActivity(db, agent.user, 'activity.timerSet', { action: value, seconds: String(agent.external_timer_action_seconds), ...by });
    },
  },
  {
    // §3.19: the live call now belongs to another lead; the customer panel reloads.
    column: 'external_lead_id',
    functions: ['switch_lead'],
    cleared: 0,
    pending: (a) => Number(a.external_lead_id) > 0,
    pendingWhere: (eb) => eb('external_lead_id', '>', 0),
    ready: () => true,
    async apply(db, _sw, agent, value, by) {
      const leadId = Number(value);
      if (!agent.callerid || agent.lead_id === leadId) return;
      await switchLead(db, agent, leadId);
      await addActivity(db, agent.user, 'activity.leadSwitched', { from: String(agent.lead_id), to: String(leadId), ...by });
    },
  },
  {
    // §4 of api-reference: SET turns external_ingroups into the agent's in-groups.
    column: 'manager_ingroup_set',
    functions: ['change_ingroups'],
    cleared: 'Y',
    pending: (a) => a.manager_ingroup_set === 'SET',
    pendingWhere: (eb) => eb('manager_ingroup_set', '=', 'SET'),
    ready: () => true,
    async apply(db, _sw, agent, _value, by) {
      const blended = agent.external_blended === '1' ? 'Y' : 'N';
      await db.updateTable('vicidial_live_agents').set({ closer_campaigns: agent.external_ingroups, outbound_autodial: blended })
        .where('user', '=', agent.user).execute();
      await syncInboundAgents(db, agent.user, agent.external_ingroups);
      // A waiting agent's READY/CLOSER follows the new selection at once.
      const hasGroups = agent.external_ingroups.trim().replace(/-$/, '').trim() !== '';
      if (agent.status === 'READY' || agent.status === 'CLOSER') {
        const to = hasGroups && blended === 'N' ? 'CLOSER' : 'READY';
        await db.updateTable('vicidial_live_agents').set({ status: to }).where('user', '=', agent.user).where('status', '=', agent.status).execute();
      }
      await db.insertInto('vicidial_user_closer_log').values(fit('vicidial_user_closer_log', {
        user: agent.user, campaign_id: agent.campaign_id, event_date: formatDateTime(new Date()), blended: agent.external_blended,
        closer_campaigns: agent.external_ingroups, manager_change: by.by,
      })).execute();
      await addActivity(db, agent.user, 'activity.ingroupsChanged', { ingroups: agent.external_ingroups.replace(/-$/, '').trim(), ...by });
    },
  },
];
