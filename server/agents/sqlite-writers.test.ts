// SQLite with a second writer: an integrator's process writing commands straight into the
// database file while API calls run. Transactions begin with the write lock (BEGIN
// IMMEDIATE), so a request waits for the other writer instead of failing with
// SQLITE_BUSY_SNAPSHOT; no call is answered with a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { buildApp } from '../http/app.js';
import { loadScenario } from '../scenario/load.js';
import { baselineScenario } from '../test/api-harness.js';

// The other process: alternate PAUSE and RESUME on agent 1000 by plain UPDATEs, as fast as it can.
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
const set = db.prepare("UPDATE vicidial_live_agents SET external_pause = ? WHERE user = '1000'");
let n = 0;
process.stdout.write('ready\\n');
const stopAt = Date.now() + 20000;
(function loop() {
  if (Date.now() > stopAt) return db.close();
  set.run((n++ % 2 ? 'RESUME!' : 'PAUSE!') + Math.floor(Date.now() / 1000));
  setTimeout(loop, 1);
})();
`;

describe('SQLite with another process writing commands into the file', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  let writer: ChildProcess | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vsqlite-writers-'));
    database = await openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
    await migrate(database);
    await loadScenario(database, baselineScenario, 'test-baseline');
    app = await buildApp({ database, config: { hostname: 'node', staticDir: false, engine: { autoStart: false } } });
  });
  afterAll(async () => {
    writer?.kill();
    await app?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every API call (no SQLITE_BUSY 500) while the other process commits', async () => {
    writer = spawn(process.execPath, ['-e', WRITER, join(dir, 'db.sqlite')], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      writer!.stdout!.once('data', () => resolve());
      writer!.once('exit', (code) => reject(new Error(`writer exited ${code}`)));
    });
    const statuses: number[] = [];
    for (let round = 0; round < 25; round++) {
      const calls = Array.from({ length: 12 }, (_, i) => {
        const query = new URLSearchParams({
          source: 'test', user: '6666', pass: '1234', agent_user: '1000',
          ...(i % 3 === 2 ? { function: 'update_fields', comments: `round ${round}` } : { function: 'external_pause', value: i % 2 ? 'RESUME' : 'PAUSE' }),
        });
        return app.inject({ method: 'GET', url: `/agc/api.php?${query}`, remoteAddress: '127.0.0.1' }).then((r) => r.statusCode);
      });
      statuses.push(...(await Promise.all([...calls, app.engine.tick().then(() => 200)])));
    }
    expect(statuses.length).toBe(25 * 13);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
