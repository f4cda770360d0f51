// Live session state: logged-in agents, live calls, channels, Asterisk command queue, notifications (api-reference.md §3.1, §3.2, §3.4; agent-screen.md §2, §4.2, §5).
import { autoId, datetime, enumOf, int, mediumint, smallint, table, text, tinyint, varchar } from '../columns.js';

const yn = () => enumOf('Y', 'N');
const flag = () => enumOf('0', '1');

export const liveTables = {
  // One row per logged-in agent; the external_* columns are the API's command flags polled by the screen (§3.1; agent-screen.md §2.6, §5.1).
  vicidial_live_agents: table({
    columns: {
      live_agent_id: autoId(),
      user: varchar(20),
      server_ip: varchar(15),
      conf_exten: varchar(20).default(''),
      extension: varchar(100).default(''),
      status: enumOf('READY', 'QUEUE', 'INCALL', 'PAUSED', 'CLOSER', 'MQUEUE').default('PAUSED'),
      lead_id: int().unsigned().default(0),
      campaign_id: varchar(8).default(''),
      uniqueid: varchar(20).default(''),
      callerid: varchar(20).default(''),
      channel: varchar(100).default(''),
      random_id: int().unsigned().default(0),
      last_call_time: datetime().defaultNow(),
      last_update_time: datetime().defaultNow(),
      last_call_finish: datetime().defaultNow(),
      closer_campaigns: text().default(''),
      call_server_ip: varchar(15).default(''),
      user_level: tinyint().unsigned().default(0),
      comments: varchar(20).default(''),
      campaign_weight: tinyint().default(0),
      calls_today: smallint().unsigned().default(0),
      external_hangup: varchar(1).default(''),
      external_status: varchar(255).default(''),
      external_pause: varchar(20).default(''),
      external_dial: varchar(100).default(''),
      external_ingroups: text().default(''),
      external_blended: flag().default('0'),
      external_igb_set_user: varchar(20).default(''),
      external_update_fields: flag().default('0'),
      external_update_fields_data: varchar(255).default(''),
      external_timer_action: varchar(20).default(''),
      external_timer_action_message: varchar(255).default(''),
      external_timer_action_seconds: mediumint().default(-1),
      agent_log_id: int().unsigned().default(0),
      last_state_change: datetime().defaultNow(),
      agent_territories: text().default(''),
      outbound_autodial: yn().default('N'),
      manager_ingroup_set: enumOf('Y', 'N', 'SET').default('N'),
      ra_user: varchar(20).default(''),
      ra_extension: varchar(100).default(''),
      external_dtmf: varchar(100).default(''),
      external_transferconf: varchar(120).default(''),
      external_park: varchar(40).default(''),
      external_timer_action_destination: varchar(100).default(''),
      on_hook_agent: yn().default('N'),
      on_hook_ring_time: smallint().default(15),
      ring_callerid: varchar(20).default(''),
      last_inbound_call_time: datetime().nullable(),
      last_inbound_call_finish: datetime().nullable(),
      campaign_grade: tinyint().unsigned().default(1),
      pause_code: varchar(6).default(''),
      preview_lead_id: int().unsigned().default(0),
      external_lead_id: int().unsigned().default(0),
      last_inbound_call_time_filtered: datetime().nullable(),
      last_inbound_call_finish_filtered: datetime().nullable(),
      external_recording: varchar(20).default(''),
      external_pause_code: varchar(6).default(''),
    },
    unique: [['user']],
    indexes: [['callerid'], ['lead_id'], ['campaign_id', 'status'], ['server_ip', 'conf_exten']],
  }),

  // The in-groups each logged-in agent takes calls from; upserted/deleted by change_ingroups (§3.2).
  vicidial_live_inbound_agents: table({
    columns: {
      user: varchar(20),
      group_id: varchar(20),
      group_weight: tinyint().default(0),
      calls_today: smallint().unsigned().default(0),
      last_call_time: datetime().defaultNow(),
      last_call_finish: datetime().defaultNow(),
      group_grade: tinyint().unsigned().default(1),
      calls_today_filtered: smallint().unsigned().default(0),
      last_call_time_filtered: datetime().defaultNow(),
      last_call_finish_filtered: datetime().defaultNow(),
      daily_limit: smallint().default(-1),
    },
    unique: [['user', 'group_id']],
    indexes: [['group_id']],
  }),

  // Agent login session: webphone URL and login-call Originate string read by webphone_url / call_agent (§3.1; agent-screen.md §5.4).
  vicidial_session_data: table({
    columns: {
      session_name: varchar(40).nullable(),
      user: varchar(20),
      campaign_id: varchar(8).default(''),
      server_ip: varchar(15).default(''),
      conf_exten: varchar(20).default(''),
      extension: varchar(100).default(''),
      login_time: datetime().defaultNow(),
      webphone_url: text().default(''),
      agent_login_call: text().default(''),
    },
    unique: [['session_name']],
    indexes: [['user']],
  }),

  // Live calls (ringing, queued, connected); read by ra_call_control, transfer_conference, calls_in_queue_count (§3.1).
  vicidial_auto_calls: table({
    columns: {
      auto_call_id: autoId(),
      server_ip: varchar(15),
      campaign_id: varchar(20).default(''),
      status: enumOf('SENT', 'RINGING', 'LIVE', 'XFER', 'PAUSED', 'CLOSER', 'BUSY', 'DISCONNECT', 'IVR').default('PAUSED'),
      lead_id: int().unsigned().default(0),
      uniqueid: varchar(20).default(''),
      callerid: varchar(20).default(''),
      channel: varchar(100).default(''),
      phone_code: varchar(10).default(''),
      phone_number: varchar(18).default(''),
      call_time: datetime().nullable(),
      call_type: enumOf('IN', 'OUT', 'OUTBALANCE').default('OUT'),
      stage: varchar(20).default('START'),
      last_update_time: datetime().defaultNow(),
      alt_dial: varchar(6).default('NONE'),
      queue_priority: tinyint().default(0),
      agent_only: varchar(20).default(''),
      agent_grab: varchar(20).default(''),
      queue_position: smallint().unsigned().default(1),
      extension: varchar(100).default(''),
      agent_grab_extension: varchar(100).default(''),
    },
    indexes: [['callerid'], ['campaign_id', 'status'], ['uniqueid'], ['lead_id']],
  }),

  // Queue of Asterisk Manager commands (Originate/Hangup/Redirect) for the telephony side (§3.1).
  vicidial_manager: table({
    columns: {
      man_id: autoId(),
      uniqueid: varchar(20).default(''),
      entry_date: datetime().nullable(),
      status: enumOf('NEW', 'QUEUE', 'SENT', 'UPDATED', 'DEAD').default('NEW'),
      response: yn().default('N'),
      server_ip: varchar(15),
      channel: varchar(100).default(''),
      action: varchar(20).default(''),
      callerid: varchar(20).default(''),
      cmd_line_b: varchar(100).default(''),
      cmd_line_c: varchar(100).default(''),
      cmd_line_d: varchar(200).default(''),
      cmd_line_e: varchar(100).default(''),
      cmd_line_f: varchar(100).default(''),
      cmd_line_g: varchar(100).default(''),
      cmd_line_h: varchar(100).default(''),
      cmd_line_i: varchar(100).default(''),
      cmd_line_j: varchar(50).default(''),
      cmd_line_k: varchar(100).default(''),
    },
    indexes: [['server_ip', 'status'], ['callerid'], ['uniqueid']],
  }),

  // Per-agent manual-dial queue used when api_manual_dial is QUEUE/QUEUE_AND_AUTOCALL (§3.2; agent-screen.md §3.5).
  vicidial_manual_dial_queue: table({
    columns: {
      mdq_id: autoId(),
      user: varchar(20),
      phone_number: varchar(100).default(''),
      entry_time: datetime().nullable(),
      status: enumOf('READY', 'QUEUE').default('READY'),
      external_dial: varchar(100).default(''),
    },
    indexes: [['user', 'status'], ['phone_number']],
  }),

  // Non-SIP channels on each server (playback IAX2/ASTplay, Local recording legs); line 2 of the screen poll (§3.2; agent-screen.md §2.5).
  live_channels: table({
    columns: {
      channel: varchar(100),
      server_ip: varchar(15),
      channel_group: varchar(30).default(''),
      extension: varchar(100).default(''),
      channel_data: varchar(100).default(''),
    },
    indexes: [['server_ip', 'extension'], ['channel']],
  }),

  // SIP channels on each server; tw_check and line 2 of the screen poll (§3.2; agent-screen.md §2.5).
  live_sip_channels: table({
    columns: {
      channel: varchar(100),
      server_ip: varchar(15),
      channel_group: varchar(30).default(''),
      extension: varchar(100).default(''),
      channel_data: varchar(100).default(''),
    },
    indexes: [['server_ip', 'extension'], ['channel']],
  }),

  // Parked calls; an INCALL agent with a row for its callerid shows as PARK (§3.4; agent-screen.md §5.2).
  parked_channels: table({
    columns: {
      channel: varchar(100),
      server_ip: varchar(15),
      channel_group: varchar(30).default(''),
      extension: varchar(100).default(''),
      parked_by: varchar(100).default(''),
      parked_time: datetime().nullable(),
    },
    indexes: [['channel'], ['channel_group']],
  }),

  // Multi-number 3-way dial list per agent; upserted by transfer_conference multi_dial_phones (§3.2).
  vicidial_3way_press_multi: table({
    columns: {
      user: varchar(20),
      call_date: datetime().nullable(),
      phone_numbers: varchar(255).default(''),
      phone_numbers_ct: tinyint().unsigned().default(0),
      status: varchar(40).default(''),
    },
    primaryKey: ['user'],
  }),

  // Active 3-way press-to-dial calls; read by transfer_conference md_check (§3.2).
  vicidial_3way_press_live: table({
    columns: {
      call_date: datetime().nullable(),
      caller_code: varchar(30).default(''),
      user: varchar(20),
      session_id: varchar(20).default(''),
      lead_id: int().unsigned().default(0),
      phone_number: varchar(20).default(''),
      status: varchar(40).default(''),
    },
    indexes: [['user', 'call_date']],
  }),

  // Recently ended agent sessions per lead; force_fronter_audio_stop looks back 5 minutes (§3.2).
  vicidial_sessions_recent: table({
    columns: {
      lead_id: int().unsigned(),
      server_ip: varchar(15).default(''),
      call_date: datetime().nullable(),
      user: varchar(20).default(''),
      conf_exten: varchar(20).default(''),
    },
    indexes: [['lead_id', 'call_date']],
  }),

  // Notifications queued by send_notification (USER / USER_GROUP / CAMPAIGN recipients) (§3.2; agent-screen.md §4.2).
  vicidial_agent_notifications: table({
    columns: {
      notification_id: autoId(),
      entry_date: datetime().defaultNow(),
      recipient: varchar(20),
      recipient_type: enumOf('USER', 'USER_GROUP', 'CAMPAIGN', 'ALT_DISPLAY').default('USER'),
      notification_date: datetime().defaultNow(),
      notification_retry: yn().default('N'),
      notification_text: text().nullable(),
      text_size: tinyint().unsigned().default(12),
      text_font: varchar(30).default('Arial'),
      text_weight: varchar(30).default('bold'),
      text_color: varchar(15).nullable(),
      show_confetti: yn().default('N'),
      confetti_options: varchar(15).nullable(),
      notification_status: enumOf('QUEUED', 'READY', 'SENT', 'DEAD').default('QUEUED'),
    },
    indexes: [['notification_date'], ['notification_status'], ['recipient']],
  }),

  // Per-agent delivery queue of notifications (one row per notification and logged-in agent) (agent-screen.md §4.2, §4.3).
  vicidial_agent_notifications_queue: table({
    columns: {
      queue_id: autoId(),
      notification_id: int().unsigned(),
      queue_date: datetime().defaultNow(),
      user: varchar(20),
    },
    // One delivery per (notification, agent): the guard that makes delivery exactly-once
    // across server processes (decisions.md "notification lifetime"; server/agents/notifications.ts).
    unique: [['notification_id', 'user']],
    indexes: [['user'], ['notification_id']],
  }),

  // Log of agents' in-group selection changes, written when manager_ingroup_set='SET' is applied (§4; agent-screen.md §2.4).
  vicidial_user_closer_log: table({
    columns: {
      user: varchar(20),
      campaign_id: varchar(20).default(''),
      event_date: datetime().nullable(),
      blended: flag().default('0'),
      closer_campaigns: text().default(''),
      manager_change: varchar(20).default(''),
    },
    indexes: [['user'], ['event_date']],
  }),

  // MeetMe conference rooms; a free one becomes the agent's session_id (conf_exten) at login (agent-screen.md §5.4).
  vicidial_conferences: table({
    columns: {
      conf_exten: int().unsigned(),
      server_ip: varchar(15),
      extension: varchar(100).default(''),
      leave_3way: flag().default('0'),
      leave_3way_datetime: datetime().nullable(),
    },
    unique: [['conf_exten', 'server_ip']],
    indexes: [['server_ip']],
  }),
};
