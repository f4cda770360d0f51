// Who wrote a command: recorded when the API or the agent's screen writes a command column,
// taken (read and removed) when the command is applied. A command without an origin was
// written straight into the database. Recording is one atomic upsert: no DELETE-then-INSERT
// pair for two transactions to deadlock on.
import type { Db } from './db.js';
import { isMysql } from '../db/transaction.js';
import { COMMAND_COLUMNS, type Attribution, type CommandColumn } from './handlers/types.js';

const COLUMNS = new Set<string>(COMMAND_COLUMNS);

export async function recordOrigins(db: Db, user: string, columns: Iterable<string>, by: Attribution): Promise<void> {
  for (const column of columns) {
    if (!COLUMNS.has(column)) continue;
    const row = { user, command_column: column, by_user: by.by.slice(0, 20), source: by.source.slice(0, 20), at_ms: Date.now() };
    const update = { by_user: row.by_user, source: row.source, at_ms: row.at_ms };
    await db.insertInto('agent_command_origins').values(row)
      .$if(isMysql(db), (q) => q.onDuplicateKeyUpdate(update))
      .$if(!isMysql(db), (q) => q.onConflict((oc) => oc.columns(['user', 'command_column']).doUpdateSet(update)))
      .execute();
  }
}

export async function takeOrigin(db: Db, user: string, column: CommandColumn): Promise<Attribution> {
  const found = (q: { by_user: string; source: string } | undefined): Attribution =>
    (q ? { by: q.by_user, source: q.source } : { by: 'SQL', source: 'database' });
  const where = db.deleteFrom('agent_command_origins').where('user', '=', user).where('command_column', '=', column);
  // MariaDB's DELETE ... RETURNING does not come back through mysql2 + Kysely as rows; there the
  // read is followed by the delete (the caller holds the agent's row lock, so nobody races it).
  if (!isMysql(db)) return found(await where.returning(['by_user', 'source']).executeTakeFirst());
  const row = await db.selectFrom('agent_command_origins').select(['by_user', 'source'])
    .where('user', '=', user).where('command_column', '=', column).executeTakeFirst();
  if (row) await where.execute();
  return found(row);
}
