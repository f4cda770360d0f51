// Commands are rows: the API (or direct SQL) writes vicidial_live_agents.external_*
// columns, and the server applies them, whether or not the agent's screen is open.
// Claiming is an atomic UPDATE ... WHERE <column> = <value seen>, inside the same
// transaction as the effect, so each command is applied exactly once, also with several
// server processes on one MariaDB. A command that must wait (PAUSE or LOGOUT during a call
// or a pending disposition, a disposition during a live call) is left in place until it
// can be applied.
import type { Database } from '../db/database.js';
import type { Db, LiveAgentRow } from './db.js';
import type { Switch } from '../switch/switch.js';
import { changeState, waitingStatus } from './state.js';
import { addActivity } from './activity.js';
import { dispose, inDispo, parseExternalStatus } from './dispo.js';
import { logout } from './session.js';

type Column = 'external_hangup' | 'external_status' | 'external_pause' | 'external_pause_code';

interface CommandHandler {
  column: Column;
  /** Whether the row carries this command. */
  pending(agent: LiveAgentRow): boolean;
  /** Whether it can be applied now; otherwise it stays for a later sweep. */
  ready(agent: LiveAgentRow): boolean;
  /** The value the column is reset to when claimed. */
  cleared: string;
  apply(db: Db, sw: Switch, agent: LiveAgentRow, value: string, by: Attribution): Promise<void>;
}

export interface Attribution {
  by: string;
  source: string;
}

const onCall = (a: LiveAgentRow) => a.status === 'INCALL' || a.status === 'QUEUE';
const busy = (a: LiveAgentRow) => onCall(a) || inDispo(a);

export const handlers: CommandHandler[] = [
  {
    // agent-screen.md §3.1: acts on `1` with a call; a stale flag never kills a later call.
    column: 'external_hangup',
    cleared: '0',
    pending: (a) => a.external_hangup !== '' && a.external_hangup !== '0',
    ready: () => true,
    async apply(db, sw, agent, value, by) {
      if (value !== '1' || !onCall(agent)) return;
      const moved = await sw.hangupCustomer(db, agent, `api:${by.by}`);
      if (moved) await addActivity(db, agent.user, 'activity.hungUp', { ...by });
    },
  },
  {
    // §3.2: waits for the hangup; applied when the disposition is pending; wiped when idle.
    column: 'external_status',
    cleared: '',
    pending: (a) => a.external_status !== '',
    ready: (a) => !onCall(a),
    async apply(db, sw, agent, value, by) {
      if (!inDispo(agent)) return;
      await dispose(db, sw, agent, { ...parseExternalStatus(value), by: by.by });
    },
  },
  {
    // §3.3/§3.4 with decisions.md: PAUSE and LOGOUT wait for the disposition to be saved.
    column: 'external_pause',
    cleared: '',
    pending: (a) => a.external_pause !== '',
    ready: (a) => !busy(a),
    async apply(db, sw, agent, value, by) {
      if (value === 'LOGOUT') {
        await addActivity(db, agent.user, 'activity.loggedOutByApi', { ...by });
        await logout(db, sw, agent, 'API');
        return;
      }
      if (value.includes('PAUSE') && (agent.status === 'READY' || agent.status === 'CLOSER')) {
        const moved = await changeState(db, agent, 'PAUSED', 'PAUSE', { pause_code: '' }, { comments: 'API' });
        if (moved) await addActivity(db, agent.user, 'activity.pausedBy', { ...by });
      } else if (value.includes('RESUME') && agent.status === 'PAUSED' && agent.lead_id === 0) {
        const campaign = await db.selectFrom('vicidial_campaigns').select('dial_method').where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
        const to = waitingStatus(agent, campaign?.dial_method ?? 'RATIO');
        const moved = await changeState(db, agent, to, 'READY', { pause_code: '', external_pause_code: '' }, { comments: 'API' });
        if (moved) await addActivity(db, agent.user, 'activity.resumedBy', { ...by });
      }
    },
  },
  {
    // §3.21: the pause-code label changes while paused.
    column: 'external_pause_code',
    cleared: '',
    pending: (a) => a.external_pause_code !== '',
    ready: (a) => a.status === 'PAUSED',
    async apply(db, _sw, agent, value, by) {
      await changeState(db, agent, 'PAUSED', 'PCODE', { pause_code: value }, { comments: 'API' });
      await addActivity(db, agent.user, 'activity.pauseCodeBy', { code: value, ...by });
    },
  },
];

const FUNCTION_OF: Record<Column, string[]> = {
  external_hangup: ['external_hangup'],
  external_status: ['external_status'],
  external_pause: ['external_pause', 'logout'],
  external_pause_code: ['pause_code'],
};

/** Who sent a command: the newest successful API call for this agent and function. */
async function attribution(db: Db, user: string, column: Column): Promise<Attribution> {
  const row = await db.selectFrom('vicidial_api_log').select(['user', 'source']).where('agent_user', '=', user)
    .where('function', 'in', FUNCTION_OF[column]).where('result', '=', 'SUCCESS').orderBy('api_id', 'desc').limit(1).executeTakeFirst();
  return row ? { by: row.user, source: row.source } : { by: 'SQL', source: 'database' };
}

/** Apply every command pending on one agent's row; returns how many were applied. */
export async function applyCommands(database: Database, sw: Switch, user: string): Promise<number> {
  let applied = 0;
  for (const h of handlers) {
    applied += await database.db.transaction().execute(async (trx) => {
      const agent = await trx.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
      if (!agent || !h.pending(agent) || !h.ready(agent)) return 0;
      const value = String(agent[h.column]);
      const claim = await trx.updateTable('vicidial_live_agents').set({ [h.column]: h.cleared })
        .where('user', '=', user).where(h.column, '=', value).executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return 0;
      const by = await attribution(trx, user, h.column);
      await h.apply(trx, sw, { ...agent, [h.column]: h.cleared }, value, by);
      return 1;
    });
  }
  return applied;
}

/** Agents whose rows carry any command (the sweep for rows changed behind our back). */
export async function agentsWithCommands(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.selectFrom('vicidial_live_agents').select('user')
    .where((eb) => eb.or(handlers.map((h) => h.column === 'external_hangup'
      ? eb.and([eb(h.column, '!=', ''), eb(h.column, '!=', '0')])
      : eb(h.column, '!=', ''))))
    .limit(limit).execute();
  return rows.map((r) => r.user);
}
