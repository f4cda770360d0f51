// The simulated switch: honest, inspectable state in the database, no PBX. Inbound calls
// wait in their in-group's queue (vicidial_auto_calls LIVE) and go to the waiting agent of
// that group who has waited longest; manual dials ring, then answer, stay busy or go
// unanswered as sim_dial_outcomes says (default: answer after 1.5 s).
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { fit } from '../db/fit.js';
import { formatDateTime, parseDateTime } from '../clock.js';
import type { Db, LiveAgentRow } from '../agents/db.js';
import { callerId, uniqueId } from '../agents/ids.js';
import { changeState } from '../agents/state.js';
import { onCall } from '../agents/dispo.js';
import { addActivity } from '../agents/activity.js';
import type { InboundCall, ManualDial, Switch } from './switch.js';
import { processManagerQueue } from './manager.js';
import { advanceLegs, stopRecordings } from '../agents/handlers/calls.js';

const DEFAULT_RING_MS = 1500;
const channelFor = () => `SIP/carrier-${randomInt(0, 0xffffffff).toString(16).padStart(8, '0')}`;

async function leadFor(db: Db, phoneNumber: string, leadId: number | undefined, listId: number): Promise<{ leadId: number; phoneNumber: string; phoneCode: string }> {
  if (leadId) {
    const lead = await db.selectFrom('vicidial_list').select(['lead_id', 'phone_number', 'phone_code']).where('lead_id', '=', leadId).executeTakeFirst();
    if (lead) return { leadId: lead.lead_id, phoneNumber: phoneNumber || lead.phone_number, phoneCode: lead.phone_code };
  }
  if (phoneNumber) {
    const lead = await db.selectFrom('vicidial_list').select(['lead_id', 'phone_code']).where('phone_number', '=', phoneNumber).orderBy('lead_id').executeTakeFirst();
    if (lead) return { leadId: lead.lead_id, phoneNumber, phoneCode: lead.phone_code };
  }
  const number = phoneNumber || `312555${String(randomInt(0, 10000)).padStart(4, '0')}`;
  const res = await db.insertInto('vicidial_list').values(fit('vicidial_list', {
    list_id: listId, status: 'NEW', phone_code: '1', phone_number: number, entry_date: formatDateTime(new Date()), source_id: 'SIM',
  })).executeTakeFirstOrThrow();
  return { leadId: Number(res.insertId), phoneNumber: number, phoneCode: '1' };
}

export class SimSwitch implements Switch {
  readonly simulated = true;

  async event(db: Db, e: { conf_exten?: string; user?: string; callerid?: string; event: string; detail?: string }): Promise<void> {
    await db.insertInto('sim_switch_events').values(fit('sim_switch_events', {
      at_ms: Date.now(), conf_exten: e.conf_exten ?? '', user: e.user ?? '', callerid: e.callerid ?? '', event: e.event, detail: e.detail ?? '',
    })).execute();
  }

  async joinAgent(db: Db, agent: LiveAgentRow): Promise<void> {
    await this.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'agent_joined', detail: agent.extension });
  }

  async leaveAgent(db: Db, agent: LiveAgentRow): Promise<void> {
    if (agent.callerid) {
      await db.deleteFrom('vicidial_auto_calls').where('callerid', '=', agent.callerid).execute();
      await db.deleteFrom('parked_channels').where('channel_group', '=', agent.callerid).execute();
      await this.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'customer_hungup', detail: 'agent logged out' });
    }
    // Leaving the session ends everything in it: legs, recordings, playback.
    await db.updateTable('sim_legs').set({ state: 'ended' }).where('user', '=', agent.user).where('state', '!=', 'ended').execute();
    await stopRecordings(db, this, agent);
    await db.deleteFrom('live_channels').where('server_ip', '=', agent.server_ip).where('extension', '=', agent.conf_exten)
      .where('channel', 'like', 'IAX2/ASTplay%').execute();
    await this.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'agent_left', detail: agent.extension });
  }

  async placeInbound(db: Db, call: InboundCall): Promise<{ callerid: string; leadId: number }> {
    const group = await db.selectFrom('vicidial_inbound_groups').select(['group_id', 'active']).where('group_id', '=', call.ingroup).executeTakeFirst();
    if (!group || group.active !== 'Y') throw new Error(`in-group ${call.ingroup} does not exist or is not active`);
    const server = await db.selectFrom('servers').select('server_ip').where('active', '=', 'Y').orderBy('server_ip').executeTakeFirst();
    const lead = await leadFor(db, call.phoneNumber ?? '', call.leadId, 998);
    const now = new Date();
    const callerid = callerId('Y', now, lead.leadId);
    const waiting = await db.selectFrom('vicidial_auto_calls').select(sql<number>`count(*)`.as('n'))
      .where('campaign_id', '=', group.group_id).where('status', '=', 'LIVE').executeTakeFirst();
    await db.insertInto('vicidial_auto_calls').values(fit('vicidial_auto_calls', {
      server_ip: server?.server_ip ?? '127.0.0.1', campaign_id: group.group_id, status: 'LIVE', lead_id: lead.leadId,
      uniqueid: uniqueId(now), callerid, channel: channelFor(), phone_code: lead.phoneCode, phone_number: lead.phoneNumber,
      call_time: formatDateTime(now), call_type: 'IN', stage: 'START', queue_position: Number(waiting?.n ?? 0) + 1,
      last_update_time: formatDateTime(now),
    })).execute();
    await this.event(db, { callerid, event: 'inbound_queued', detail: `${group.group_id} ${lead.phoneNumber}` });
    return { callerid, leadId: lead.leadId };
  }

  async dial(db: Db, agent: LiveAgentRow, dial: ManualDial): Promise<LiveAgentRow | undefined> {
    const campaign = await db.selectFrom('vicidial_campaigns').select(['manual_dial_list_id']).where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
    const lead = await leadFor(db, dial.phoneNumber, dial.leadId, Number(campaign?.manual_dial_list_id ?? 998));
    const now = new Date();
    const callerid = callerId('M', now, lead.leadId);
    await db.insertInto('vicidial_auto_calls').values(fit('vicidial_auto_calls', {
      server_ip: agent.server_ip, campaign_id: agent.campaign_id, status: 'SENT', lead_id: lead.leadId, uniqueid: '', callerid,
      channel: '', phone_code: dial.phoneCode ?? lead.phoneCode, phone_number: lead.phoneNumber, call_time: formatDateTime(now),
      call_type: 'OUT', stage: 'START', agent_grab: agent.user, last_update_time: formatDateTime(now),
    })).execute();
    const moved = await changeState(db, agent, 'INCALL', 'DIAL', {
      lead_id: lead.leadId, callerid, uniqueid: '', channel: '', comments: 'MANUAL', preview_lead_id: 0,
      calls_today: agent.calls_today + 1, last_call_time: formatDateTime(now), external_hangup: '0',
    }, { from: ['PAUSED'] });
    if (!moved) {
      await db.deleteFrom('vicidial_auto_calls').where('callerid', '=', callerid).execute();
      return undefined;
    }
    await db.updateTable('vicidial_list').set({ status: 'INCALL', user: agent.user, last_local_call_time: formatDateTime(now) }).where('lead_id', '=', lead.leadId).execute();
    await this.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid, event: 'dial', detail: `${dial.phoneCode ?? lead.phoneCode} ${lead.phoneNumber}` });
    return moved;
  }

  async hangupCustomer(db: Db, agent: LiveAgentRow, by: string): Promise<LiveAgentRow | undefined> {
    if (!onCall(agent)) return undefined;
    if (agent.callerid) {
      await db.deleteFrom('vicidial_auto_calls').where('callerid', '=', agent.callerid).execute();
      await db.deleteFrom('parked_channels').where('channel_group', '=', agent.callerid).execute();
    }
    const moved = await changeState(db, agent, 'PAUSED', 'HANGUP', {
      callerid: '', uniqueid: '', channel: '', last_call_finish: formatDateTime(new Date()), external_hangup: '0',
      external_recording: '', external_park: '', external_transferconf: '', external_dtmf: '',
    });
    if (moved) {
      // The agent's side of the call ends with its third-party legs and its recordings.
      await db.updateTable('sim_legs').set({ state: 'ended' }).where('user', '=', agent.user).where('state', '!=', 'ended').execute();
      await stopRecordings(db, this, agent);
      await this.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'agent_hangup', detail: by });
    }
    return moved;
  }

  async customerHangup(db: Db, callerid: string): Promise<boolean> {
    const call = await db.selectFrom('vicidial_auto_calls').select(['callerid', 'status']).where('callerid', '=', callerid).executeTakeFirst();
    if (!call) return false;
    await db.deleteFrom('vicidial_auto_calls').where('callerid', '=', callerid).execute();
    await db.deleteFrom('parked_channels').where('channel_group', '=', callerid).execute();
    const agent = await db.selectFrom('vicidial_live_agents').select(['user', 'conf_exten']).where('callerid', '=', callerid).executeTakeFirst();
    await this.event(db, { conf_exten: agent?.conf_exten, user: agent?.user, callerid, event: 'customer_hungup', detail: call.status });
    if (agent) await addActivity(db, agent.user, 'activity.customerHungUp', {});
    return true;
  }

  async tick(db: Db, now: Date): Promise<void> {
    await processManagerQueue(db, this);
    await this.advanceDials(db, now);
    await advanceLegs(db, now);
    await this.route(db, now);
  }

  private async advanceDials(db: Db, now: Date): Promise<void> {
    const ringing = await db.selectFrom('vicidial_auto_calls').selectAll().where('call_type', '=', 'OUT').where('status', 'in', ['SENT', 'RINGING']).limit(200).execute();
    for (const call of ringing) {
      const rule = await db.selectFrom('sim_dial_outcomes').selectAll().where('phone_number', '=', call.phone_number).executeTakeFirst();
      const ringMs = rule ? Number(rule.ring_ms) : DEFAULT_RING_MS;
      if (now.getTime() - parseDateTime(call.call_time) < ringMs) continue;
      const outcome = rule?.outcome ?? 'ANSWER';
      if (outcome === 'ANSWER') {
        const uniqueid = uniqueId(now);
        const channel = channelFor();
        const res = await db.updateTable('vicidial_auto_calls').set({ status: 'XFER', uniqueid, channel, last_update_time: formatDateTime(now) })
          .where('auto_call_id', '=', call.auto_call_id).where('status', 'in', ['SENT', 'RINGING']).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) continue;
        await db.updateTable('vicidial_live_agents').set({ uniqueid, channel }).where('callerid', '=', call.callerid).execute();
        await this.event(db, { callerid: call.callerid, user: call.agent_grab, event: 'answered', detail: call.phone_number });
      } else {
        const res = await db.deleteFrom('vicidial_auto_calls').where('auto_call_id', '=', call.auto_call_id).executeTakeFirst();
        if (Number(res.numDeletedRows) !== 1) continue;
        await this.event(db, { callerid: call.callerid, user: call.agent_grab, event: outcome === 'BUSY' ? 'busy' : 'no_answer', detail: call.phone_number });
        const agent = await db.selectFrom('vicidial_live_agents').selectAll().where('callerid', '=', call.callerid).executeTakeFirst();
        if (agent) {
          await changeState(db, agent, 'PAUSED', 'HANGUP', { callerid: '', uniqueid: '', channel: '', last_call_finish: formatDateTime(now) });
          await addActivity(db, agent.user, outcome === 'BUSY' ? 'activity.busy' : 'activity.noAnswer', { number: call.phone_number });
        }
      }
    }
  }

  private async route(db: Db, now: Date): Promise<void> {
    const queued = await db.selectFrom('vicidial_auto_calls').selectAll().where('call_type', '=', 'IN').where('status', '=', 'LIVE')
      .orderBy('call_time').orderBy('auto_call_id').limit(200).execute();
    for (const call of queued) {
      let candidates = db.selectFrom('vicidial_live_agents').selectAll().where('status', 'in', ['READY', 'CLOSER']).where('lead_id', '=', 0);
      // An AGENTDIRECT call is for its one agent, whatever in-groups that agent took.
      candidates = call.agent_only ? candidates.where('user', '=', call.agent_only)
        : candidates.where('user', 'in', db.selectFrom('vicidial_live_inbound_agents').select('user').where('group_id', '=', call.campaign_id));
      const agent = await candidates.orderBy('last_state_change').limit(1).executeTakeFirst();
      if (!agent) continue;
      const claimed = await db.updateTable('vicidial_auto_calls').set({ status: 'CLOSER', agent_grab: agent.user, stage: 'CLOSER', last_update_time: formatDateTime(now) })
        .where('auto_call_id', '=', call.auto_call_id).where('status', '=', 'LIVE').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const moved = await changeState(db, agent, 'INCALL', 'INCALL', {
        lead_id: call.lead_id, callerid: call.callerid, uniqueid: call.uniqueid, channel: call.channel, comments: 'INBOUND',
        calls_today: agent.calls_today + 1, last_call_time: formatDateTime(now), last_inbound_call_time: formatDateTime(now),
        external_hangup: '0', external_status: '',
      }, { from: ['READY', 'CLOSER'], now });
      if (!moved) {
        await db.updateTable('vicidial_auto_calls').set({ status: 'LIVE', agent_grab: '', stage: 'START' }).where('auto_call_id', '=', call.auto_call_id).execute();
        continue;
      }
      await db.updateTable('vicidial_live_inbound_agents').set({ calls_today: sql`calls_today + 1`, last_call_time: formatDateTime(now) })
        .where('user', '=', agent.user).where('group_id', '=', call.campaign_id).execute();
      await db.updateTable('vicidial_list').set({ status: 'INCALL', user: agent.user }).where('lead_id', '=', call.lead_id).execute();
      await db.insertInto('vicidial_closer_log').values(fit('vicidial_closer_log', {
        lead_id: call.lead_id, campaign_id: call.campaign_id, call_date: formatDateTime(now), start_epoch: Math.floor(now.getTime() / 1000),
        status: 'INCALL', phone_code: call.phone_code, phone_number: call.phone_number, user: agent.user, uniqueid: call.uniqueid,
        queue_seconds: Math.max(0, Math.round((now.getTime() - parseDateTime(call.call_time)) / 1000)),
      })).execute();
      await this.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: call.callerid, event: 'routed', detail: call.campaign_id });
    }
  }
}
