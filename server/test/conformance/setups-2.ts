// Setups of the groups add, ci, uf, rp, sta, stl, stg, ra, dtmf, park, tc, sw, vm, pc, cq,
// ffl, ffa, sn, host, nl, exc. [] = the baseline (plus BASELINE_PATCH, added by setups.ts).
import {
  CQ_CALLS, FRONTER_1001, INCALL, INCALL_IN, NOCAMP, OUT_AUTO_CALL, PAUSED_LEAD, RA_INBOUND, RA_OUTBOUND,
  audioPlaying, campaign, ins, liveAgent, now, systemSetting, type SetupStep,
} from './setup-steps.js';

const B: SetupStep[] = [];
/** agent_user=1002 never logged in: the baseline already has no vicidial_live_agents row for it. */
const NOT_LOGGED_IN: SetupStep[] = [];
/** change_ingroups prose restates the baseline (closer_campaigns, live inbound and group agents rows, RATIO + inbound). */
const CI: SetupStep[] = [];
/** transfer_conference: the outbound call plus its vicidial_auto_calls row. */
const TC: SetupStep[] = [...INCALL, ...OUT_AUTO_CALL];
/** switch_lead: the inbound call; TESTCAMP agent_lead_search=LIVE_CALL_INBOUND_AND_MANUAL is the baseline. */
const SW: SetupStep[] = INCALL_IN;
/** force_fronter_*: agent 1000 on the outbound call, 1001 (the fronter) on the same lead. */
const FRONTER: SetupStep[] = [...INCALL, ...FRONTER_1001];
const NON_LATIN = systemSetting({ use_non_latin: '1' });

export const setups2: Record<string, SetupStep[]> = {
  // ---- add ----
  'add.01': B,
  'add.03': B,
  'add.05': B, // 3125559999 is in vicidial_dnc in the baseline
  'add.07': B, // 3125558888 is in TESTCAMP's campaign DNC in the baseline
  'add.09': [
    ...campaign('TESTCAMP', { use_other_campaign_dnc: 'MANCAMP' }),
    ins('vicidial_campaign_dnc', { phone_number: '3125557777', campaign_id: 'MANCAMP' }),
  ],
  'add.11': B,
  'add.13': NOT_LOGGED_IN,
  'add.15': B,
  'add.17': B,
  'add.19': B,
  'add.21': B,
  'add.23': NOCAMP,
  'add.25': B,
  'add.27': B,
  // ---- ci ----
  'ci.01': CI,
  'ci.03': CI,
  'ci.05': CI,
  'ci.07': CI,
  'ci.09': CI,
  'ci.11': CI,
  'ci.13': CI, // 6670 has change_agent_campaign=0 in the baseline
  'ci.15': [...CI, ...campaign('TESTCAMP', { dial_method: 'MANUAL' })],
  'ci.17': NOT_LOGGED_IN,
  'ci.19': CI,
  'ci.21': CI, // OLD_IN (active=N) is in the baseline
  // "sequence step 1": the first step starts from the baseline; step 2 (held back) would be
  // [{ replay: 'ci.23' }] and then its own request.
  'ci.23': CI,
  // ---- uf ----
  'uf.01': B,
  'uf.03': INCALL,
  'uf.05': INCALL,
  'uf.07': NOT_LOGGED_IN,
  'uf.09': INCALL,
  'uf.11': INCALL,
  'uf.13': INCALL,
  'uf.15': INCALL,
  'uf.17': INCALL,
  'uf.19': INCALL,
  'uf.21': PAUSED_LEAD,
  // ---- rp ----
  'rp.01': B,
  'rp.03': B,
  'rp.05': NOT_LOGGED_IN,
  'rp.07': B,
  // ---- sta ----
  'sta.01': B,
  'sta.03': B,
  'sta.05': B, // 6670 has modify_campaigns=0 in the baseline
  'sta.07': B,
  // ---- stl, stg ----
  'stl.01': B,
  'stl.03': B,
  'stl.05': B,
  'stg.01': INCALL,
  'stg.03': B, // 1002 (CRM1002) never logged in
  'stg.05': B,
  // ---- ra ----
  'ra.01': RA_INBOUND,
  'ra.03': RA_INBOUND,
  'ra.05': RA_INBOUND,
  'ra.07': [...RA_OUTBOUND, ...campaign('TESTCAMP', { default_xfer_group: 'SALESLINE' })],
  'ra.09': RA_INBOUND,
  'ra.11': RA_INBOUND,
  'ra.13': RA_INBOUND, // the request names agent_user=1002
  'ra.15': RA_INBOUND,
  // ---- dtmf ----
  'dtmf.01': B,
  'dtmf.03': B,
  'dtmf.05': B,
  // ---- park ----
  'park.01': INCALL,
  'park.03': INCALL,
  'park.05': INCALL,
  'park.07': INCALL,
  'park.09': B,
  'park.11': NOT_LOGGED_IN,
  // ---- tc ----
  'tc.01': TC,
  'tc.03': TC,
  'tc.05': TC,
  'tc.07': TC,
  'tc.09': TC,
  'tc.11': TC,
  'tc.13': TC,
  'tc.15': TC,
  'tc.17': TC,
  'tc.19': TC,
  'tc.21': B,
  'tc.23': NOT_LOGGED_IN,
  'tc.25': [...TC, ins('vicidial_3way_press_live', { user: '1000', status: 'LIVE', call_date: now(-60) })],
  'tc.27': TC, // tw_check with no DC…W live_sip_channels row
  'tc.29': TC,
  'tc.30b': TC,
  // ---- sw ----
  'sw.01': SW,
  'sw.03': SW,
  'sw.05': INCALL,
  'sw.07': [...SW, ...NOCAMP],
  'sw.09': SW,
  'sw.11': SW,
  'sw.13': [...SW, ...campaign('TESTCAMP', { agent_lead_search: 'LIVE_CALL_INBOUND' })],
  // ---- vm ----
  'vm.01': INCALL,
  'vm.03': INCALL,
  'vm.05': INCALL,
  'vm.07': INCALL,
  // ---- pc ----
  'pc.01': B,
  'pc.03': B,
  'pc.05': B,
  'pc.07': B,
  // ---- cq ---- (see CQ_CALLS for why cq.03 and cq.07 have calls)
  'cq.01': B,
  'cq.03': [
    ...CQ_CALLS,
    ins('vicidial_email_list', { status: 'NEW', group_id: 'TEST_IN' }, { status: 'QUEUE', group_id: 'SALESLINE' }),
  ],
  'cq.05': B,
  // "vla.closer_campaigns NULL": our column is NOT NULL (TEXT default ''); '' is the same empty list.
  'cq.07': [...CQ_CALLS, ...liveAgent({ closer_campaigns: '' })],
  // ---- ffl ----
  'ffl.01': FRONTER,
  'ffl.03': B,
  'ffl.05': FRONTER, // agent_user=CCC_REMOTE and lead_id=1 are in the request
  'ffl.07': NOT_LOGGED_IN,
  // ---- ffa ----
  'ffa.01': FRONTER,
  'ffa.03': B,
  'ffa.05': FRONTER,
  'ffa.07': NOT_LOGGED_IN,
  'ffa.09': [...FRONTER, ...audioPlaying('8600052', 'IAX2/ASTplay-22222')],
  // ---- sn ----
  'sn.01': systemSetting({ agent_notifications: '0' }),
  'sn.03': B,
  'sn.05': B,
  'sn.07': B,
  'sn.09': B, // 6670 / LIMITED are in the baseline
  'sn.11': B,
  'sn.13': B,
  'sn.15': B,
  'sn.17': B,
  'sn.19': B,
  'sn.21': B,
  'sn.23': [{ table: 'vicidial_settings_containers', delete: { container_id: 'CONFETTI_SETTINGS' } }],
  'sn.25': B,
  // ---- host ----
  'host.01': B,
  'host.03': B,
  'host.05': B,
  'host.07': B,
  'host.09': B,
  'host.11': B,
  'host.13': B,
  // ---- nl ----
  'nl.01': NON_LATIN,
  'nl.03': NON_LATIN,
  'nl.05': NON_LATIN,
  // ---- exc ---- (the same requests as dial.37, add.16, sn.19 on stock PHP 8.2)
  'exc.01': B,
  'exc.03': B,
  'exc.05': B,
};
