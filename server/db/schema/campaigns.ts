// Campaign, in-group, list, status, DNC, phone and configuration tables (api-reference.md §3.1, §3.2, §3.4; agent-screen.md §3.17, §4.7).
import { autoId, bigint, date, datetime, enumOf, int, mediumtext, smallint, table, text, tinyint, varchar } from '../columns.js';

const yn = () => enumOf('Y', 'N');

export const campaignTables = {
  // Outbound campaigns: dialing, manual-dial and transfer settings read by the API and the agent screen (§3.1).
  vicidial_campaigns: table({
    columns: {
      campaign_id: varchar(8),
      campaign_name: varchar(40).default(''),
      active: yn().default('Y'),
      campaign_description: varchar(255).default(''),
      campaign_changedate: datetime().nullable(),
      campaign_logindate: datetime().nullable(),
      user_group: varchar(20).default('---ALL---'),
      dial_method: enumOf(
        'MANUAL', 'RATIO', 'ADAPT_HARD_LIMIT', 'ADAPT_TAPERED', 'ADAPT_AVERAGE', 'INBOUND_MAN',
        'SHARED_RATIO', 'SHARED_ADAPT_HARD_LIMIT', 'SHARED_ADAPT_TAPERED', 'SHARED_ADAPT_AVERAGE',
      ).default('MANUAL'),
      auto_dial_level: varchar(6).default('0'),
      dial_statuses: varchar(255).default(' NEW -'),
      lead_order: varchar(30).default('DOWN'),
      hopper_level: int().unsigned().default(1),
      local_call_time: varchar(10).default('9am-9pm'),
      dial_timeout: tinyint().unsigned().default(60),
      dial_prefix: varchar(20).default('9'),
      manual_dial_prefix: varchar(20).default(''),
      three_way_dial_prefix: varchar(20).default(''),
      three_way_call_cid: enumOf('CAMPAIGN', 'CUSTOMER', 'AGENT_PHONE', 'AGENT_CHOOSE', 'CUSTOMER_CLOSER').default('CAMPAIGN'),
      omit_phone_code: yn().default('N'),
      campaign_cid: varchar(20).default('0000000000'),
      campaign_vdad_exten: varchar(20).default('8368'),
      campaign_recording: enumOf('NEVER', 'ONDEMAND', 'ALLCALLS', 'ALLFORCE').default('ONDEMAND'),
      campaign_rec_filename: varchar(50).default('FULLDATE_CUSTPHONE'),
      campaign_script: varchar(20).default(''),
      campaign_script_two: varchar(20).default(''),
      web_form_address_two: text().default(''),
      get_call_launch: varchar(30).default('NONE'),
      web_form_address: text().default(''),
      am_message_exten: varchar(100).default('vm-goodbye'),
      wrapup_seconds: smallint().unsigned().default(0),
      wrapup_message: varchar(255).default('Wrapup Call'),
      closer_campaigns: text().default(''),
      xfer_groups: text().default(''),
      allow_closers: yn().default('N'),
      campaign_allow_inbound: yn().default('N'),
      default_xfer_group: varchar(20).default('---NONE---'),
      manual_dial_list_id: bigint().unsigned().default(998),
      api_manual_dial: enumOf('STANDARD', 'QUEUE', 'QUEUE_AND_AUTOCALL').default('STANDARD'),
      manual_preview_dial: enumOf('DISABLED', 'PREVIEW_AND_SKIP', 'PREVIEW_ONLY').default('PREVIEW_AND_SKIP'),
      alt_number_dialing: enumOf(
        'N', 'Y', 'SELECTED', 'SELECTED_TIMER_ALT', 'SELECTED_TIMER_ADDR3',
        'UNSELECTED', 'UNSELECTED_TIMER_ALT', 'UNSELECTED_TIMER_ADDR3',
      ).default('N'),
      manual_dial_filter: varchar(50).default('NONE'),
      manual_dial_call_time_check: enumOf('DISABLED', 'ENABLED').default('DISABLED'),
      use_internal_dnc: enumOf('Y', 'N', 'AREACODE').default('N'),
      use_campaign_dnc: enumOf('Y', 'N', 'AREACODE').default('N'),
      use_other_campaign_dnc: varchar(8).default(''),
      agent_lead_search: enumOf('ENABLED', 'LIVE_CALL_INBOUND', 'LIVE_CALL_INBOUND_AND_MANUAL', 'DISABLED').default('DISABLED'),
      scheduled_callbacks: yn().default('N'),
      my_callback_option: enumOf('CHECKED', 'UNCHECKED').default('UNCHECKED'),
      agent_pause_codes_active: enumOf('Y', 'N', 'FORCE').default('N'),
      display_queue_count: yn().default('Y'),
      calls_inqueue_count_one: varchar(40).default('DISABLED'),
      calls_inqueue_count_two: varchar(40).default('DISABLED'),
      disable_dispo_screen: enumOf('DISPO_ENABLED', 'DISPO_DISABLED', 'DISPO_SELECT_DISABLED').default('DISPO_ENABLED'),
      disable_dispo_status: varchar(6).default(''),
      allow_required_fields: yn().default('N'),
      agent_hangup_route: enumOf('HANGUP', 'MESSAGE', 'EXTENSION', 'IN_GROUP', 'CALLMENU').default('HANGUP'),
      agent_hangup_value: text().default(''),
      agent_hangup_ig_override: yn().default('N'),
      show_confetti: enumOf('DISABLED', 'SALES', 'CALLBACKS', 'SALES_AND_CALLBACKS').default('DISABLED'),
      vtiger_search_category: varchar(100).default('LEAD'),
      vtiger_create_call_record: enumOf('Y', 'N', 'DISPO').default('Y'),
      vtiger_create_lead_record: yn().default('Y'),
      vtiger_search_dead: enumOf('DISABLED', 'ASK', 'RESURRECT').default('ASK'),
      vtiger_status_call: yn().default('N'),
      queuemetrics_phone_environment: varchar(20).default(''),
    },
    primaryKey: ['campaign_id'],
  }),

  // Inbound groups (in-groups): existence, active flag and default transfer group (§3.1).
  vicidial_inbound_groups: table({
    columns: {
      group_id: varchar(20),
      group_name: varchar(30).default(''),
      group_color: varchar(7).default(''),
      active: yn().default('Y'),
      web_form_address: text().default(''),
      voicemail_ext: varchar(20).default(''),
      next_agent_call: varchar(30).default('longest_wait_time'),
      fronter_display: yn().default('Y'),
      ingroup_script: varchar(20).default(''),
      get_call_launch: varchar(30).default('NONE'),
      default_xfer_group: varchar(20).default('---NONE---'),
      queue_priority: tinyint().default(0),
      group_handling: enumOf('PHONE', 'EMAIL', 'CHAT').default('PHONE'),
      user_group: varchar(20).default('---ALL---'),
      group_calldate: datetime().nullable(),
    },
    primaryKey: ['group_id'],
  }),

  // Per-user in-group settings (rank, weight, grade, daily limit) copied into live inbound agents by change_ingroups (§3.2).
  vicidial_inbound_group_agents: table({
    columns: {
      user: varchar(20),
      group_id: varchar(20),
      group_rank: tinyint().default(0),
      group_weight: tinyint().default(0),
      calls_today: smallint().unsigned().default(0),
      group_web_vars: varchar(255).default(''),
      group_grade: tinyint().unsigned().default(1),
      group_type: varchar(1).default('C'),
      calls_today_filtered: smallint().unsigned().default(0),
      daily_limit: smallint().default(-1),
    },
    unique: [['user', 'group_id']],
  }),

  // Lead lists; a campaign's manual_dial_list_id names one (§3.1 external_add_lead).
  vicidial_lists: table({
    columns: {
      list_id: bigint().unsigned(),
      list_name: varchar(30).default(''),
      campaign_id: varchar(8).default(''),
      active: yn().default('Y'),
      list_description: varchar(255).default(''),
      list_changedate: datetime().nullable(),
      list_lastcalldate: datetime().nullable(),
      reset_time: varchar(100).default(''),
      agent_script_override: varchar(20).default(''),
      campaign_cid_override: varchar(20).default(''),
      am_message_exten_override: varchar(100).default(''),
      drop_inbound_group_override: varchar(20).default(''),
      web_form_address: text().default(''),
      local_call_time: varchar(10).default('campaign'),
      expiration_date: date().default('2099-12-31'),
    },
    primaryKey: ['list_id'],
    indexes: [['campaign_id']],
  }),

  // System-wide dispositions; scheduled_callback drives external_status callback detection (§3.1).
  vicidial_statuses: table({
    columns: {
      status: varchar(6),
      status_name: varchar(30).default(''),
      selectable: yn().default('Y'),
      human_answered: yn().default('N'),
      category: varchar(20).default('UNDEFINED'),
      sale: yn().default('N'),
      dnc: yn().default('N'),
      customer_contact: yn().default('N'),
      not_interested: yn().default('N'),
      unworkable: yn().default('N'),
      scheduled_callback: yn().default('N'),
      completed: yn().default('N'),
      min_sec: int().unsigned().default(0),
      max_sec: int().unsigned().default(0),
      answering_machine: yn().default('N'),
    },
    primaryKey: ['status'],
  }),

  // Campaign-specific dispositions (same meaning as vicidial_statuses, per campaign) (§3.1).
  vicidial_campaign_statuses: table({
    columns: {
      status: varchar(6),
      status_name: varchar(30).default(''),
      selectable: yn().default('Y'),
      campaign_id: varchar(20),
      human_answered: yn().default('N'),
      category: varchar(20).default('UNDEFINED'),
      sale: yn().default('N'),
      dnc: yn().default('N'),
      customer_contact: yn().default('N'),
      not_interested: yn().default('N'),
      unworkable: yn().default('N'),
      scheduled_callback: yn().default('N'),
      completed: yn().default('N'),
      min_sec: int().unsigned().default(0),
      max_sec: int().unsigned().default(0),
      answering_machine: yn().default('N'),
    },
    primaryKey: ['status', 'campaign_id'],
    indexes: [['campaign_id']],
  }),

  // Campaign pause codes offered by the agent screen; not validated by api.php pause_code (§3.4).
  vicidial_pause_codes: table({
    columns: {
      pause_code: varchar(6),
      pause_code_name: varchar(30).default(''),
      billable: enumOf('NO', 'YES', 'HALF').default('NO'),
      campaign_id: varchar(8),
      time_limit: smallint().unsigned().default(65000),
      require_mgr_approval: yn().default('N'),
    },
    primaryKey: ['pause_code', 'campaign_id'],
    indexes: [['campaign_id']],
  }),

  // System-wide do-not-call numbers, exact match by external_add_lead dnc_check (§3.1).
  vicidial_dnc: table({
    columns: {
      phone_number: varchar(18),
    },
    primaryKey: ['phone_number'],
  }),

  // Campaign do-not-call numbers, exact match by external_add_lead campaign_dnc_check (§3.1).
  vicidial_campaign_dnc: table({
    columns: {
      phone_number: varchar(18),
      campaign_id: varchar(8),
    },
    unique: [['phone_number', 'campaign_id']],
  }),

  // Outbound caller-ID aliases used by external_dial group_alias (§3.1).
  groups_alias: table({
    columns: {
      group_alias_id: varchar(30),
      group_alias_name: varchar(50).default(''),
      caller_id_number: varchar(20).default(''),
      caller_id_name: varchar(20).default(''),
      active: yn().default('N'),
      user_group: varchar(20).default('---ALL---'),
    },
    primaryKey: ['group_alias_id'],
  }),

  // Free-form settings containers, e.g. CONFETTI_SETTINGS and CCC URLs (§3.2; agent-screen.md §4.7).
  vicidial_settings_containers: table({
    columns: {
      container_id: varchar(40),
      container_notes: varchar(255).default(''),
      container_type: varchar(40).default('OTHER'),
      user_group: varchar(20).default('---ALL---'),
      container_entry: mediumtext().default(''),
    },
    primaryKey: ['container_id'],
  }),

  // Agent scripts shown in the agent screen's script panel (scriptreload, agent-screen.md §3.9).
  vicidial_scripts: table({
    columns: {
      script_id: varchar(20),
      script_name: varchar(50).default(''),
      script_comments: varchar(255).default(''),
      script_text: mediumtext().default(''),
      active: yn().default('Y'),
      user_group: varchar(20).default('---ALL---'),
      script_color: varchar(20).default('white'),
    },
    primaryKey: ['script_id'],
  }),

  // Agent phones: login credentials and webphone settings used at login and for webphone_url (agent-screen.md §3.17, §5.4).
  phones: table({
    columns: {
      extension: varchar(100),
      dialplan_number: varchar(20).default(''),
      voicemail_id: varchar(10).default(''),
      phone_ip: varchar(15).default(''),
      computer_ip: varchar(15).default(''),
      server_ip: varchar(15),
      login: varchar(15).default(''),
      pass: varchar(100).default(''),
      status: varchar(10).default('ACTIVE'),
      active: yn().default('Y'),
      phone_type: varchar(50).default(''),
      fullname: varchar(50).default(''),
      company: varchar(10).default(''),
      protocol: enumOf('SIP', 'PJSIP', 'Zap', 'IAX2', 'EXTERNAL', 'DAHDI').default('SIP'),
      local_gmt: varchar(6).default('-5.00'),
      outbound_cid: varchar(20).default(''),
      conf_secret: varchar(100).default('test'),
      ext_context: varchar(20).default('default'),
      phone_context: varchar(20).default('default'),
      user_group: varchar(20).default('---ALL---'),
      on_hook_agent: yn().default('N'),
      codecs_list: varchar(100).default(''),
      use_external_server_ip: yn().default('N'),
      is_webphone: enumOf('Y', 'N', 'Y_API_LAUNCH').default('N'),
      webphone_dialpad: enumOf('Y', 'N', 'TOGGLE', 'TOGGLE_OFF').default('Y'),
      webphone_auto_answer: yn().default('Y'),
      webphone_dialbox: yn().default('Y'),
      webphone_mute: yn().default('Y'),
      webphone_volume: yn().default('Y'),
      webphone_debug: yn().default('N'),
      webphone_layout: varchar(255).default(''),
      webphone_settings: varchar(40).default('VICIPHONE_SETTINGS'),
    },
    unique: [['extension', 'server_ip']],
    indexes: [['login']],
  }),

  // Admin change log; written by change_ingroups with set_as_default (§3.2).
  vicidial_admin_log: table({
    columns: {
      admin_log_id: autoId(),
      event_date: datetime().nullable(),
      user: varchar(20),
      ip_address: varchar(15).default(''),
      event_section: varchar(30).default(''),
      event_type: enumOf(
        'ADD', 'COPY', 'LOAD', 'RESET', 'MODIFY', 'DELETE', 'SEARCH', 'LOGIN', 'LOGOUT',
        'CLEAR', 'OVERRIDE', 'EXPORT', 'OTHER',
      ).default('OTHER'),
      record_id: varchar(50).default(''),
      event_code: varchar(255).default(''),
      event_sql: mediumtext().default(''),
      event_notes: mediumtext().default(''),
      user_group: varchar(20).default('---ALL---'),
    },
    indexes: [['user'], ['event_date']],
  }),
};
