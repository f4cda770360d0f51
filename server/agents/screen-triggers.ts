// Triggers that append to screen_changes whenever a row the agent screen's snapshot reads
// is written, in the writer's own transaction: the API, the engine's sweep and direct SQL
// alike. snapshot.ts lists what the snapshot reads; every source has a key here:
//
//   vicidial_live_agents (the agent's row, watched columns) u:<user>
//   vicidial_users (full name)                              u:<user>
//   vicidial_list (the lead or preview lead)                l:<lead_id>
//   vicidial_auto_calls (the agent's call)                  c:<callerid>
//     ... calls waiting (a LIVE call enters or leaves)     q:<campaign or in-group>, u:<agent_only>
//   parked_channels (channel_group = the agent's callerid)  c:<channel_group>
//   live_channels (playback in the agent's conference)      x:<server_ip>/<extension>
//   recording_log, vicidial_session_data, sim_legs,
//   agent_screen_effects, agent_activity                    u:<user>
//   vicidial_campaigns, vicidial_campaign_statuses,
//   vicidial_pause_codes                                    k:<campaign_id>
//   vicidial_statuses, vicidial_scripts, phones             * (every screen)
//
// Triggers only INSERT into screen_changes: no reads, no row locks shared between writers,
// so they add no lock waits or deadlocks (MariaDB also forbids a trigger to update its own
// table, which this never does).
import { sql } from 'kysely';
import type { Database, Dialect } from '../db/database.js';

/** Bump when a trigger's text changes: old triggers (another prefix) are dropped. */
const PREFIX = 'scv1_';

type Ev = 'INSERT' | 'UPDATE' | 'DELETE';
/** A key written for a row: its SQL expression and an optional condition, for R = NEW or OLD. */
interface KeySpec {
  key: (d: Dialect, r: string) => string;
  when?: (d: Dialect, r: string) => string;
}
interface TableTriggers {
  table: string;
  events: Ev[];
  keys: KeySpec[];
  /** UPDATE fires only when one of these columns changed (default: any update). */
  watch?: string[];
  /** Columns the keys are built from: on UPDATE the OLD row's keys are written too when they changed. */
  keyColumns?: string[];
}

const q = (d: Dialect, name: string) => (d === 'mysql' ? `\`${name}\`` : `"${name}"`);
const concat = (d: Dialect, ...parts: string[]) => (d === 'mysql' ? `CONCAT(${parts.join(', ')})` : parts.join(' || '));
const col = (d: Dialect, r: string, c: string) => `${r}.${q(d, c)}`;
const prefixed = (prefix: string, ...cols: string[]): KeySpec['key'] =>
  (d, r) => concat(d, `'${prefix}'`, ...cols.flatMap((c, i) => (i ? [`'/'`, `COALESCE(${col(d, r, c)}, '')`] : [`COALESCE(${col(d, r, c)}, '')`])));
const user = (column = 'user'): KeySpec => ({ key: prefixed('u:', column) });
const ALL: KeySpec = { key: () => `'*'` };
const ALL_EVENTS: Ev[] = ['INSERT', 'UPDATE', 'DELETE'];

/** The live-agent columns the snapshot shows or derives from. */
export const WATCHED_AGENT_COLUMNS = [
  'campaign_id', 'status', 'pause_code', 'last_state_change', 'conf_exten', 'extension', 'server_ip', 'closer_campaigns',
  'outbound_autodial', 'calls_today', 'external_pause', 'callerid', 'lead_id', 'preview_lead_id', 'uniqueid', 'channel', 'last_call_time',
];

const DEFINITIONS: TableTriggers[] = [
  { table: 'vicidial_live_agents', events: ALL_EVENTS, keys: [user()], watch: WATCHED_AGENT_COLUMNS },
  { table: 'vicidial_users', events: ['UPDATE', 'DELETE'], keys: [user()], watch: ['full_name'] },
  { table: 'vicidial_list', events: ALL_EVENTS, keys: [{ key: prefixed('l:', 'lead_id') }], keyColumns: ['lead_id'] },
  {
    table: 'vicidial_auto_calls', events: ALL_EVENTS,
    keys: [
      { key: prefixed('c:', 'callerid'), when: (d, r) => `${col(d, r, 'callerid')} <> ''` },
      { key: prefixed('q:', 'campaign_id'), when: (d, r) => `${col(d, r, 'status')} = 'LIVE'` },
      { key: prefixed('u:', 'agent_only'), when: (d, r) => `${col(d, r, 'agent_only')} <> ''` },
    ],
    watch: ['status', 'callerid', 'campaign_id', 'agent_only', 'uniqueid', 'channel', 'phone_number', 'call_type'],
    keyColumns: ['callerid', 'campaign_id', 'agent_only', 'status'],
  },
  { table: 'parked_channels', events: ALL_EVENTS, keys: [{ key: prefixed('c:', 'channel_group') }], keyColumns: ['channel_group'] },
  {
    table: 'live_channels', events: ALL_EVENTS,
    keys: [{ key: prefixed('x:', 'server_ip', 'extension'), when: (d, r) => `${col(d, r, 'channel')} LIKE 'IAX2/ASTplay%'` }],
    keyColumns: ['server_ip', 'extension', 'channel'],
  },
  { table: 'recording_log', events: ALL_EVENTS, keys: [user()], keyColumns: ['user'] },
  { table: 'vicidial_session_data', events: ALL_EVENTS, keys: [user()], keyColumns: ['user'] },
  { table: 'sim_legs', events: ALL_EVENTS, keys: [user()], keyColumns: ['user'] },
  { table: 'agent_screen_effects', events: ALL_EVENTS, keys: [user()] },
  { table: 'agent_activity', events: ALL_EVENTS, keys: [user()] },
  {
    table: 'vicidial_campaigns', events: ALL_EVENTS, keys: [{ key: prefixed('k:', 'campaign_id') }],
    watch: ['campaign_name', 'campaign_script', 'campaign_script_two', 'web_form_address', 'web_form_address_two', 'manual_preview_dial', 'alt_number_dialing', 'campaign_id'],
  },
  { table: 'vicidial_campaign_statuses', events: ALL_EVENTS, keys: [{ key: prefixed('k:', 'campaign_id') }], keyColumns: ['campaign_id'] },
  { table: 'vicidial_pause_codes', events: ALL_EVENTS, keys: [{ key: prefixed('k:', 'campaign_id') }], keyColumns: ['campaign_id'] },
  { table: 'vicidial_statuses', events: ALL_EVENTS, keys: [ALL] },
  { table: 'vicidial_scripts', events: ALL_EVENTS, keys: [ALL] },
  { table: 'phones', events: ALL_EVENTS, keys: [ALL], watch: ['is_webphone', 'extension'] },
];

function differs(d: Dialect, c: string): string {
  return d === 'mysql' ? `NOT (OLD.${q(d, c)} <=> NEW.${q(d, c)})` : `OLD.${q(d, c)} IS NOT NEW.${q(d, c)}`;
}

function insertKey(d: Dialect, key: string, when?: string): string {
  const from = d === 'mysql' ? ' FROM DUAL' : '';
  return when
    ? `INSERT INTO ${q(d, 'screen_changes')} (${q(d, 'skey')}) SELECT ${key}${from} WHERE ${when};`
    : `INSERT INTO ${q(d, 'screen_changes')} (${q(d, 'skey')}) VALUES (${key});`;
}

function triggerBody(d: Dialect, t: TableTriggers, ev: Ev): string[] {
  const rows = ev === 'INSERT' ? ['NEW'] : ev === 'DELETE' ? ['OLD'] : ['NEW', 'OLD'];
  const out: string[] = [];
  for (const r of rows) {
    if (r === 'OLD' && ev === 'UPDATE') {
      // The OLD row's keys matter only when they differ from the NEW row's.
      if (!t.keyColumns?.length) continue;
      const changed = t.keyColumns.map((c) => differs(d, c)).join(' OR ');
      for (const k of t.keys) out.push(insertKey(d, k.key(d, r), k.when ? `(${changed}) AND ${k.when(d, r)}` : changed));
      continue;
    }
    for (const k of t.keys) out.push(insertKey(d, k.key(d, r), k.when?.(d, r)));
  }
  return out;
}

export function triggerDdl(d: Dialect): { name: string; ddl: string }[] {
  const out: { name: string; ddl: string }[] = [];
  for (const t of DEFINITIONS) {
    for (const ev of t.events) {
      const name = `${PREFIX}${t.table}_${ev[0].toLowerCase()}`;
      const body = triggerBody(d, t, ev);
      const watch = ev === 'UPDATE' && t.watch ? t.watch.map((c) => differs(d, c)).join(' OR ') : '';
      if (d === 'sqlite') {
        out.push({ name, ddl: `CREATE TRIGGER IF NOT EXISTS ${q(d, name)} AFTER ${ev} ON ${q(d, t.table)} FOR EACH ROW${watch ? ` WHEN ${watch}` : ''} BEGIN\n  ${body.join('\n  ')}\nEND` });
      } else {
        const inner = watch ? `IF ${watch} THEN\n    ${body.join('\n    ')}\n  END IF;` : body.join('\n  ');
        out.push({ name, ddl: `CREATE TRIGGER ${q(d, name)} AFTER ${ev} ON ${q(d, t.table)} FOR EACH ROW BEGIN\n  ${inner}\nEND` });
      }
    }
  }
  return out;
}

/** Create the screen-change triggers that are missing; drop ones of an older version. */
export async function installScreenTriggers(database: Database): Promise<void> {
  const { db, dialect } = database;
  const have = dialect === 'sqlite'
    ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()`.execute(db)).rows.map((r) => r.name);
  const wanted = triggerDdl(dialect);
  const wantedNames = new Set(wanted.map((w) => w.name));
  for (const name of have) {
    if (/^scv\d+_/.test(name) && !wantedNames.has(name)) await sql.raw(`DROP TRIGGER IF EXISTS ${q(dialect, name)}`).execute(db);
  }
  const present = new Set(have);
  for (const w of wanted) if (!present.has(w.name)) await sql.raw(w.ddl).execute(db);
}
