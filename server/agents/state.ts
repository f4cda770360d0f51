// The agent state machine (agent-screen.md §5): every change of a vicidial_live_agents
// row's status goes through changeState, which also writes the vicidial_agent_log row.
import type { Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { fit } from '../db/fit.js';
import { formatDateTime, parseDateTime } from '../clock.js';
import type { RowStatus } from '../../contract/agent.js';
import type { Db, LiveAgentRow } from './db.js';

/** Short event codes stored in vicidial_agent_log.status (VARCHAR(6)). */
export type AgentEvent = 'LOGIN' | 'PAUSE' | 'READY' | 'QUEUE' | 'INCALL' | 'DIAL' | 'HANGUP' | 'DEAD' | 'DISPO' | 'LOGOUT' | 'PCODE' | 'XFER';

type Patch = Updateable<DB['vicidial_live_agents']>;

/** Which *_sec column of the previous log row the time since it counts towards. */
function secColumn(event: string): 'pause_sec' | 'wait_sec' | 'talk_sec' | 'dispo_sec' | 'dead_sec' {
  switch (event) {
    case 'READY': return 'wait_sec';
    case 'INCALL': case 'DIAL': case 'QUEUE': case 'XFER': return 'talk_sec';
    case 'HANGUP': case 'DISPO': return 'dispo_sec';
    case 'DEAD': return 'dead_sec';
    default: return 'pause_sec';
  }
}

function epochColumn(event: AgentEvent): 'pause_epoch' | 'wait_epoch' | 'talk_epoch' | 'dispo_epoch' | 'dead_epoch' {
  return secColumn(event).replace('_sec', '_epoch') as 'pause_epoch';
}

export async function writeAgentLog(db: Db, agent: Pick<LiveAgentRow, 'user' | 'server_ip' | 'campaign_id' | 'lead_id' | 'agent_log_id' | 'uniqueid'>, event: AgentEvent, now: Date, details: { subStatus?: string; comments?: string; userGroup?: string } = {}): Promise<number> {
  if (agent.agent_log_id) {
    const prev = await db.selectFrom('vicidial_agent_log').select(['agent_log_id', 'event_time', 'status']).where('agent_log_id', '=', agent.agent_log_id).executeTakeFirst();
    if (prev?.event_time) {
      const secs = Math.max(0, Math.min(65535, Math.round((now.getTime() - parseDateTime(prev.event_time)) / 1000)));
      await db.updateTable('vicidial_agent_log').set({ [secColumn(prev.status)]: secs }).where('agent_log_id', '=', prev.agent_log_id).execute();
    }
  }
  const res = await db.insertInto('vicidial_agent_log').values(fit('vicidial_agent_log', {
    user: agent.user,
    server_ip: agent.server_ip,
    event_time: formatDateTime(now),
    lead_id: agent.lead_id || null,
    campaign_id: agent.campaign_id,
    [epochColumn(event)]: Math.floor(now.getTime() / 1000),
    status: event,
    sub_status: details.subStatus ?? '',
    comments: details.comments ?? '',
    user_group: details.userGroup ?? '',
    uniqueid: agent.uniqueid,
  })).executeTakeFirstOrThrow();
  return Number(res.insertId);
}

/**
 * Move an agent to `to` (with the column changes in `patch`) if its status is still one of
 * `from`. Returns the updated row, or undefined when the agent moved meanwhile (another
 * node, the agent's own click): the caller then does nothing, so every change is applied
 * once.
 */
export async function changeState(db: Db, agent: LiveAgentRow, to: RowStatus, event: AgentEvent, patch: Patch = {}, options: { from?: RowStatus[]; comments?: string; now?: Date } = {}): Promise<LiveAgentRow | undefined> {
  const now = options.now ?? new Date();
  const nowTime = formatDateTime(now);
  const from = options.from ?? [agent.status as RowStatus];
  const res = await db.updateTable('vicidial_live_agents')
    .set({ ...fit('vicidial_live_agents', patch), status: to, last_state_change: nowTime, last_update_time: nowTime })
    .where('user', '=', agent.user)
    .where('status', 'in', from)
    .where('lead_id', '=', agent.lead_id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  const updated = await db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', agent.user).executeTakeFirstOrThrow();
  const logId = await writeAgentLog(db, updated, event, now, { subStatus: updated.pause_code, comments: options.comments });
  await db.updateTable('vicidial_live_agents').set({ agent_log_id: logId }).where('user', '=', agent.user).execute();
  return { ...updated, agent_log_id: logId };
}

/** READY, or CLOSER for an agent taking in-groups without being blended (§3.3). */
export function waitingStatus(agent: Pick<LiveAgentRow, 'closer_campaigns' | 'outbound_autodial'>, campaignDialMethod: string): RowStatus {
  const hasIngroups = agent.closer_campaigns.trim().replace(/-$/, '').trim().length > 0;
  const blended = agent.outbound_autodial === 'Y';
  if (hasIngroups && !blended) return 'CLOSER';
  if (campaignDialMethod === 'MANUAL' && hasIngroups) return 'CLOSER';
  return 'READY';
}
