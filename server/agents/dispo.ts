// Saving a disposition (agent-screen.md §3.2): the lead's status, the callback when the
// status asks for one, then pause, resume or log out as the agent's pending commands say.
import { fit } from '../db/fit.js';
import { formatDateTime } from '../clock.js';
import type { Db, LiveAgentRow } from './db.js';
import { changeState, waitingStatus, writeAgentLog } from './state.js';
import { addActivity } from './activity.js';
import { logout } from './session.js';
import type { Switch } from '../switch/switch.js';

export interface Disposition {
  status: string;
  callback?: { datetime: string; type: string; comments: string };
  qmCode?: string;
  /** The agent ticked "pause after". */
  pauseAfter?: boolean;
  by: string;
  /** Where the disposition came from: the API's `source`, 'screen', or 'database'. */
  source?: string;
}

/** The agent is on a call, or one is being routed to it (agent-screen.md §5.1). */
export function onCall(agent: Pick<LiveAgentRow, 'status'>): boolean {
  return agent.status === 'INCALL' || agent.status === 'QUEUE';
}

/** The agent has a lead whose call is over and whose disposition is not saved yet. */
export function inDispo(agent: Pick<LiveAgentRow, 'status' | 'lead_id' | 'callerid'>): boolean {
  return agent.lead_id > 0 && agent.callerid === '' && (agent.status === 'PAUSED' || agent.status === 'READY' || agent.status === 'CLOSER');
}

/** Parse external_status: `STATUS` or `STATUS!datetime!type!comments!qm` (§3.2). */
export function parseExternalStatus(value: string): Omit<Disposition, 'by' | 'pauseAfter'> {
  const [status, datetime = '', type = '', comments = '', qm = ''] = value.split('!');
  const callback = datetime.length > 10 && type.length > 5 ? { datetime, type, comments } : undefined;
  return { status, callback, qmCode: qm || undefined };
}

export async function dispose(db: Db, sw: Switch, agent: LiveAgentRow, d: Disposition, now = new Date()): Promise<LiveAgentRow | undefined> {
  if (!inDispo(agent)) return undefined;
  const nowTime = formatDateTime(now);
  const lead = await db.selectFrom('vicidial_list').select(['lead_id', 'list_id']).where('lead_id', '=', agent.lead_id).executeTakeFirst();
  let leadStatus = d.status;
  if (d.callback && lead) {
    // The lead waits as CBHOLD; the callback row carries the real status (§3.2).
    leadStatus = 'CBHOLD';
    const user = await db.selectFrom('vicidial_users').select('user_group').where('user', '=', agent.user).executeTakeFirst();
    await db.insertInto('vicidial_callbacks').values(fit('vicidial_callbacks', {
      lead_id: lead.lead_id, list_id: lead.list_id, campaign_id: agent.campaign_id, status: 'ACTIVE', entry_time: nowTime,
      callback_time: d.callback.datetime.slice(0, 19), modify_date: nowTime, user: agent.user,
      recipient: d.callback.type === 'USERONLY' ? 'USERONLY' : 'ANYONE', comments: d.callback.comments, user_group: user?.user_group ?? '',
      lead_status: d.status,
    })).execute();
  }
  if (lead) {
    await db.updateTable('vicidial_list').set(fit('vicidial_list', { status: leadStatus, user: agent.user, modify_date: nowTime })).where('lead_id', '=', lead.lead_id).execute();
    await db.updateTable('vicidial_closer_log').set({ status: leadStatus, end_epoch: Math.floor(now.getTime() / 1000) })
      .where('lead_id', '=', lead.lead_id).where('user', '=', agent.user).where('status', '=', 'INCALL').execute();
  }
  await addActivity(db, agent.user, 'activity.dispositioned', { status: d.status, by: d.by, ...(d.source ? { source: d.source } : {}) });

  if (agent.external_pause === 'LOGOUT') {
    await writeAgentLog(db, agent, 'DISPO', now, { comments: d.by });
    await logout(db, sw, agent, 'API', now);
    return undefined;
  }
  const campaign = await db.selectFrom('vicidial_campaigns').select('dial_method').where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
  const pausePending = agent.external_pause.includes('PAUSE');
  const manual = (campaign?.dial_method ?? 'MANUAL') === 'MANUAL';
  const stay = d.pauseAfter || pausePending || manual;
  const next = stay ? 'PAUSED' : waitingStatus(agent, campaign?.dial_method ?? 'MANUAL');
  const patch = { lead_id: 0, external_status: '', preview_lead_id: 0, comments: '', ...(pausePending ? { external_pause: '' } : {}), ...(next !== 'PAUSED' ? { pause_code: '' } : {}) };
  return changeState(db, agent, next, 'DISPO', patch, { from: [agent.status as 'PAUSED'], now, comments: d.by });
}
