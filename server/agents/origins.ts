// Who wrote a command: recorded when the API or the agent's screen writes a command column,
// taken (read and removed) when the command is applied. A command without an origin was
// written straight into the database.
import type { Db } from './db.js';
import { COMMAND_COLUMNS, type Attribution, type CommandColumn } from './handlers/types.js';

const COLUMNS = new Set<string>(COMMAND_COLUMNS);

export async function recordOrigins(db: Db, user: string, columns: Iterable<string>, by: Attribution): Promise<void> {
  for (const column of columns) {
    if (!COLUMNS.has(column)) continue;
    await db.deleteFrom('agent_command_origins').where('user', '=', user).where('command_column', '=', column).execute();
    await db.insertInto('agent_command_origins')
      .values({ user, command_column: column, by_user: by.by.slice(0, 20), source: by.source.slice(0, 20), at_ms: Date.now() }).execute();
  }
}

export async function takeOrigin(db: Db, user: string, column: CommandColumn): Promise<Attribution> {
  const row = await db.selectFrom('agent_command_origins').select(['by_user', 'source'])
    .where('user', '=', user).where('command_column', '=', column).executeTakeFirst();
  if (!row) return { by: 'SQL', source: 'database' };
  await db.deleteFrom('agent_command_origins').where('user', '=', user).where('command_column', '=', column).execute();
  return { by: row.by_user, source: row.source };
}
