// Agent login and logout from the screen (issue 3 §1), checked as VICIdial does: an
// active user with an agent level, a password that matches, a campaign the user's group
// may use. Login creates the vicidial_live_agents row with VICIdial's identifiers.
import { randomBytes } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { fit } from '../db/fit.js';
import { formatDateTime } from '../clock.js';
import { checkPassword } from '../agent-api/auth.js';
import { clockAt } from '../clock.js';
import type { LoginError, LoginOptions, LoginRequest } from '../../contract/agent.js';
import type { Db, LiveAgentRow } from './db.js';
import { freeConference, randomId, sessionName } from './ids.js';
import { writeAgentLog } from './state.js';
import { addActivity } from './activity.js';
import { webphoneUrl } from './webphone.js';
import type { Switch } from '../switch/switch.js';

export class LoginRefused extends Error {
  constructor(readonly code: LoginError) {
    super(code);
  }
}

/**
 * The screen's credential check: the API's counters and lockout (api-reference.md §1.5),
 * with VICIdial's user_update on success (last_login_date, last_ip, failed_login_count=0).
 * Run it on a handle outside the login transaction, or a refused login's counters are
 * rolled back with it.
 */
export async function checkUser(db: Db, user: string, pass: string, ip = '', now = new Date()) {
  const row = user ? await db.selectFrom('vicidial_users').selectAll().where('user', '=', user).executeTakeFirst() : undefined;
  const settings = await db.selectFrom('system_settings').select(['pass_hash_enabled', 'pass_key', 'pass_cost']).executeTakeFirst()
    ?? { pass_hash_enabled: '0', pass_key: '', pass_cost: 2 };
  const result = await checkPassword({ db, settings, clock: clockAt(now), ip, userUpdate: true }, pass ? row : undefined, pass);
  if (result === 'LOCK') throw new LoginRefused('locked');
  if (result !== 'GOOD' || !row) throw new LoginRefused('bad_credentials');
  if (row.api_only_user === '1') throw new LoginRefused('not_agent');
  return row;
}

function campaignAllowed(allowed: string, campaignId: string): boolean {
  return allowed.includes('-ALL-CAMPAIGNS-') || allowed.includes(` ${campaignId} `);
}

export async function loginOptions(db: Db, user: string, pass: string, ip = ''): Promise<LoginOptions> {
  const row = await checkUser(db, user, pass, ip);
  const group = await db.selectFrom('vicidial_user_groups').select('allowed_campaigns').where('user_group', '=', row.user_group).executeTakeFirst();
  const campaigns = await db.selectFrom('vicidial_campaigns').select(['campaign_id', 'campaign_name', 'campaign_allow_inbound']).where('active', '=', 'Y').orderBy('campaign_id').execute();
  const ingroups = await db.selectFrom('vicidial_inbound_groups').select(['group_id', 'group_name']).where('active', '=', 'Y').orderBy('group_id').execute();
  return {
    campaigns: campaigns.filter((c) => campaignAllowed(group?.allowed_campaigns ?? '', c.campaign_id))
      .map((c) => ({ id: c.campaign_id, name: c.campaign_name, allowInbound: c.campaign_allow_inbound === 'Y' })),
    ingroups: ingroups.filter((g) => !g.group_id.startsWith('AGENTDIRECT')).map((g) => ({ id: g.group_id, name: g.group_name })),
  };
}

export interface LoginResult {
  token: string;
  agent: LiveAgentRow;
}

/**
 * `checked`: the credentials were already checked by checkUser on a handle outside this
 * transaction (so that a refusal's counters are kept); only the row is read again.
 */
export async function login(db: Db, sw: Switch, req: LoginRequest, now = new Date(), checked = false): Promise<LoginResult> {
  if (!req.user || !req.pass || !req.campaign) throw new LoginRefused('missing_fields');
  const user = checked
    ? await db.selectFrom('vicidial_users').selectAll().where('user', '=', req.user).executeTakeFirstOrThrow()
    : await checkUser(db, req.user, req.pass, '', now);
  const campaign = await db.selectFrom('vicidial_campaigns').selectAll().where('campaign_id', '=', req.campaign).executeTakeFirst();
  if (!campaign) throw new LoginRefused('campaign_not_allowed');
  if (campaign.active !== 'Y') throw new LoginRefused('campaign_inactive');
  const group = await db.selectFrom('vicidial_user_groups').select('allowed_campaigns').where('user_group', '=', user.user_group).executeTakeFirst();
  if (!campaignAllowed(group?.allowed_campaigns ?? '', campaign.campaign_id)) throw new LoginRefused('campaign_not_allowed');

  let extension = `SIP/${user.user}`;
  let phone: Selectable<DB['phones']> | undefined;
  if (req.phone_login) {
    phone = await db.selectFrom('phones').selectAll().where('login', '=', req.phone_login).executeTakeFirst();
    if (!phone || (phone.pass !== (req.phone_pass ?? ''))) throw new LoginRefused('bad_credentials');
  } else if (user.phone_login) {
    // No phone on the form: the user's own phone (vicidial_users.phone_login/phone_pass), when it exists.
    phone = await db.selectFrom('phones').selectAll().where('login', '=', user.phone_login).where('pass', '=', user.phone_pass).executeTakeFirst();
  }
  if (phone) extension = `${phone.protocol}/${phone.extension}`;

  // A second login of the same user replaces the first session cleanly.
  const previous = await db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user.user).executeTakeFirst();
  if (previous) await logout(db, sw, previous, 'replaced', now);

  const server = await db.selectFrom('servers').select('server_ip').where('active', '=', 'Y').where('active_asterisk_server', '=', 'Y').orderBy('server_ip').executeTakeFirst();
  const serverIp = server?.server_ip ?? '127.0.0.1';
  const confExten = await freeConference(db, serverIp);
  const system = await db.selectFrom('system_settings').select(['webphone_url', 'webphone_systemkey']).executeTakeFirst();
  const webphone = phone
    ? webphoneUrl(phone, { baseUrl: system?.webphone_url ?? '', systemKey: system?.webphone_systemkey ?? '', serverIp, sessionId: confExten })
    : '';

  const known = new Set((await db.selectFrom('vicidial_inbound_groups').select('group_id').execute()).map((g) => g.group_id));
  const ingroups = campaign.campaign_allow_inbound === 'Y' ? (req.ingroups ?? []).filter((g) => known.has(g)) : [];
  const closer = ingroups.length ? ` ${ingroups.join(' ')} -` : '';
  const nowTime = formatDateTime(now);
  const autoDial = campaign.dial_method !== 'MANUAL';

  await db.insertInto('vicidial_live_agents').values(fit('vicidial_live_agents', {
    user: user.user, server_ip: serverIp, conf_exten: confExten, extension, status: 'PAUSED', lead_id: 0,
    campaign_id: campaign.campaign_id, random_id: randomId(), last_call_time: nowTime, last_update_time: nowTime,
    last_call_finish: nowTime, last_state_change: nowTime, closer_campaigns: closer, user_level: Number(user.user_level),
    outbound_autodial: req.blended ? 'Y' : 'N', pause_code: autoDial ? 'LOGIN' : '',
  })).execute();
  for (const g of ingroups) {
    const igb = await db.selectFrom('vicidial_inbound_group_agents').selectAll().where('user', '=', user.user).where('group_id', '=', g).executeTakeFirst();
    await db.insertInto('vicidial_live_inbound_agents').values({
      user: user.user, group_id: g, group_weight: igb?.group_weight ?? 0, calls_today: igb?.calls_today ?? 0,
      group_grade: igb?.group_grade ?? 1, calls_today_filtered: igb?.calls_today_filtered ?? 0, daily_limit: igb?.daily_limit ?? -1,
      last_call_time: nowTime, last_call_finish: nowTime,
    }).execute();
  }
  const session = sessionName(now, extension);
  const stamp = `${nowTime.slice(5, 7)}${nowTime.slice(8, 10)}${nowTime.slice(11, 13)}${nowTime.slice(14, 16)}${nowTime.slice(17, 19)}`;
  const loginCid = `S${stamp}${confExten}`.slice(0, 20);
  await db.insertInto('vicidial_session_data').values(fit('vicidial_session_data', {
    session_name: session, user: user.user, campaign_id: campaign.campaign_id, server_ip: serverIp, conf_exten: confExten,
    extension, login_time: nowTime, webphone_url: webphone,
    agent_login_call: `||${nowTime}|NEW|N|${serverIp}||Originate|${loginCid}|Channel: ${extension}|Context: default|Exten: ${confExten}|Priority: 1|Callerid: "${loginCid}" <0000000000>|||||`,
  })).execute();
  const agent = await db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user.user).executeTakeFirstOrThrow();
  const logId = await writeAgentLog(db, agent, 'LOGIN', now, { subStatus: agent.pause_code, userGroup: user.user_group, comments: 'SCREEN' });
  await db.updateTable('vicidial_live_agents').set({ agent_log_id: logId }).where('user', '=', user.user).execute();
  const token = randomBytes(24).toString('base64url');
  await db.insertInto('agent_screen_sessions').values({ token, user: user.user, created_at: nowTime }).execute();
  await sw.joinAgent(db, { ...agent, agent_log_id: logId });
  // A new session starts with a clean activity list.
  await db.deleteFrom('agent_activity').where('user', '=', user.user).execute();
  await addActivity(db, user.user, 'activity.login', { campaign: campaign.campaign_id });
  return { token, agent: { ...agent, agent_log_id: logId } };
}

/** Logout: the call (if any) ends, every session row goes (agent-screen.md §3.4). */
export async function logout(db: Db, sw: Switch, agent: LiveAgentRow, reason: string, now = new Date()): Promise<void> {
  await sw.leaveAgent(db, agent);
  await writeAgentLog(db, agent, 'LOGOUT', now, { comments: reason.slice(0, 20) });
  await db.deleteFrom('vicidial_live_agents').where('user', '=', agent.user).execute();
  await db.deleteFrom('vicidial_live_inbound_agents').where('user', '=', agent.user).execute();
  await db.deleteFrom('vicidial_session_data').where('user', '=', agent.user).execute();
  await db.deleteFrom('agent_screen_sessions').where('user', '=', agent.user).execute();
  await db.deleteFrom('agent_screen_effects').where('user', '=', agent.user).execute();
  await db.deleteFrom('agent_activity').where('user', '=', agent.user).where('at_ms', '<', sql<number>`${now.getTime() - 86_400_000}`).execute();
}

export async function userForToken(db: Db, token: string): Promise<string | undefined> {
  if (!token) return undefined;
  const row = await db.selectFrom('agent_screen_sessions').select('user').where('token', '=', token).executeTakeFirst();
  return row?.user;
}
