// Decides once whether MariaDB tests run: always in CI (a missing MariaDB fails the run),
// locally only when it answers, with a visible message when it does not.
import { probeMysql } from './databases.js';

// The message is repeated when the run ends (the teardown), so it is not lost above the results.
const SKIPPED = '\n*** MariaDB not reachable on 127.0.0.1:3306: MariaDB tests were SKIPPED (they run in CI; start MariaDB, root without password, to run them) ***\n';

export default async function setup(): Promise<() => void> {
  const ok = await probeMysql();
  process.env.MYSQL_AVAILABLE = ok ? '1' : '0';
  if (!ok) console.warn(SKIPPED.replace('were SKIPPED', 'are SKIPPED'));
  return () => {
    if (!ok) console.warn(SKIPPED);
  };
}
