// Setups of the groups gen, ws, hang, st, pa, lo, rec, wp, ca, ap, dial, pda.
// [] = the baseline as it is (plus BASELINE_PATCH, added by setups.ts).
import {
  AGENT_1001_MANCAMP, AUDIO_PLAYING, INCALL, MQUEUE, PAUSED_LEAD, QUEUE, READY, campaign, externalRecording,
  ins, now, systemSetting, user, type SetupStep,
} from './setup-steps.js';

const B: SetupStep[] = [];
/** agent_user=1002 never logged in: the baseline already has no vicidial_live_agents row for it. */
const NOT_LOGGED_IN: SetupStep[] = [];

export const setups1: Record<string, SetupStep[]> = {
  // ---- gen ----
  'gen.lock1': user('6666', { failed_login_count: 9, last_login_date: now(0) }),
  'gen.lock3': user('6666', { failed_login_count: 10, last_login_date: now(0) }),
  // "last_login_date old": the schema default, shown as the old value in the record.
  'gen.lock5': user('6666', { failed_login_count: 10, last_login_date: '2001-01-01 00:00:01' }),
  'gen.01': B,
  'gen.03': B,
  'gen.05': B,
  'gen.07': B,
  'gen.09': B,
  'gen.11': B, // 6667 has vdc_agent_api_access=0 in the baseline
  'gen.13': B,
  'gen.15': systemSetting({ vdc_agent_api_active: '0' }),
  'gen.17': B, // 6668's api_allowed_functions are in the baseline
  'gen.19': B,
  'gen.21': B,
  'gen.23': B,
  'gen.25': B,
  'gen.27': B,
  'gen.29': B,
  'gen.29c': NOT_LOGGED_IN,
  'gen.31': systemSetting({ allow_web_debug: '1' }),
  'gen.33': [{ table: 'servers', update: { active: 'N' }, where: { server_ip: '10.10.10.15' } }],
  // ---- ws ----
  'ws.01': B,
  // ---- hang ----
  'hang.01': B,
  'hang.03': B,
  'hang.05': NOT_LOGGED_IN,
  'hang.07': B, // CRM1000 is 1000's custom_three in the baseline
  'hang.09': B,
  'hang.11': B,
  'hang.13': B,
  // ---- st ----
  'st.01': B,
  'st.03': B,
  'st.05': B,
  'st.07': B,
  'st.09': B,
  'st.11': B,
  'st.13': B,
  'st.15': NOT_LOGGED_IN,
  'st.17': B,
  'st.19': B,
  'st.21': B,
  // ---- pa ----
  'pa.01': B,
  'pa.03': READY,
  'pa.05': INCALL,
  'pa.07': QUEUE,
  'pa.09': MQUEUE,
  'pa.11': B,
  'pa.13': B,
  'pa.15': B,
  'pa.17': B,
  'pa.19': B,
  // ---- lo ----
  'lo.01': B,
  'lo.03': B,
  'lo.05': B,
  'lo.07': B,
  // ---- rec ----
  'rec.01': B,
  'rec.03': B,
  'rec.05': B,
  'rec.07': externalRecording('STOP'),
  'rec.09': [
    ...externalRecording('12345'),
    // filename, server and start_time as the record's reply shows them.
    ins('recording_log', {
      recording_id: 12345, filename: '20261126-052000_3125551001_1000', server_ip: '10.10.10.15',
      start_time: '2026-11-26 05:20:00', lead_id: 1, user: '1000',
    }),
  ],
  'rec.11': externalRecording('START'),
  'rec.13': B,
  'rec.15': B,
  // ---- wp ----
  'wp.01': B,
  'wp.03': AGENT_1001_MANCAMP,
  'wp.05': B,
  'wp.07': NOT_LOGGED_IN,
  // ---- ca ----
  'ca.01': B, // the agent_login_call quoted in the prose is the baseline's
  'ca.03': AGENT_1001_MANCAMP,
  'ca.05': B,
  // ---- ap ----
  'ap.01': B,
  'ap.03': AUDIO_PLAYING,
  'ap.05': AUDIO_PLAYING,
  'ap.07': AUDIO_PLAYING,
  'ap.09': AUDIO_PLAYING,
  'ap.11': B,
  'ap.13': B,
  'ap.15': B,
  'ap.17': B,
  // ---- dial ----
  'dial.01': B,
  'dial.03': B,
  'dial.05': B,
  'dial.07': B,
  'dial.09': B,
  'dial.11': B,
  'dial.13': B,
  'dial.15': B,
  'dial.17': B,
  'dial.19': PAUSED_LEAD,
  'dial.21': [...AGENT_1001_MANCAMP, ...user('1001', { agentcall_manual: '1' })],
  // "same number again": the queue already holds 7275551212 for 1001 (as dial.21 left it).
  'dial.23': [
    ...AGENT_1001_MANCAMP,
    ...user('1001', { agentcall_manual: '1' }),
    ins('vicidial_manual_dial_queue', {
      user: '1001', phone_number: '7275551212', entry_time: now(-60), status: 'READY',
      external_dial: '7275551212!1!YES!NO!YES!!1795673354!!!!!!!',
    }),
  ],
  'dial.25': B, // BADCID with an empty caller_id_number is in the baseline
  'dial.27': B, // outbound_cid_any=DISABLED is the baseline
  'dial.29': B,
  'dial.31': READY,
  'dial.33': NOT_LOGGED_IN,
  'dial.35': user('1000', { agentcall_manual: '0' }),
  'dial.37': B,
  'dial.39': B,
  'dial.41': B,
  // ---- pda ----
  'pda.01': B,
  'pda.03': B,
  'pda.05': B,
  'pda.07': B,
  'pda.09': campaign('TESTCAMP', { manual_preview_dial: 'PREVIEW_ONLY' }),
  'pda.11': campaign('TESTCAMP', { alt_number_dialing: 'N' }),
  'pda.13': PAUSED_LEAD,
  'pda.15': NOT_LOGGED_IN,
};
