// One code path, two dialects: better-sqlite3 (embedded default) and MariaDB/MySQL via
// mysql2 when DATABASE_URL=mysql://... is set (ARCHITECTURE.md "Two dialects").
import { CompiledQuery, Kysely, MysqlDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver } from 'kysely';
import SQLite from 'better-sqlite3';
import { createPool } from 'mysql2';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'mysql';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where it lives, without credentials (for start-up messages). */
  describe: string;
  close(): Promise<void>;
}

/**
 * `sqlite::memory:`, `sqlite:<path>` or a bare path open SQLite; `mysql://user:pass@host:port/db`
 * opens MariaDB/MySQL. The MySQL database is created if it does not exist.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (/^mysql:\/\//i.test(url)) return openMysql(url);
  const file = url.replace(/^sqlite:/i, '') || ':memory:';
  return openSqlite(file);
}

/**
 * Transactions begin with the write lock (BEGIN IMMEDIATE): a deferred transaction starts as
 * a reader and, when another connection (a second process, an integrator's direct SQL) has
 * committed meanwhile, cannot become a writer (SQLITE_BUSY_SNAPSHOT, not retried by
 * busy_timeout). An immediate one waits for the lock under busy_timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const native = new SQLite(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('busy_timeout = 5000');
  native.pragma('foreign_keys = OFF');
  // Kysely prepares every query afresh; better-sqlite3 statements are reusable, and Kysely
  // runs one query at a time on this single connection, so a cache by SQL text is safe.
  const statements = new Map<string, SQLite.Statement>();
  const cached = {
    close: () => native.close(),
    prepare: (text: string) => {
      let stmt = statements.get(text);
      if (!stmt) {
        if (statements.size >= 2000) statements.clear();
        stmt = native.prepare(text);
        statements.set(text, stmt);
      }
      return stmt;
    },
  };
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: cached }) });
  return {
    db,
    dialect: 'sqlite',
    describe: file === ':memory:' ? 'SQLite in memory' : `SQLite ${file}`,
    close: () => db.destroy(),
  };
}

async function openMysql(url: string): Promise<Database> {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'asterisk';
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`DATABASE_URL: invalid database name "${database}"`);
  const common = {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password || ''),
    dateStrings: true as const,
    charset: 'utf8mb4_general_ci',
    timezone: 'local' as const,
    supportBigNumbers: true,
    bigNumberStrings: false,
  };
  // Create the database on first start, as SQLite creates its file.
  const bootstrap = createPool({ ...common, connectionLimit: 1 }).promise();
  try {
    await bootstrap.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  } finally {
    await bootstrap.end();
  }
  const pool = createPool({ ...common, database, connectionLimit: 10 });
  // Strict mode: a value that does not fit is an error, never a silent half-write;
  // the application fits values to their columns itself (db/fit.ts).
  pool.on('connection', (conn) => {
    conn.query("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'");
    // Each statement sees what is committed when it runs (as VICIdial's autocommit statements
    // do): a request that waited for an agent's row lock then reads that agent's new state,
    // not a snapshot from before the wait; and no gap locks to deadlock on.
    conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  });
  const db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }) });
  await sql`SELECT 1`.execute(db);
  return {
    db,
    dialect: 'mysql',
    describe: `MySQL ${common.host}:${common.port}/${database}`,
    close: () => db.destroy(),
  };
}
