// The one thing the screen polls: the agent's whole state, with a version (ETag) so an
// unchanged poll costs a few indexed reads and a 304.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { parseDateTime } from '../clock.js';
import type { Db } from './db.js';
import type { AgentSnapshot, AgentState, CallInfo, CampaignPanels, LeadFields, PauseCodeChoice, RowStatus, StatusChoice } from '../../contract/agent.js';
import { inDispo, onCall } from './dispo.js';
import { previewChoices } from './actions.js';
import { pendingEffects, recentActivity } from './activity.js';

interface CampaignStatics {
  at: number;
  name: string;
  previewChoices: string[];
  panels: CampaignPanels;
  statuses: StatusChoice[];
  pauseCodes: PauseCodeChoice[];
}

const STATICS_TTL_MS = 5000;
const staticsCache = new WeakMap<object, Map<string, CampaignStatics>>();

/** Campaign name, statuses and pause codes change rarely: cached for a few seconds. */
async function campaignStatics(db: Db, cacheKey: object, campaignId: string): Promise<CampaignStatics> {
  let byCampaign = staticsCache.get(cacheKey);
  if (!byCampaign) staticsCache.set(cacheKey, (byCampaign = new Map()));
  const hit = byCampaign.get(campaignId);
  if (hit && Date.now() - hit.at < STATICS_TTL_MS) return hit;
  const campaign = await db.selectFrom('vicidial_campaigns')
    .select(['campaign_name', 'campaign_script', 'campaign_script_two', 'web_form_address', 'web_form_address_two', 'manual_preview_dial', 'alt_number_dialing'])
    .where('campaign_id', '=', campaignId).executeTakeFirst();
  const script = async (id: string | undefined) => {
    if (!id) return null;
    const row = await db.selectFrom('vicidial_scripts').select(['script_id', 'script_name', 'script_text']).where('script_id', '=', id).where('active', '=', 'Y').executeTakeFirst();
    return row ? { id: row.script_id, name: row.script_name, text: row.script_text } : null;
  };
  const system = await db.selectFrom('vicidial_statuses').select(['status', 'status_name', 'scheduled_callback']).where('selectable', '=', 'Y').orderBy('status').execute();
  const own = await db.selectFrom('vicidial_campaign_statuses').select(['status', 'status_name', 'scheduled_callback'])
    .where('campaign_id', '=', campaignId).where('selectable', '=', 'Y').orderBy('status').execute();
  const codes = await db.selectFrom('vicidial_pause_codes').select(['pause_code', 'pause_code_name']).where('campaign_id', '=', campaignId).orderBy('pause_code').execute();
  const seen = new Set<string>();
  const statuses: StatusChoice[] = [];
  for (const s of [...own, ...system]) {
    if (seen.has(s.status)) continue;
    seen.add(s.status);
    statuses.push({ status: s.status, name: s.status_name, callback: s.scheduled_callback === 'Y' });
  }
  const value: CampaignStatics = {
    at: Date.now(), name: campaign?.campaign_name ?? campaignId, statuses, previewChoices: previewChoices(campaign),
    panels: {
      script: await script(campaign?.campaign_script), script2: await script(campaign?.campaign_script_two),
      webFormUrl: campaign?.web_form_address ?? '', webFormUrl2: campaign?.web_form_address_two ?? '',
    },
    pauseCodes: codes.map((c) => ({ code: c.pause_code, name: c.pause_code_name })),
  };
  byCampaign.set(campaignId, value);
  return value;
}

/** Forget cached campaign statics (a k:<campaign> or * change read from screen_changes). */
export function invalidateCampaignStatics(cacheKey: object, campaignId?: string): void {
  const byCampaign = staticsCache.get(cacheKey);
  if (!byCampaign) return;
  if (campaignId === undefined) byCampaign.clear();
  else byCampaign.delete(campaignId);
}

/** How many snapshots were built (tests assert an unchanged poll builds none). */
export const snapshotStats = { builds: 0 };

const ingroupsOf = (closer: string | null) => (closer ?? '').trim().split(/\s+/).filter((g) => g && g !== '-');

export async function buildSnapshot(db: Db, cacheKey: object, user: string, simulated: boolean): Promise<AgentSnapshot | undefined> {
  return (await buildSnapshotWithKeys(db, cacheKey, user, simulated))?.snapshot;
}

/**
 * The snapshot and the screen_changes keys (screen-triggers.ts) whose change can change it:
 * the agent, its lead, its call, its campaign's and in-groups' queues, its conference.
 */
export async function buildSnapshotWithKeys(db: Db, cacheKey: object, user: string, simulated: boolean): Promise<{ snapshot: AgentSnapshot; keys: string[] } | undefined> {
  snapshotStats.builds++;
  const agent = await db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
  if (!agent) return undefined;
  const ingroups = ingroupsOf(agent.closer_campaigns);
  // Independent reads: at once (MariaDB runs them on several pooled connections).
  const [statics, userRow, callRow, leadRow, waiting, recording, parked, session, leg, playing, effects, activity] = await Promise.all([
    campaignStatics(db, cacheKey, agent.campaign_id),
    db.selectFrom('vicidial_users').select('full_name').where('user', '=', user).executeTakeFirst(),
    agent.callerid ? db.selectFrom('vicidial_auto_calls').selectAll().where('callerid', '=', agent.callerid).executeTakeFirst() : undefined,
    agent.lead_id > 0 || agent.preview_lead_id > 0
      ? db.selectFrom('vicidial_list').selectAll().where('lead_id', '=', agent.lead_id > 0 ? agent.lead_id : agent.preview_lead_id).executeTakeFirst()
      : undefined,
    db.selectFrom('vicidial_auto_calls').select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'LIVE')
      .where((eb) => eb.or([
        eb.and([eb('agent_only', '=', ''), eb.or([eb('campaign_id', '=', agent.campaign_id), ...(ingroups.length ? [eb('campaign_id', 'in', ingroups)] : [])])]),
        eb('agent_only', '=', user), // AGENTDIRECT calls for this agent, whatever its in-groups
      ]))
      .executeTakeFirst(),
    db.selectFrom('recording_log').select(['recording_id', 'filename', 'start_epoch'])
      .where('user', '=', user).where('end_epoch', 'is', null).orderBy('recording_id', 'desc').limit(1).executeTakeFirst(),
    agent.callerid
      ? db.selectFrom('parked_channels').select(['parked_time', 'extension']).where('channel_group', '=', agent.callerid).executeTakeFirst()
      : undefined,
    db.selectFrom('vicidial_session_data').select('webphone_url').where('user', '=', user).executeTakeFirst(),
    db.selectFrom('sim_legs').select(['number', 'state', 'parked_ms']).where('user', '=', user).where('state', '!=', 'ended')
      .orderBy('leg_id', 'desc').limit(1).executeTakeFirst() as Promise<{ number: string; state: 'ringing' | 'live' | 'parked'; parked_ms: number } | undefined>,
    db.selectFrom('live_channels').select(['channel_data', 'channel_group'])
      .where('extension', '=', agent.conf_exten).where('server_ip', '=', agent.server_ip).where('channel', 'like', 'IAX2/ASTplay%').executeTakeFirst(),
    pendingEffects(db, user),
    recentActivity(db, user),
  ]);
  // The phone's is_webphone: Y embeds the webphone in the screen, Y_API_LAUNCH opens it on request.
  const phone = session?.webphone_url
    ? await db.selectFrom('phones').select('is_webphone').where('extension', '=', agent.extension.replace(/^[^/]*\//, '')).executeTakeFirst()
    : undefined;

  let state: AgentState;
  const status = agent.status as RowStatus;
  if (onCall(agent)) {
    if (!callRow) state = 'dead';
    else if (callRow.status === 'SENT' || callRow.status === 'RINGING') state = 'dialing';
    else state = status === 'QUEUE' ? 'queue' : 'incall';
  } else if (inDispo(agent)) state = 'dispo';
  else if (agent.preview_lead_id > 0 && status === 'PAUSED') state = 'preview';
  else if (status === 'READY') state = 'ready';
  else if (status === 'CLOSER') state = 'closer';
  else if (status === 'MQUEUE') state = 'queue';
  else state = 'paused';

  let call: CallInfo | null = null;
  if (agent.callerid && onCall(agent)) {
    call = {
      direction: agent.callerid.startsWith('Y') ? 'inbound' : 'outbound',
      callerid: agent.callerid,
      uniqueid: callRow?.uniqueid ?? agent.uniqueid,
      channel: callRow?.channel ?? agent.channel,
      phoneNumber: callRow?.phone_number ?? leadRow?.phone_number ?? '',
      state: state === 'dead' ? 'ended' : state === 'dialing' ? 'ringing' : 'live',
      startedAt: parseDateTime(agent.last_call_time),
      ingroup: callRow?.call_type === 'IN' ? callRow.campaign_id : null,
    };
  }
  const lead: LeadFields | null = leadRow ? {
    lead_id: leadRow.lead_id, list_id: Number(leadRow.list_id), status: leadRow.status, vendor_lead_code: leadRow.vendor_lead_code,
    source_id: leadRow.source_id, phone_code: leadRow.phone_code, phone_number: leadRow.phone_number, title: leadRow.title,
    first_name: leadRow.first_name, middle_initial: leadRow.middle_initial, last_name: leadRow.last_name, address1: leadRow.address1,
    address2: leadRow.address2, address3: leadRow.address3, city: leadRow.city, state: leadRow.state, province: leadRow.province,
    postal_code: leadRow.postal_code, country_code: leadRow.country_code, gender: leadRow.gender, date_of_birth: leadRow.date_of_birth,
    alt_phone: leadRow.alt_phone, email: leadRow.email, security_phrase: leadRow.security_phrase, comments: leadRow.comments,
    rank: Number(leadRow.rank), owner: leadRow.owner,
  } : null;

  const body: Omit<AgentSnapshot, 'version' | 'serverTime'> = {
    simulated,
    agent: {
      user, fullName: userRow?.full_name ?? user, campaignId: agent.campaign_id, campaignName: statics.name, status, state,
      pauseCode: agent.pause_code, stateSince: parseDateTime(agent.last_state_change), sessionId: agent.conf_exten,
      extension: agent.extension, serverIp: agent.server_ip, ingroups, blended: agent.outbound_autodial === 'Y',
      callsToday: agent.calls_today,
      previewChoices: statics.previewChoices,
      pauseAfterCall: agent.external_pause.includes('PAUSE') && (state === 'incall' || state === 'dead' || state === 'dialing' || state === 'dispo'),
    },
    call,
    lead,
    statuses: statics.statuses,
    pauseCodes: statics.pauseCodes,
    panels: statics.panels,
    webphone: session?.webphone_url ? { url: session.webphone_url, embedded: phone?.is_webphone !== 'Y_API_LAUNCH' } : null,
    callsWaiting: Number(waiting?.n ?? 0),
    recording: recording ? { id: recording.recording_id, filename: recording.filename, startedAt: Number(recording.start_epoch ?? 0) * 1000 } : null,
    park: parked ? { parkedAt: parseDateTime(parked.parked_time), kind: parked.extension === 'IVR' ? 'ivr' : 'customer' }
      : leg?.state === 'parked' ? { parkedAt: Number(leg.parked_ms), kind: 'xfer' } : null,
    threeWay: leg ? { number: leg.number, state: leg.state } : null,
    playback: playing ? { file: playing.channel_data, state: playing.channel_group === 'PAUSED' ? 'paused' : 'playing' } : null,
    effects: effects as AgentSnapshot['effects'],
    activity: activity as AgentSnapshot['activity'],
  };
  const version = createHash('sha1').update(JSON.stringify(body)).digest('base64url').slice(0, 20);
  const keys = ['*', `u:${user}`, `k:${agent.campaign_id}`, `q:${agent.campaign_id}`, ...ingroups.map((g) => `q:${g}`),
    `x:${agent.server_ip}/${agent.conf_exten}`];
  if (agent.callerid) keys.push(`c:${agent.callerid}`);
  if (agent.lead_id > 0) keys.push(`l:${agent.lead_id}`);
  if (agent.preview_lead_id > 0) keys.push(`l:${agent.preview_lead_id}`);
  return { snapshot: { version, serverTime: Date.now(), ...body }, keys };
}
