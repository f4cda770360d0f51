// Setup steps: how a conformance record's database differed from oracle-baseline.json,
// as data. Shared variations (README "Variations used by setup") are named constants here;
// the per-record lists are in setups-*.ts and merged by setups.ts.

/** NOW() + n seconds as 'YYYY-MM-DD HH:MM:SS' (local time), or unix seconds now + n. */
export type SetupValue = string | number | null | { $now: number } | { $epoch: number };
export type SetupRow = Record<string, SetupValue>;

export type SetupStep =
  | { table: string; insert: SetupRow[] }
  | { table: string; update: SetupRow; where: SetupRow }
  | { table: string; delete: SetupRow } // {} deletes all rows
  | { autoIncrement: string; next: number } // next id of a table's auto id
  /**
   * "sequence" records: the named earlier record (its own setup, then its request) is
   * replayed first; the database it leaves behind is this record's pre-state. The replay
   * runs before the snapshot, so its changes are not part of this record's diff.
   */
  | { replay: string };

export const now = (seconds = 0): SetupValue => ({ $now: seconds });
export const epoch = (seconds = 0): SetupValue => ({ $epoch: seconds });

const upd = (table: string, update: SetupRow, where: SetupRow): SetupStep => ({ table, update, where });
const ins = (table: string, ...rows: SetupRow[]): SetupStep => ({ table, insert: rows });

const AGENT_1000 = { user: '1000' };
export const SERVER_IP = '10.10.10.15';
export const CALL_UNIQUEID = '1795670000.101';
export const CALLERID_OUT = 'V1126120000000000001';
export const CALLERID_IN = 'Y1126120000000000001';
export const TRUNK_CHANNEL = 'SIP/trunk-00000001';

/**
 * Applied before every record's own steps. The recorded seed had more on lead 1 than
 * oracle-baseline.json lists: the `updated` old values of uf.* and ra.* show address1,
 * city, state, gender, email, comments and modify_date. The next new lead_id is 100.
 */
export const BASELINE_PATCH: SetupStep[] = [
  upd('vicidial_list', {
    address1: '1 Main St', city: 'Chicago', state: 'IL', gender: 'F',
    email: 'alice@example.com', comments: 'first lead', modify_date: '2026-01-02 10:00:00',
  }, { lead_id: 1 }),
  { autoIncrement: 'vicidial_list', next: 100 },
  // README: 1000/SALESLINE has "filtered 1"; the baseline file leaves calls_today_filtered out (ci.01 copies it).
  upd('vicidial_inbound_group_agents', { calls_today_filtered: 1 }, { user: '1000', group_id: 'SALESLINE' }),
];

// ---- agent 1000 states -------------------------------------------------------------
export const READY: SetupStep[] = [upd('vicidial_live_agents', { status: 'READY', lead_id: 0 }, AGENT_1000)];
export const QUEUE: SetupStep[] = [upd('vicidial_live_agents', { status: 'QUEUE' }, AGENT_1000)];
export const MQUEUE: SetupStep[] = [upd('vicidial_live_agents', { status: 'MQUEUE' }, AGENT_1000)];

/** Outbound call on lead 1 (README INCALL). */
export const INCALL: SetupStep[] = [upd('vicidial_live_agents', {
  status: 'INCALL', lead_id: 1, callerid: CALLERID_OUT, uniqueid: CALL_UNIQUEID, channel: TRUNK_CHANNEL,
}, AGENT_1000)];

/** The same call, inbound (callerid starts with Y). */
export const INCALL_IN: SetupStep[] = [upd('vicidial_live_agents', {
  status: 'INCALL', lead_id: 1, callerid: CALLERID_IN, uniqueid: CALL_UNIQUEID, channel: TRUNK_CHANNEL,
}, AGENT_1000)];

/** PAUSED with lead 1 on screen, no call (callerid empty). */
export const PAUSED_LEAD: SetupStep[] = [upd('vicidial_live_agents', { status: 'PAUSED', lead_id: 1, callerid: '' }, AGENT_1000)];

/** Agent row's campaign that does not exist (add.23, sw.07). */
export const NOCAMP: SetupStep[] = [upd('vicidial_live_agents', { campaign_id: 'NOCAMP' }, AGENT_1000)];

export const AGENT_NOT_LOGGED_IN_NOTE =
  'the records use agent_user=1002, who exists but never logged in: nothing to change';

// ---- agent 1001 ----------------------------------------------------------------------
/** Agent 1001 logged in to MANCAMP, PAUSED, conf 8600052; session row with empty webphone_url and agent_login_call. */
export const AGENT_1001_MANCAMP: SetupStep[] = [
  ins('vicidial_live_agents', {
    user: '1001', server_ip: SERVER_IP, conf_exten: '8600052', extension: 'SIP/cc101', status: 'PAUSED',
    lead_id: 0, campaign_id: 'MANCAMP', closer_campaigns: '',
  }),
  ins('vicidial_session_data', {
    user: '1001', campaign_id: 'MANCAMP', server_ip: SERVER_IP, conf_exten: '8600052', extension: 'SIP/cc101',
    webphone_url: '', agent_login_call: '',
  }),
];

/** Agent 1001, the fronter on MANCAMP (conf 8600052), also on lead 1, last call at 04:00 (about 2 h before). */
export const FRONTER_1001: SetupStep[] = [
  ins('vicidial_live_agents', {
    user: '1001', server_ip: SERVER_IP, conf_exten: '8600052', extension: 'SIP/cc101', status: 'INCALL',
    lead_id: 1, campaign_id: 'MANCAMP', closer_campaigns: '', last_call_time: now(-7800),
  }),
];

// ---- calls ---------------------------------------------------------------------------
const autoCall = (row: SetupRow): SetupRow => ({
  server_ip: SERVER_IP, status: 'LIVE', lead_id: 1, uniqueid: CALL_UNIQUEID, channel: TRUNK_CHANNEL,
  phone_code: '1', phone_number: '3125551001', call_time: now(-3600), alt_dial: 'NONE', queue_priority: 0,
  agent_only: '', ...row,
});

/** vicidial_auto_calls row of the outbound call (OUT, TESTCAMP); shape of ra.07's deleted row. */
export const OUT_AUTO_CALL: SetupStep[] = [ins('vicidial_auto_calls', autoCall({
  auto_call_id: 1, campaign_id: 'TESTCAMP', callerid: CALLERID_OUT, call_type: 'OUT', stage: 'LIVE', queue_position: 1,
}))];

/** vicidial_auto_calls row of the inbound call (IN, TEST_IN, CLOSER-0.5, position 2); ra.01's deleted row. */
export const IN_AUTO_CALL: SetupStep[] = [ins('vicidial_auto_calls', autoCall({
  auto_call_id: 1, campaign_id: 'TEST_IN', callerid: CALLERID_IN, call_type: 'IN', stage: 'CLOSER-0.5', queue_position: 2,
}))];

/** Remote agent 1000 on the call; old values from ra.*'s `updated` entries. */
const remoteAgent = (callerid: string): SetupStep[] => [upd('vicidial_live_agents', {
  status: 'INCALL', lead_id: 1, callerid, uniqueid: CALL_UNIQUEID, channel: TRUNK_CHANNEL, random_id: 12345678,
  last_call_finish: now(-4200), last_state_change: now(-4200),
}, AGENT_1000)];

/** ra.*: inbound call handled by remote agent 1000, its auto_calls row and its vicidial_closer_log row. */
export const RA_INBOUND: SetupStep[] = [
  ...remoteAgent(CALLERID_IN),
  ...IN_AUTO_CALL,
  ins('vicidial_closer_log', {
    closecallid: 1, lead_id: 1, campaign_id: 'TEST_IN', call_date: now(-3600), start_epoch: epoch(-3600),
    end_epoch: null, length_in_sec: 0, status: 'INCALL', user: '1000', phone_number: '3125551001', uniqueid: CALL_UNIQUEID,
  }),
];

/** ra.07: outbound call handled by remote agent 1000 with its vicidial_log row. */
export const RA_OUTBOUND: SetupStep[] = [
  ...remoteAgent(CALLERID_OUT),
  ...OUT_AUTO_CALL,
  ins('vicidial_log', {
    uniqueid: CALL_UNIQUEID, lead_id: 1, campaign_id: 'TESTCAMP', call_date: now(-3600), start_epoch: epoch(-3600),
    end_epoch: null, length_in_sec: 0, status: 'INCALL', user: '1000', phone_number: '3125551001',
  }),
];

/**
 * calls_in_queue_count records other than cq.01 ("no calls waiting") ran with calls in
 * vicidial_auto_calls (the held-back cq.02 describes them): cq.07 (NULL closer_campaigns)
 * counts 1, so one LIVE call of TESTCAMP; cq.03 counts 3 = that call + one LIVE call of
 * the selected TEST_IN + the TEST_IN e-mail. Calls that must not count are added too.
 */
export const CQ_CALLS: SetupStep[] = [ins('vicidial_auto_calls',
  autoCall({ auto_call_id: 1, campaign_id: 'TESTCAMP', callerid: 'V1126120000000000011', call_type: 'OUT', stage: 'LIVE', uniqueid: '1795670000.111' }),
  autoCall({ auto_call_id: 2, campaign_id: 'TEST_IN', callerid: 'Y1126120000000000012', call_type: 'IN', stage: 'CLOSER-0.5', uniqueid: '1795670000.112' }),
  autoCall({ auto_call_id: 3, campaign_id: 'SALESLINE', callerid: 'Y1126120000000000013', call_type: 'IN', stage: 'CLOSER-0.5', uniqueid: '1795670000.113' }),
  autoCall({ auto_call_id: 4, campaign_id: 'TESTCAMP', status: 'SENT', callerid: 'V1126120000000000014', call_type: 'OUT', stage: 'START', uniqueid: '1795670000.114' }),
)];

// ---- audio, recording ------------------------------------------------------------------
/** "audio playing": an IAX2/ASTplay channel in the conference (ap.03: Hangup of IAX2/ASTplay-12345). */
export const audioPlaying = (confExten: string, channel: string): SetupStep[] => [ins('live_channels', {
  channel, server_ip: SERVER_IP, channel_group: channel, extension: confExten, channel_data: '',
})];
export const AUDIO_PLAYING = audioPlaying('8600051', 'IAX2/ASTplay-12345');

export const externalRecording = (value: string): SetupStep[] => [upd('vicidial_live_agents', { external_recording: value }, AGENT_1000)];

// ---- settings flips ----------------------------------------------------------------------
export const systemSetting = (update: SetupRow): SetupStep[] => [upd('system_settings', update, {})];
export const campaign = (campaignId: string, update: SetupRow): SetupStep[] => [upd('vicidial_campaigns', update, { campaign_id: campaignId })];
export const user = (userId: string, update: SetupRow): SetupStep[] => [upd('vicidial_users', update, { user: userId })];
export const liveAgent = (update: SetupRow, userId = '1000'): SetupStep[] => [upd('vicidial_live_agents', update, { user: userId })];
export { ins, upd };
