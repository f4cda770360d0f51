// Several server nodes on one MariaDB (the multi-node topology; SQLite is the embedded,
// single-process default): commands written by direct SQL are claimed by an atomic UPDATE,
// so with two engines sweeping at the same time each is applied exactly once; commands sent
// through the API are applied in their request, serialised by the agent's row lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { buildApp } from '../http/app.js';
import { loadScenario } from '../scenario/load.js';
import { baselineScenario } from '../test/api-harness.js';
import { testDialects } from '../test/databases.js';

const AGENTS = Array.from({ length: 20 }, (_, i) => String(2000 + i));

async function twoNodes(): Promise<{ handles: Database[]; drop: () => Promise<void> }> {
  const url = `${process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'}/vmulti_${process.pid}_${Date.now().toString(36)}`;
  const first = await openDatabase(url);
  await migrate(first);
  const second = await openDatabase(url);
  const drop = async () => {
    await sql.raw(`DROP DATABASE IF EXISTS \`${url.split('/').pop()}\``).execute(first.db);
    await second.close();
    await first.close();
  };
  return { handles: [first, second], drop };
}

describe.skipIf(!testDialects().includes('mysql'))('two server nodes on one MariaDB database', () => {
  let nodes: FastifyInstance[];
  let handles: Database[];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ handles, drop } = await twoNodes());
    await loadScenario(handles[0], {
      ...baselineScenario,
      vicidial_users: [...baselineScenario.vicidial_users, ...AGENTS.map((user) => ({ user, pass: '1234', user_level: 1, user_group: 'AGENTS' }))],
      vicidial_live_agents: AGENTS.map((user, i) => ({ user, server_ip: '10.10.10.15', conf_exten: String(8600100 + i), campaign_id: 'TESTCAMP', status: 'READY' })),
      vicidial_live_inbound_agents: [],
      vicidial_session_data: [],
    });
    nodes = await Promise.all(handles.map((database) =>
      buildApp({ database, config: { hostname: 'node', staticDir: false, engine: { autoStart: false, onError: (e) => { throw e; } } } })));
  });
  afterAll(async () => {
    for (const node of nodes ?? []) await node.close();
    await drop?.();
  });

  it('applies each PAUSE written by SQL once, however the sweeps of both nodes interleave', async () => {
    const db = handles[0].db;
    await db.updateTable('vicidial_live_agents').set({ external_pause: 'PAUSE!1795680000' }).where('user', 'in', AGENTS).execute();
    for (let round = 0; round < 3; round++) await Promise.all(nodes.flatMap((n) => [n.engine.tick(), n.engine.tick()]));
    const rows = await db.selectFrom('vicidial_live_agents').select(['user', 'status', 'external_pause']).where('user', 'in', AGENTS).execute();
    expect(rows.every((r) => r.status === 'PAUSED' && r.external_pause === '')).toBe(true);
    const pauses = await db.selectFrom('vicidial_agent_log').select(['user', sql<number>`count(*)`.as('n')])
      .where('status', '=', 'PAUSE').where('user', 'in', AGENTS).groupBy('user').execute();
    expect(pauses).toHaveLength(AGENTS.length);
    expect(pauses.every((p) => Number(p.n) === 1)).toBe(true);
  });

  it('serialises 200 concurrent PAUSE/RESUME calls on one agent over both nodes: every SUCCESS applied, in order', async () => {
    const db = handles[0].db;
    const user = AGENTS[0];
    await db.updateTable('vicidial_live_agents').set({ status: 'READY', external_pause: '' }).where('user', '=', user).execute();
    await db.deleteFrom('vicidial_api_log').execute();
    await db.deleteFrom('agent_activity').execute();
    const calls = Array.from({ length: 200 }, (_, i) => {
      const value = i % 2 === 0 ? 'PAUSE' : 'RESUME';
      const query = new URLSearchParams({ source: 'test', user: '6666', pass: '1234', agent_user: user, function: 'external_pause', value });
      return nodes[i % 2].inject({ method: 'GET', url: `/agc/api.php?${query}`, remoteAddress: '127.0.0.1' })
        .then((res) => ({ value, status: res.statusCode, body: res.body }));
    });
    const replies = await Promise.all(calls);
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    for (const r of replies) expect(r.body).toMatch(/^(SUCCESS: external_pause function set|ERROR: external_pause agent is not paused) - /);

    // The log rows are written under the agent's row lock: their order is the order the
    // requests were carried out in. Replaying it, every reply must be the one the agent's
    // state called for, and every state change the replay predicts must have happened.
    const log = await db.selectFrom('vicidial_api_log').select(['value', 'result']).where('function', '=', 'external_pause')
      .where('agent_user', '=', user).orderBy('api_id').execute();
    expect(log).toHaveLength(200);
    let paused = false;
    const expected: string[] = [];
    for (const entry of log) {
      if (entry.value === 'PAUSE') {
        expect(entry.result).toBe('SUCCESS');
        if (!paused) expected.push('activity.pausedBy');
        paused = true;
      } else {
        expect(entry.result).toBe(paused ? 'SUCCESS' : 'ERROR');
        if (paused) expected.push('activity.resumedBy');
        paused = false;
      }
    }
    expect(replies.filter((r) => r.body.startsWith('SUCCESS')).length).toBe(log.filter((l) => l.result === 'SUCCESS').length);
    const activity = await db.selectFrom('agent_activity').select('event_key').where('user', '=', user).orderBy('activity_id').execute();
    expect(activity.map((a) => a.event_key)).toEqual(expected);
    const row = await db.selectFrom('vicidial_live_agents').select(['status', 'external_pause']).where('user', '=', user).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: paused ? 'PAUSED' : 'READY', external_pause: '' });
    // Nothing was left for the engines: a full pass on each node changes nothing.
    await Promise.all(nodes.map((n) => n.engine.tick()));
    expect(await db.selectFrom('agent_activity').select('event_key').where('user', '=', user).orderBy('activity_id').execute()).toEqual(activity);
  });

  it('routes a queued call to one agent only', async () => {
    const db = handles[0].db;
    await db.updateTable('vicidial_live_agents').set({ status: 'CLOSER' }).where('user', 'in', AGENTS).execute();
    await db.insertInto('vicidial_live_inbound_agents').values(AGENTS.map((user) => ({ user, group_id: 'TEST_IN' }))).execute();
    const res = await nodes[1].inject({ method: 'POST', url: '/sim/inbound', payload: { ingroup: 'TEST_IN', lead_id: 1 } });
    const { callerid } = res.json() as { callerid: string };
    await Promise.all(nodes.flatMap((n) => [n.engine.tick(), n.engine.tick()]));
    const onCall = await db.selectFrom('vicidial_live_agents').select('user').where('callerid', '=', callerid).execute();
    expect(onCall).toHaveLength(1);
    expect((await db.selectFrom('vicidial_auto_calls').select(['status', 'agent_grab']).where('callerid', '=', callerid).executeTakeFirstOrThrow()))
      .toEqual({ status: 'CLOSER', agent_grab: onCall[0].user });
  });
});
