// Call-control commands carried out in the switch: external_dial (manual dial, preview,
// MANUALNEXT, preview actions), external_recording, external_dtmf, external_park,
// external_transferconf (agent-screen.md §3.5, §3.6, §3.12–§3.15).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fit } from '../../db/fit.js';
import { formatDateTime } from '../../clock.js';
import type { Db, LiveAgentRow } from '../db.js';
import type { Switch } from '../../switch/switch.js';
import type { CommandHandler } from './types.js';
import { addActivity, addEffect } from '../activity.js';
import { changeState } from '../state.js';
import { inDispo, onCall } from '../dispo.js';
import { playLeadMessage } from '../voicemail.js';

const idle = (a: LiveAgentRow) => a.status === 'PAUSED' && a.lead_id === 0;
const PREVIEW_ACTIONS = new Set(['SKIP', 'DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH']);

async function lead(db: Db, leadId: number) {
  return db.selectFrom('vicidial_list').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
}

/** The next dialable lead of the campaign's lists (MANUALNEXT): oldest NEW lead first. */
async function nextLead(db: Db, campaignId: string) {
  return db.selectFrom('vicidial_list').selectAll()
    .where('list_id', 'in', db.selectFrom('vicidial_lists').select('list_id').where('campaign_id', '=', campaignId).where('active', '=', 'Y'))
    .where('status', '=', 'NEW').orderBy('lead_id').limit(1).executeTakeFirst();
}

/** external_dial: `number!phone_code!search!preview!focus!vendor_id!epoch!dial_prefix!group_alias!cid!vtiger!lead_id!alt_dial!dial_ingroup`. */
async function applyDial(db: Db, sw: Switch, agent: LiveAgentRow, value: string, by: { by: string; source: string }) {
  if (PREVIEW_ACTIONS.has(value)) return applyPreviewAction(db, sw, agent, value, by);
  const [number = '', phoneCode = '', search = '', preview = '', focus = '', vendorId = '', , dialPrefix = '', , , , leadIdField = '', altDial = ''] = value.split('!');
  let target = number === 'MANUALNEXT' ? await nextLead(db, agent.campaign_id) : undefined;
  if (!target && Number(leadIdField) > 0) target = await lead(db, Number(leadIdField));
  if (!target && search === 'YES' && number) {
    target = await db.selectFrom('vicidial_list').selectAll().where('phone_number', '=', number).orderBy('lead_id', 'desc').limit(1).executeTakeFirst();
  }
  if (number === 'MANUALNEXT' && !target) {
    await addActivity(db, agent.user, 'activity.noLeads', { ...by });
    return;
  }
  let phone = number === 'MANUALNEXT' ? target!.phone_number : number;
  if (target && (!phone || Number(leadIdField) > 0)) {
    phone = altDial === 'ALT' ? target.alt_phone : altDial === 'ADDR3' ? target.address3 : target.phone_number;
  }
  if (focus === 'YES') await addEffect(db, agent.user, 'focus', { number: phone, phoneCode: phoneCode || target?.phone_code || '1' });
  if (preview === 'YES') {
    // A number with no lead is previewed too: its lead is created first, as a manual dial would.
    const previewed = target ?? await newLead(db, agent.campaign_id, phone.replace(/[^0-9]/g, ''), phoneCode, vendorId);
    await db.updateTable('vicidial_live_agents').set({ preview_lead_id: previewed.lead_id }).where('user', '=', agent.user).execute();
    await addActivity(db, agent.user, 'activity.preview', { leadId: String(previewed.lead_id), ...by });
    return;
  }
  const moved = await sw.dial(db, agent, { phoneNumber: `${dialPrefix}${phone}`.replace(/[^0-9]/g, ''), phoneCode: phoneCode || undefined, leadId: target?.lead_id });
  if (moved) await addActivity(db, agent.user, 'activity.dialingBy', { number: phone, ...by });
}

/** A lead for a number dialled or previewed without one, in the campaign's manual-dial list. */
async function newLead(db: Db, campaignId: string, phone: string, phoneCode: string, vendor: string) {
  const campaign = await db.selectFrom('vicidial_campaigns').select('manual_dial_list_id').where('campaign_id', '=', campaignId).executeTakeFirst();
  const res = await db.insertInto('vicidial_list').values(fit('vicidial_list', {
    list_id: Number(campaign?.manual_dial_list_id ?? 998), status: 'NEW', phone_code: phoneCode || '1', phone_number: phone,
    vendor_lead_code: vendor, entry_date: formatDateTime(new Date()), source_id: 'API',
  })).executeTakeFirstOrThrow();
  return (await lead(db, Number(res.insertId)))!;
}

/**
 * preview_dial_action (§3.6): dial the previewed lead's number, alt or address3, or skip/finish.
 * In alt-dial mode (the call is over, the disposition is open) the same actions dial the
 * lead's numbers again, and FINISH ends alt dialing: the disposition stays open.
 */
async function applyPreviewAction(db: Db, sw: Switch, agent: LiveAgentRow, action: string, by: { by: string; source: string }) {
  if (inDispo(agent)) {
    if (action === 'SKIP' || action === 'FINISH') return addActivity(db, agent.user, 'activity.previewFinished', { ...by });
    const current = await lead(db, agent.lead_id);
    const phone = !current ? '' : action === 'ALTDIAL' ? current.alt_phone : action === 'ADR3DIAL' ? current.address3 : current.phone_number;
    if (!current || phone.replace(/[^0-9]/g, '').length < 2) return;
    const moved = await sw.dial(db, agent, { phoneNumber: phone.replace(/[^0-9]/g, ''), phoneCode: current.phone_code, leadId: current.lead_id });
    if (moved) await addActivity(db, agent.user, 'activity.dialingBy', { number: phone, ...by });
    return;
  }
  const previewed = agent.preview_lead_id > 0 ? await lead(db, agent.preview_lead_id) : undefined;
  if (!previewed) return;
  if (action === 'SKIP' || action === 'FINISH') {
    await db.updateTable('vicidial_live_agents').set({ preview_lead_id: 0 }).where('user', '=', agent.user).execute();
    await addActivity(db, agent.user, action === 'SKIP' ? 'activity.previewSkipped' : 'activity.previewFinished', { ...by });
    return;
  }
  const phone = action === 'ALTDIAL' ? previewed.alt_phone : action === 'ADR3DIAL' ? previewed.address3 : previewed.phone_number;
  const moved = await sw.dial(db, agent, { phoneNumber: phone.replace(/[^0-9]/g, ''), phoneCode: previewed.phone_code, leadId: previewed.lead_id });
  if (moved) await addActivity(db, agent.user, 'activity.dialingBy', { number: phone, ...by });
}

/** A conference recording: a recording_log row whose id replaces the command (§3.14). */
async function startRecording(db: Db, sw: Switch, agent: LiveAgentRow, suffix: string) {
  const now = new Date();
  const stamp = formatDateTime(now).replace(/-/g, '').replace(' ', '-').replace(/:/g, '');
  const filename = `${stamp}_${agent.user}${suffix}`.slice(0, 100);
  const res = await db.insertInto('recording_log').values(fit('recording_log', {
    channel: `Local/5${agent.conf_exten}@default`, server_ip: agent.server_ip, extension: agent.conf_exten, start_time: formatDateTime(now),
    start_epoch: Math.floor(now.getTime() / 1000), filename, location: `/var/spool/asterisk/monitorDONE/${filename}-all.wav`,
    lead_id: agent.lead_id || null, user: agent.user, vicidial_id: agent.uniqueid,
  })).executeTakeFirstOrThrow();
  const id = Number(res.insertId);
  await db.updateTable('vicidial_live_agents').set({ external_recording: String(id) }).where('user', '=', agent.user).execute();
  await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'recording_started', detail: `${id} ${filename}` });
  return { id, filename };
}

/** End the agent's open recordings (STOP, hangup, logout). */
export async function stopRecordings(db: Db, sw: Switch, agent: Pick<LiveAgentRow, 'user' | 'conf_exten'>) {
  const open = await db.selectFrom('recording_log').select(['recording_id', 'start_epoch']).where('user', '=', agent.user).where('end_epoch', 'is', null).execute();
  const now = Math.floor(Date.now() / 1000);
  for (const r of open) {
    const length = Math.max(0, now - Number(r.start_epoch ?? now));
    await db.updateTable('recording_log').set({ end_time: formatDateTime(new Date()), end_epoch: now, length_in_sec: length, length_in_min: Math.round((length / 60) * 100) / 100 })
      .where('recording_id', '=', r.recording_id).execute();
    await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'recording_stopped', detail: String(r.recording_id) });
  }
  return open.length;
}

async function thirdParty(db: Db, agent: LiveAgentRow) {
  return db.selectFrom('sim_legs').selectAll().where('user', '=', agent.user).where('state', '!=', 'ended').orderBy('leg_id', 'desc').limit(1).executeTakeFirst();
}

async function setLeg(db: Db, legId: number, state: 'ringing' | 'live' | 'parked' | 'ended') {
  await db.updateTable('sim_legs').set({ state, ...(state === 'parked' ? { parked_ms: Date.now() } : {}) }).where('leg_id', '=', legId).execute();
}

async function parkCustomer(db: Db, sw: Switch, agent: LiveAgentRow, ivr: boolean) {
  await db.deleteFrom('parked_channels').where('channel_group', '=', agent.callerid).execute();
  await db.insertInto('parked_channels').values(fit('parked_channels', {
    channel: agent.channel || `SIP/${agent.callerid}`, server_ip: agent.server_ip, channel_group: agent.callerid,
    extension: ivr ? 'IVR' : 'park', parked_by: agent.user, parked_time: formatDateTime(new Date()),
  })).execute();
  await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: ivr ? 'park_ivr' : 'park', detail: 'customer' });
}

async function grabCustomer(db: Db, sw: Switch, agent: LiveAgentRow) {
  const res = await db.deleteFrom('parked_channels').where('channel_group', '=', agent.callerid).executeTakeFirst();
  if (Number(res.numDeletedRows)) await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'grab', detail: 'customer' });
}

async function applyPark(db: Db, sw: Switch, agent: LiveAgentRow, value: string, by: { by: string; source: string }) {
  if (!agent.callerid) return;
  const leg = await thirdParty(db, agent);
  const parkXfer = async () => { if (leg) { await setLeg(db, leg.leg_id, 'parked'); await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'park', detail: 'xfer' }); } };
  const grabXfer = async () => { if (leg) { await setLeg(db, leg.leg_id, 'live'); await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'grab', detail: 'xfer' }); } };
  switch (value) {
    case 'PARK_CUSTOMER': await parkCustomer(db, sw, agent, false); break;
    case 'PARK_IVR_CUSTOMER': await parkCustomer(db, sw, agent, true); break;
    case 'GRAB_CUSTOMER': case 'GRAB_IVR_CUSTOMER': await grabCustomer(db, sw, agent); break;
    case 'PARK_XFER': await parkXfer(); break;
    case 'GRAB_XFER': await grabXfer(); break;
    case 'SWAP_PARK_XFER': await parkXfer(); await grabCustomer(db, sw, agent); break;
    case 'SWAP_PARK_CUSTOMER': await parkCustomer(db, sw, agent, false); await grabXfer(); break;
    case 'HANGUP_XFER_GRAB_CUSTOMER':
      if (leg) { await setLeg(db, leg.leg_id, 'ended'); await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'xfer_hangup', detail: leg.number }); }
      await grabCustomer(db, sw, agent);
      break;
    default: return;
  }
  await addActivity(db, agent.user, 'activity.park', { action: value, ...by });
}

/** The agent's side of the call ends and the disposition opens (blind, local closer, VM, leave 3-way). */
async function endAgentSide(db: Db, sw: Switch, agent: LiveAgentRow, event: string, detail: string) {
  await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event, detail });
  await db.deleteFrom('parked_channels').where('channel_group', '=', agent.callerid).execute();
  await db.updateTable('sim_legs').set({ state: 'ended' }).where('user', '=', agent.user).execute();
  await changeState(db, agent, 'PAUSED', 'XFER', { callerid: '', uniqueid: '', channel: '', last_call_finish: formatDateTime(new Date()) });
}

/** external_transferconf: `VALUE---INGROUP---PHONE---CONSULT---OVERRIDE---ALIAS---CID---EPOCH---CIDCHOICE` (§3.13). */
async function applyTransfer(db: Db, sw: Switch, agent: LiveAgentRow, value: string, by: { by: string; source: string }) {
  if (!onCall(agent) || !agent.callerid) return;
  const [fn = '', ingroup = '', phone = ''] = value.split('---');
  const call = await db.selectFrom('vicidial_auto_calls').selectAll().where('callerid', '=', agent.callerid).executeTakeFirst();
  const leg = await thirdParty(db, agent);
  switch (fn) {
    case 'HANGUP_XFER':
      if (leg) { await setLeg(db, leg.leg_id, 'ended'); await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, event: 'xfer_hangup', detail: leg.number }); }
      break;
    case 'HANGUP_BOTH':
      if (leg) await setLeg(db, leg.leg_id, 'ended');
      await sw.hangupCustomer(db, agent, `api:${by.by}`);
      break;
    case 'DIAL_WITH_CUSTOMER':
    case 'PARK_CUSTOMER_DIAL': {
      if (fn === 'PARK_CUSTOMER_DIAL') await parkCustomer(db, sw, agent, false);
      const number = ingroup && !phone ? ingroup : phone;
      await db.insertInto('sim_legs').values({ conf_exten: agent.conf_exten, user: agent.user, number, state: 'ringing', started_ms: Date.now() }).execute();
      await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'xfer_dial', detail: number });
      break;
    }
    case 'BLIND_TRANSFER':
      if (call) await db.deleteFrom('vicidial_auto_calls').where('callerid', '=', agent.callerid).execute();
      await endAgentSide(db, sw, agent, 'blind_transfer', phone);
      break;
    case 'LEAVE_VM':
      // The lead's custom voicemail message, when the campaign plays LTTagent (agent-screen.md §3.20).
      await playLeadMessage(db, sw, agent);
      if (call) await db.deleteFrom('vicidial_auto_calls').where('callerid', '=', agent.callerid).execute();
      await endAgentSide(db, sw, agent, 'leave_vm', agent.campaign_id);
      break;
    case 'LEAVE_3WAY_CALL':
      await endAgentSide(db, sw, agent, 'leave_3way', leg?.number ?? '');
      if (call) await db.updateTable('vicidial_auto_calls').set({ status: 'XFER', agent_grab: '' }).where('callerid', '=', agent.callerid).execute();
      break;
    case 'LOCAL_CLOSER': {
      // The customer goes to the in-group's queue (AGENTDIRECT: for one agent only).
      if (call) {
        await db.updateTable('vicidial_auto_calls').set(fit('vicidial_auto_calls', {
          status: 'LIVE', campaign_id: ingroup, call_type: 'IN', agent_grab: '', stage: 'XFER', call_time: formatDateTime(new Date()),
          agent_only: ingroup.startsWith('AGENTDIRECT') ? phone : '',
        })).where('callerid', '=', agent.callerid).execute();
      }
      await endAgentSide(db, sw, agent, 'local_closer', ingroup);
      break;
    }
    default:
      return;
  }
  await addActivity(db, agent.user, 'activity.transfer', { action: fn, target: phone || ingroup, ...by });
}

export const callHandlers: CommandHandler[] = [
  {
    column: 'external_dial',
    functions: ['external_dial', 'preview_dial_action'],
    cleared: '',
    pending: (a) => a.external_dial !== '',
    // A dial waits until the agent is paused with no lead (§3.5); preview actions also apply in
    // alt-dial mode (paused in the disposition of the call just ended).
    ready: (a) => idle(a) || (PREVIEW_ACTIONS.has(a.external_dial) && a.status === 'PAUSED' && inDispo(a)),
    apply: applyDial,
  },
  {
    column: 'external_recording',
    functions: ['recording'],
    cleared: '',
    // A number is the current recording's id (written back by START), not a command.
    pending: (a) => a.external_recording === 'STOP' || a.external_recording.includes('START'),
    pendingWhere: (eb) => eb.or([eb('external_recording', '=', 'STOP'), eb('external_recording', 'like', '%START%')]),
    ready: () => true,
    async apply(db, sw, agent, value, by) {
      if (value.includes('START')) {
        const { id, filename } = await startRecording(db, sw, agent, value.slice(value.indexOf('START') + 5));
        await addActivity(db, agent.user, 'activity.recordingStarted', { id: String(id), filename, ...by });
      } else if (value === 'STOP') {
        if (await stopRecordings(db, sw, agent)) await addActivity(db, agent.user, 'activity.recordingStopped', { ...by });
      }
    },
  },
  {
    column: 'external_dtmf',
    functions: ['send_dtmf'],
    cleared: '',
    pending: (a) => a.external_dtmf !== '',
    ready: () => true,
    async apply(db, sw, agent, value, by) {
      const tones = value.replace(/P/g, '#').replace(/S/g, '*').replace(/Q/g, ',');
      await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'dtmf', detail: tones });
      await addActivity(db, agent.user, 'activity.dtmf', { tones, ...by });
    },
  },
  {
    column: 'external_park',
    functions: ['park_call'],
    cleared: '',
    pending: (a) => a.external_park !== '',
    ready: () => true,
    apply: applyPark,
  },
  {
    column: 'external_transferconf',
    functions: ['transfer_conference', 'force_fronter_leave_3way'],
    cleared: '',
    pending: (a) => a.external_transferconf !== '',
    ready: () => true,
    apply: applyTransfer,
  },
];

/**
 * api_manual_dial QUEUE / QUEUE_AND_AUTOCALL (agent-screen.md §3.5, api-reference.md §4):
 * while an agent is PAUSED with no lead and no pending dial, the rows already handed over
 * (status QUEUE: dialled, dispositioned or refused) go, and the oldest READY row becomes the
 * agent's external_dial. Returns the agents fed.
 */
export async function feedManualDialQueue(db: Kysely<DB>): Promise<string[]> {
  const agents = await db.selectFrom('vicidial_live_agents as a').innerJoin('vicidial_campaigns as c', 'c.campaign_id', 'a.campaign_id')
    .select('a.user').where('c.api_manual_dial', 'in', ['QUEUE', 'QUEUE_AND_AUTOCALL'])
    .where('a.status', '=', 'PAUSED').where('a.lead_id', '=', 0).where('a.preview_lead_id', '=', 0).where('a.external_dial', '=', '')
    .where('a.user', 'in', db.selectFrom('vicidial_manual_dial_queue').select('user')).limit(500).execute();
  const fed: string[] = [];
  const gone = new Error('agent moved');
  for (const { user } of agents) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('vicidial_manual_dial_queue').where('user', '=', user).where('status', '=', 'QUEUE').execute();
      const next = await trx.selectFrom('vicidial_manual_dial_queue').selectAll().where('user', '=', user).where('status', '=', 'READY')
        .orderBy('mdq_id').limit(1).executeTakeFirst();
      if (!next) return;
      const claim = await trx.updateTable('vicidial_manual_dial_queue').set({ status: 'QUEUE' }).where('mdq_id', '=', next.mdq_id).where('status', '=', 'READY').executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return;
      const set = await trx.updateTable('vicidial_live_agents').set({ external_dial: next.external_dial }).where('user', '=', user)
        .where('status', '=', 'PAUSED').where('lead_id', '=', 0).where('preview_lead_id', '=', 0).where('external_dial', '=', '').executeTakeFirst();
      // The agent moved meanwhile (another node, the agent's own click): undo all of it.
      if (Number(set.numUpdatedRows) !== 1) throw gone;
      fed.push(user);
    }).catch((err) => { if (err !== gone) throw err; });
  }
  return fed;
}

/** Third-party legs ring for a moment, then answer (the simulation's 3-way calls). */
export async function advanceLegs(db: Db, now: Date): Promise<void> {
  await db.updateTable('sim_legs').set({ state: 'live' }).where('state', '=', 'ringing').where('started_ms', '<', sql<number>`${now.getTime() - 1500}`).execute();
}

