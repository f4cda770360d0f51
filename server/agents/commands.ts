// Commands are rows: the API (or direct SQL) writes vicidial_live_agents.external_*
// columns, and the server applies them, whether or not the agent's screen is open.
// Claiming is an atomic UPDATE ... WHERE <column> = <value seen>, inside the same
// transaction as the effect, so each command is applied exactly once, also with several
// server processes on one MariaDB. A command that must wait (PAUSE or LOGOUT during a call
// or a pending disposition, a disposition during a live call) is left in place until it
// can be applied.
import type { Database } from '../db/database.js';
import type { Db } from './db.js';
import type { Switch } from '../switch/switch.js';
import type { CommandHandler } from './handlers/types.js';
import { takeOrigin } from './origins.js';
import { stateHandlers } from './handlers/state.js';
import { callHandlers } from './handlers/calls.js';
import { screenHandlers } from './handlers/screen.js';

/** Every command column the server applies, in the order they are applied. */
export const handlers: CommandHandler[] = [...stateHandlers, ...callHandlers, ...screenHandlers];


/** Apply every command pending on one agent's row; returns how many were applied. */
export async function applyCommands(database: Database, sw: Switch, user: string): Promise<number> {
  // One read decides which handlers have work; each of those then claims its command in
  // its own transaction, re-reading the row there (another node may have been faster).
  const seen = await database.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
  if (!seen) return 0;
  let applied = 0;
  for (const h of handlers.filter((h) => h.pending(seen) && h.ready(seen))) {
    applied += await database.db.transaction().execute(async (trx) => {
      const agent = await trx.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
      if (!agent || !h.pending(agent) || !h.ready(agent)) return 0;
      const value = String(agent[h.column]);
      const claim = await trx.updateTable('vicidial_live_agents').set({ [h.column]: h.cleared })
        .where('user', '=', user).where(h.column, '=', value).executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return 0;
      const by = await takeOrigin(trx, user, h.column);
      await h.apply(trx, sw, { ...agent, [h.column]: h.cleared }, value, by);
      return 1;
    });
  }
  return applied;
}

/** Agents whose rows carry any command (the sweep for rows changed behind our back). */
export async function agentsWithCommands(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.selectFrom('vicidial_live_agents').select('user')
    .where((eb) => eb.or(handlers.map((h) => h.pendingWhere?.(eb) ?? eb(h.column, 'not in', ['', h.cleared]))))
    .limit(limit).execute();
  return rows.map((r) => r.user);
}
