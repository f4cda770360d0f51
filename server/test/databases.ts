// Test databases: SQLite in memory always; MariaDB on 127.0.0.1:3306 (root, no password)
// when it answers. In CI (CI=true) or with REQUIRE_MYSQL=1 a missing MariaDB is a failure,
// never a silent skip.
import { createConnection } from 'mysql2/promise';
import { openDatabase, type Database, type Dialect } from '../db/database.js';
import { migrate } from '../db/migrate.js';

const MYSQL_BASE = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const mysqlRequired = process.env.CI === 'true' || process.env.REQUIRE_MYSQL === '1';

let mysqlAvailable: boolean | undefined;

async function probeMysql(): Promise<boolean> {
  const u = new URL(MYSQL_BASE);
  try {
    const c = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', password: u.password, connectTimeout: 2000 });
    await c.end();
    return true;
  } catch (err) {
    if (mysqlRequired) throw new Error(`MariaDB is required in CI but does not answer at ${u.host}: ${(err as Error).message}`);
    return false;
  }
}

/** Decided once per test process (vitest's globalSetup sets MYSQL_AVAILABLE). */
export function testDialects(): Dialect[] {
  if (mysqlAvailable === undefined) mysqlAvailable = process.env.MYSQL_AVAILABLE === '1';
  return mysqlAvailable ? ['sqlite', 'mysql'] : ['sqlite'];
}

export { probeMysql };

const opened: { database: Database; drop?: string }[] = [];

/** A migrated, empty database of the given dialect; throw-away. */
export async function freshDatabase(dialect: Dialect): Promise<Database> {
  if (dialect === 'sqlite') {
    const database = await openDatabase('sqlite::memory:');
    await migrate(database);
    opened.push({ database });
    return database;
  }
  const name = `vtest_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const database = await openDatabase(`${MYSQL_BASE.replace(/\/$/, '')}/${name}`);
  await migrate(database);
  opened.push({ database, drop: name });
  return database;
}

/** Close (and drop) every database this process opened. */
export async function closeTestDatabases(): Promise<void> {
  for (const { database, drop } of opened.splice(0)) {
    if (drop) {
      const { sql } = await import('kysely');
      await sql.raw(`DROP DATABASE IF EXISTS \`${drop}\``).execute(database.db).catch(() => undefined);
    }
    await database.close();
  }
}
