// A command column of vicidial_live_agents and how the server applies it.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Db, LiveAgentRow } from '../db.js';
import type { Switch } from '../../switch/switch.js';

export const COMMAND_COLUMNS = [
  'external_hangup', 'external_status', 'external_pause', 'external_pause_code', 'external_dial',
  'external_transferconf', 'external_park', 'external_recording', 'external_dtmf', 'external_update_fields',
  'external_timer_action', 'external_lead_id', 'manager_ingroup_set',
] as const;
export type CommandColumn = (typeof COMMAND_COLUMNS)[number];

export interface Attribution {
  /** The API user (or 'SQL' when no API call explains the command). */
  by: string;
  source: string;
}

export interface CommandHandler {
  column: CommandColumn;
  /** The Agent API functions that write this column (to attribute the command). */
  functions: string[];
  /** Whether the row carries this command. */
  pending(agent: LiveAgentRow): boolean;
  /** The same test in SQL, for the sweep (default: the column is neither '' nor `cleared`). */
  pendingWhere?: (eb: ExpressionBuilder<DB, 'vicidial_live_agents'>) => Expression<SqlBool>;
  /** Whether it can be applied now; otherwise it stays for a later sweep. */
  ready(agent: LiveAgentRow): boolean;
  /** The value the column is reset to when claimed. */
  cleared: string | number;
  apply(db: Db, sw: Switch, agent: LiveAgentRow, value: string, by: Attribution): Promise<void>;
}
