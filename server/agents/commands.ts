// Commands are rows: the API (or direct SQL) writes vicidial_live_agents.external_*
// columns, and the server applies them, whether or not the agent's screen is open.
// A command sent through the API (or the screen) is applied inside that request's own
// transaction, after the agent's row is locked; the engine applies the others (direct SQL,
// commands that had to wait) the same way in a transaction of its own. Claiming is an atomic
// UPDATE ... WHERE <column> = <value seen> inside the transaction of the effect, so each
// command is applied once, also with several server processes on one MariaDB. A command that must wait (PAUSE or LOGOUT during a call
// or a pending disposition, a disposition during a live call) is left in place until it
// can be applied.
import type { Database } from '../db/database.js';
import type { Db } from './db.js';
import type { Switch } from '../switch/switch.js';
import type { CommandHandler } from './handlers/types.js';
import { takeOrigin } from './origins.js';
import { lockAgent, transaction } from '../db/transaction.js';
import { stateHandlers } from './handlers/state.js';
import { callHandlers } from './handlers/calls.js';
import { screenHandlers } from './handlers/screen.js';

/** Every command column the server applies, in the order they are applied. */
export const handlers: CommandHandler[] = [...stateHandlers, ...callHandlers, ...screenHandlers];


/**
 * Apply every command pending on one agent's row inside the caller's transaction: the row is
 * locked first (SELECT ... FOR UPDATE on MariaDB; SQLite's transaction holds the write lock),
 * so two nodes or two requests never apply the same command or apply them out of order.
 * Each claim is still an UPDATE ... WHERE <column> = <value seen>. Commands that must wait
 * stay in their columns. Returns how many were applied.
 */
export async function applyPendingIn(trx: Db, sw: Switch, user: string): Promise<number> {
  let agent = await lockAgent(trx, user);
  let applied = 0;
  for (const h of handlers) {
    if (!agent) break;
    if (!h.pending(agent) || !h.ready(agent)) continue;
    const value = String(agent[h.column]);
    const claim = await trx.updateTable('vicidial_live_agents').set({ [h.column]: h.cleared })
      .where('user', '=', user).where(h.column, '=', value).executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const by = await takeOrigin(trx, user, h.column);
    await h.apply(trx, sw, { ...agent, [h.column]: h.cleared }, value, by);
    applied++;
    // The effect changed the row (state, call): the next handler decides on the new one.
    agent = await trx.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
  }
  return applied;
}

/** Apply every command pending on one agent's row, in a transaction of its own (the engine's path). */
export async function applyCommands(database: Database, sw: Switch, user: string): Promise<number> {
  // A cheap unlocked look first: most nudged or swept agents have nothing ready.
  const seen = await database.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
  if (!seen || !handlers.some((h) => h.pending(seen) && h.ready(seen))) return 0;
  return transaction(database, (trx) => applyPendingIn(trx, sw, user));
}

/** Agents whose rows carry any command (the sweep for rows changed behind our back). */
export async function agentsWithCommands(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.selectFrom('vicidial_live_agents').select('user')
    .where((eb) => eb.or(handlers.map((h) => h.pendingWhere?.(eb) ?? eb(h.column, 'not in', ['', h.cleared]))))
    .limit(limit).execute();
  return rows.map((r) => r.user);
}
