// Our own tables (not VICIdial's): the agent screen's sessions, the effects queued for it,
// its activity list, and the simulated switch's inspectable state.
import { autoId, bigint, datetime, enumOf, int, text, varchar } from '../columns.js';
import { table } from '../columns.js';

export const screenTables = {
  // One row per logged-in browser session; the token authorises the screen's requests.
  agent_screen_sessions: table({
    columns: {
      token: varchar(64),
      user: varchar(20),
      created_at: datetime(),
    },
    primaryKey: ['token'],
    indexes: [['user']],
  }),

  // The supervisor console's sign-ins: the token authorises its agent list (never the
  // password, which only the console's memory holds); in the database so any node answers.
  supervisor_console_sessions: table({
    columns: {
      token: varchar(64),
      user: varchar(20),
      created_ms: bigint(),
      seen_ms: bigint(),
    },
    primaryKey: ['token'],
    indexes: [['user']],
  }),

  // Commands only the screen can carry out (notification, reload, timer, focus, webphone,
  // preview), delivered in the snapshot until acknowledged.
  agent_screen_effects: table({
    columns: {
      effect_id: autoId(),
      user: varchar(20),
      kind: varchar(20),
      payload: text().default('{}'),
      created_ms: bigint().default(0),
      acked_ms: bigint().default(0),
    },
    indexes: [['user', 'acked_ms']],
  }),

  // What happened to the agent and who did it, for the screen's activity list and toasts.
  agent_activity: table({
    columns: {
      activity_id: autoId(),
      user: varchar(20),
      at_ms: bigint(),
      event_key: varchar(40),
      event_values: text().default('{}'),
    },
    indexes: [['user', 'activity_id']],
  }),

  // Simulated switch: how a dialled number behaves (ring time, then answer/busy/no answer).
  sim_dial_outcomes: table({
    columns: {
      phone_number: varchar(18),
      outcome: enumOf('ANSWER', 'BUSY', 'NOANSWER').default('ANSWER'),
      ring_ms: int().unsigned().default(1500),
    },
    primaryKey: ['phone_number'],
  }),

  // Simulated switch: every event it carried out (DTMF sent, playback, hangups, transfers,
  // parking), inspectable through /sim/state and by tests.
  sim_switch_events: table({
    columns: {
      event_id: autoId(),
      at_ms: bigint(),
      conf_exten: varchar(20).default(''),
      user: varchar(20).default(''),
      callerid: varchar(20).default(''),
      event: varchar(30),
      detail: text().default(''),
    },
    indexes: [['conf_exten'], ['user']],
  }),

  // Simulated switch: third-party legs of the agent's conference (3-way calls, transfers).
  sim_legs: table({
    columns: {
      leg_id: autoId(),
      conf_exten: varchar(20),
      user: varchar(20),
      number: varchar(100).default(''),
      state: enumOf('ringing', 'live', 'parked', 'ended').default('ringing'),
      started_ms: bigint().default(0),
      parked_ms: bigint().default(0),
    },
    indexes: [['conf_exten'], ['user']],
  }),

  // Who wrote each pending command (API user and source, or the agent's own screen), so the
  // screen can say who did it; a command with no origin row was written by direct SQL.
  agent_command_origins: table({
    columns: {
      user: varchar(20),
      command_column: varchar(40),
      by_user: varchar(20).default(''),
      source: varchar(20).default(''),
      at_ms: bigint().default(0),
    },
    primaryKey: ['user', 'command_column'],
  }),

  // What changed on whose screen, appended by triggers (screen-triggers.ts) in the same
  // transaction as the write, whoever wrote it (the API, the engine, direct SQL). Each node
  // reads it `WHERE change_id > last` to refresh its cached snapshots and push streams;
  // rows with a newer row for the same key are pruned. skey: u:<user>, l:<lead_id>,
  // c:<callerid>, q:<campaign or in-group>, k:<campaign>, x:<server_ip>/<conf_exten>, *.
  screen_changes: table({
    columns: {
      change_id: autoId(),
      skey: varchar(120),
    },
    indexes: [['skey', 'change_id']],
  }),
};
