// System, users and API logging tables (api-reference.md §1.5, §1.7, §1.8, §3.1, §3.3).
import { autoId, datetime, enumOf, int, mediumint, mediumtext, smallint, table, text, tinyint, varchar } from '../columns.js';

const yn = () => enumOf('Y', 'N');
const flag = () => enumOf('0', '1');

export const systemTables = {
  system_settings: table({
    columns: {
      version: varchar(50).default('2.14b0.5'),
      db_schema_version: int().unsigned().default(1728),
      vdc_agent_api_active: flag().default('0'),
      use_non_latin: flag().default('0'),
      enable_languages: flag().default('0'),
      language_method: varchar(20).default('DISABLED'),
      agent_debug_logging: varchar(20).default('0'),
      outbound_cid_any: enumOf('DISABLED', 'API_ONLY').default('DISABLED'),
      allow_web_debug: enumOf('0', '1', '2', '3', '4', '5', '6').default('0'),
      agent_notifications: enumOf('0', '1', '2', '3', '4', '5', '6', '7').default('0'),
      pass_hash_enabled: flag().default('0'),
      pass_key: varchar(100).default(''),
      pass_cost: tinyint().unsigned().default(2),
      allow_ip_lists: enumOf('0', '1', '2').default('0'),
      system_ip_blacklist: varchar(30).default(''),
      webroot_writable: flag().default('1'),
      hosted_settings: varchar(100).default(''),
      enable_vtiger_integration: flag().default('0'),
      vtiger_server_ip: varchar(15).default(''),
      vtiger_dbname: varchar(50).default(''),
      vtiger_login: varchar(50).default(''),
      vtiger_pass: varchar(50).default(''),
      vtiger_url: varchar(255).default(''),
      enable_queuemetrics_logging: flag().default('0'),
      queuemetrics_server_ip: varchar(15).default(''),
      queuemetrics_dbname: varchar(50).default(''),
      queuemetrics_login: varchar(50).default(''),
      queuemetrics_pass: varchar(50).default(''),
      queuemetrics_url: varchar(255).default(''),
      queuemetrics_log_id: varchar(10).default('VIC'),
      queuemetrics_eq_prepend: varchar(255).default('NONE'),
      // The webphone's base URL and system key, used to build the agent's webphone URL at login (agent-screen.md §3.17).
      webphone_url: varchar(255).default(''),
      webphone_systemkey: varchar(100).default(''),
    },
  }),

  servers: table({
    columns: {
      server_id: varchar(10),
      server_description: varchar(255).default(''),
      server_ip: varchar(15),
      active: yn().default('Y'),
      active_asterisk_server: yn().default('Y'),
      ext_context: varchar(20).default('default'),
      conf_engine: enumOf('MEETME', 'CONFBRIDGE').default('MEETME'),
      asterisk_version: varchar(20).default('1.4.21'),
    },
    primaryKey: ['server_ip'],
  }),

  vicidial_user_groups: table({
    columns: {
      user_group: varchar(20),
      group_name: varchar(40).default(''),
      allowed_campaigns: text().default(' -ALL-CAMPAIGNS- - -'),
      admin_viewable_groups: text().default(' ---ALL--- '),
      api_ip_list: varchar(30).default(''),
      agent_ip_list: varchar(30).default(''),
    },
    primaryKey: ['user_group'],
  }),

  vicidial_users: table({
    columns: {
      user_id: autoId(),
      user: varchar(20),
      pass: varchar(100).default(''),
      pass_hash: varchar(500).default(''),
      full_name: varchar(50).default(''),
      user_level: tinyint().unsigned().default(1),
      user_group: varchar(20).default(''),
      active: yn().default('Y'),
      phone_login: varchar(20).default(''),
      phone_pass: varchar(20).default(''),
      selected_language: varchar(100).default('default English'),
      vdc_agent_api_access: flag().default('0'),
      api_allowed_functions: varchar(1000).default(' ALL_FUNCTIONS '),
      api_list_restrict: enumOf('1', '0').default('0'),
      api_only_user: flag().default('0'),
      failed_login_count: tinyint().unsigned().default(0),
      last_login_date: datetime().default('2001-01-01 00:00:01'),
      last_ip: varchar(50).default(''),
      failed_login_attempts_today: mediumint().unsigned().default(0),
      failed_login_count_today: smallint().unsigned().default(0),
      failed_last_ip_today: varchar(50).default(''),
      failed_last_type_today: varchar(20).default(''),
      ignore_ip_list: enumOf('1', '0').default('0'),
      custom_one: varchar(100).default(''),
      custom_two: varchar(100).default(''),
      custom_three: varchar(100).default(''),
      custom_four: varchar(100).default(''),
      custom_five: varchar(100).default(''),
      agentcall_manual: enumOf('0', '1', '2', '3', '4', '5').default('0'),
      change_agent_campaign: flag().default('0'),
      modify_leads: enumOf('0', '1', '2', '3', '4', '5', '6').default('0'),
      modify_campaigns: flag().default('0'),
      closer_campaigns: text().default(''),
      closer_default_blended: flag().default('0'),
      agent_choose_ingroups: flag().default('1'),
      agent_choose_blended: flag().default('1'),
    },
    unique: [['user']],
  }),

  vicidial_ip_list_entries: table({
    columns: {
      ip_list_id: varchar(30),
      ip_address: varchar(45),
    },
    indexes: [['ip_list_id']],
  }),

  vicidial_language_phrases: table({
    columns: {
      phrase_id: autoId(),
      language_id: varchar(100),
      english_text: varchar(10000),
      translated_text: text().default(''),
    },
    indexes: [['language_id']],
  }),

  vicidial_api_log: table({
    columns: {
      api_id: autoId(),
      user: varchar(20),
      api_date: datetime().nullable(),
      api_script: varchar(10).default(''),
      function: varchar(20),
      agent_user: varchar(20).default(''),
      value: varchar(255).default(''),
      result: varchar(10).default(''),
      result_reason: varchar(255).default(''),
      source: varchar(20).default(''),
      data: text().default(''),
      run_time: varchar(20).default('0'),
      webserver: smallint().unsigned().default(0),
      api_url: int().unsigned().default(0),
    },
    // (agent_user, api_id): who sent an agent's latest command (agents/commands.ts).
    indexes: [['api_date'], ['agent_user', 'api_id']],
  }),

  vicidial_api_urls: table({
    columns: {
      api_id: int().unsigned(),
      api_date: datetime().nullable(),
      remote_ip: varchar(50).default(''),
      url: mediumtext().default(''),
    },
    primaryKey: ['api_id'],
  }),

  vicidial_urls: table({
    columns: {
      url_id: autoId(),
      url: varchar(250),
    },
    unique: [['url']],
  }),

  vicidial_webservers: table({
    columns: {
      webserver_id: autoId(),
      webserver: varchar(125).default(''),
      hostname: varchar(125).default(''),
    },
    unique: [['webserver', 'hostname']],
  }),
};
