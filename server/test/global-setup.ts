// Decides once whether MariaDB tests run: always in CI (a missing MariaDB fails the run),
// locally only when it answers, with a visible message when it does not.
import { probeMysql } from './databases.js';

export default async function setup(): Promise<void> {
  const ok = await probeMysql();
  process.env.MYSQL_AVAILABLE = ok ? '1' : '0';
  if (!ok) console.warn('\n*** MariaDB not reachable on 127.0.0.1:3306: MariaDB tests are SKIPPED (they run in CI) ***\n');
}
