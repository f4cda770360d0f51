// Transactions that serialise on the database, never by luck: SQLite's begin immediately
// takes the write lock (database.ts); on MariaDB a request first locks the agent's
// vicidial_live_agents row (SELECT ... FOR UPDATE). A deadlock, a lock wait timeout or a
// busy SQLite file rolls the whole transaction back and it is run again from the start, so
// whatever it answers comes from the attempt that committed.
import { MysqlAdapter, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { Database } from './database.js';

type Db = Kysely<DB> | Transaction<DB>;

const MYSQL_TRANSIENT = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MYSQL_TRANSIENT_ERRNO = new Set([1213, 1205]);

/** Whether an error only says "another transaction was in the way": run it again. */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (MYSQL_TRANSIENT.has(e.code) || e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED'))) return true;
  return typeof e.errno === 'number' && MYSQL_TRANSIENT_ERRNO.has(e.errno);
}

/** Attempts of one transaction before its error reaches the caller. */
export const ATTEMPTS = 6;

/** Run `work` in a transaction, again from the start after a transient failure. */
export async function transaction<T>(database: Database, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction().execute(work);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isTransient(err)) throw err;
      // A short, growing, jittered pause so the competing transactions do not meet again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

export function isMysql(db: Db): boolean {
  return db.getExecutor().adapter instanceof MysqlAdapter;
}

/** The agent's live row, locked until the transaction ends on MariaDB (SQLite holds the write lock already). */
export async function lockAgent(db: Db, user: string) {
  return db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user)
    .$if(isMysql(db), (q) => q.forUpdate()).executeTakeFirst();
}
