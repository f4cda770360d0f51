// The bench's call centre, generated: a scenario file (README "Scenario files") whose
// vicidial_live_agents rows are logged-in agents, with agent_screen_sessions tokens so
// the poll test can use them without going through the login form.
//
// Three kinds of agents, so that the API mix stays in a steady state for the whole run:
//   P  idle (PAUSED, no lead), campaign BENCH: external_pause (PAUSE/RESUME alternating),
//      external_status, recording STATUS, calls_in_queue_count, send_notification, polls
//   L  a lead on screen waiting for its disposition (PAUSED, lead_id > 0): update_fields
//   Q  idle in campaign BENCHQ (api_manual_dial QUEUE): external_dial into the agent's
//      manual-dial queue (a STANDARD dial would leave the agent on a call for good)
import { writeFileSync } from 'node:fs';

export const API_USER = '6666';
export const API_PASS = '1234';

export interface Layout {
  p: number;
  l: number;
  q: number;
}

const pad = (n: number) => String(n).padStart(5, '0');
export const userP = (k: number) => `8${pad(k)}`;
export const userL = (k: number) => `7${pad(k)}`;
export const userQ = (k: number) => `5${pad(k)}`;
export const tokenP = (k: number) => `benchP${pad(k)}`;

/** The agents split 60 % P, 20 % L, 20 % Q (or all P for the poll test). */
export function layoutFor(agents: number, allPolling = false): Layout {
  if (allPolling) return { p: agents, l: 0, q: 0 };
  const l = Math.floor(agents * 0.2);
  const q = Math.floor(agents * 0.2);
  return { p: agents - l - q, l, q };
}

export function benchScenario({ p, l, q }: Layout): unknown {
  const agentUser = (prefix: string) => ({
    user: `${prefix}{n:5}`, pass: '1234', full_name: `Bench agent ${prefix}{n}`, user_level: 1, user_group: 'AGENTS',
    agentcall_manual: '1', custom_three: `CRM${prefix}{n:5}`,
  });
  const liveAgent = (prefix: string, conf: string, campaign: string, lead: boolean) => ({
    user: `${prefix}{n:5}`, server_ip: '10.10.10.15', conf_exten: `${conf}{n:5}`, extension: `SIP/${prefix}{n:5}`,
    status: 'PAUSED', lead_id: lead ? '{n}' : 0, campaign_id: campaign, closer_campaigns: ' BENCH_IN -', user_level: 1,
    random_id: '{n}', pause_code: 'LOGIN',
  });
  const gen = (count: number, row: Record<string, unknown>) => (count > 0 ? [{ count, row }] : []);
  return {
    system_settings: [{
      vdc_agent_api_active: '1', agent_notifications: '1', use_non_latin: '0', allow_web_debug: '0',
      outbound_cid_any: 'API_ONLY', pass_hash_enabled: '0',
    }],
    servers: [{ server_id: 'BENCHast', server_description: 'Simulated switch', server_ip: '10.10.10.15', active: 'Y', active_asterisk_server: 'Y', ext_context: 'default' }],
    vicidial_user_groups: [{ user_group: 'ADMIN', group_name: 'Administrators' }, { user_group: 'AGENTS', group_name: 'Agents' }],
    vicidial_users: [{
      user: API_USER, pass: API_PASS, full_name: 'API user', user_level: 9, user_group: 'ADMIN', vdc_agent_api_access: '1',
      modify_leads: '1', change_agent_campaign: '1', modify_campaigns: '1', agentcall_manual: '1',
    }],
    vicidial_campaigns: [
      { campaign_id: 'BENCH', campaign_name: 'Bench campaign', active: 'Y', dial_method: 'RATIO', campaign_allow_inbound: 'Y', manual_dial_list_id: 101, api_manual_dial: 'STANDARD' },
      { campaign_id: 'BENCHQ', campaign_name: 'Bench queue dial', active: 'Y', dial_method: 'MANUAL', campaign_allow_inbound: 'N', manual_dial_list_id: 101, api_manual_dial: 'QUEUE' },
    ],
    vicidial_statuses: [
      { status: 'NEW', status_name: 'New Lead', selectable: 'N', scheduled_callback: 'N' },
      { status: 'SALE', status_name: 'Sale Made', selectable: 'Y', scheduled_callback: 'N' },
      { status: 'NI', status_name: 'Not Interested', selectable: 'Y', scheduled_callback: 'N' },
      { status: 'CALLBK', status_name: 'Call Back', selectable: 'Y', scheduled_callback: 'Y' },
    ],
    vicidial_pause_codes: [{ pause_code: 'BREAK', pause_code_name: 'Break', campaign_id: 'BENCH' }],
    vicidial_inbound_groups: [{ group_id: 'BENCH_IN', group_name: 'Bench inbound', active: 'Y' }],
    vicidial_lists: [{ list_id: 101, list_name: 'Bench leads', campaign_id: 'BENCH', active: 'Y' }],
    generate: {
      vicidial_users: [...gen(p, agentUser('8')), ...gen(l, agentUser('7')), ...gen(q, agentUser('5'))],
      vicidial_live_agents: [
        ...gen(p, liveAgent('8', '81', 'BENCH', false)),
        ...gen(l, liveAgent('7', '71', 'BENCH', true)),
        ...gen(q, liveAgent('5', '51', 'BENCHQ', false)),
      ],
      agent_screen_sessions: gen(p, { token: 'benchP{n:5}', user: '8{n:5}', created_at: '2026-01-01 00:00:00' }),
      vicidial_list: gen(Math.max(l, 1), {
        lead_id: '{n}', list_id: 101, status: 'NEW', phone_code: '1', phone_number: '31255{n:5}', vendor_lead_code: 'VLC{n:5}',
        source_id: 'BENCH', first_name: ['Alice', 'Bruno', 'Chloe', 'Daniel'], last_name: ['Anders', 'Barros', 'Chen'],
        city: 'Chicago', state: 'IL', email: 'customer{n}@example.com', comments: 'Bench lead',
      }),
    },
  };
}

export function writeBenchScenario(file: string, layout: Layout): void {
  writeFileSync(file, JSON.stringify(benchScenario(layout), null, 1));
}
