// Cheap polls and push: the snapshot is built only when something it shows changed (the
// triggers catch direct SQL too), and the server-sent-event stream carries each change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import http from 'node:http';
import { buildApp } from './app.js';
import { clearAllTables, loadScenario } from '../scenario/load.js';
import { baselineScenario, queryOf } from '../test/api-harness.js';
import { closeTestDatabases, freshDatabase, testDialects } from '../test/databases.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { snapshotStats } from '../agents/snapshot.js';
import type { AgentSnapshot } from '../../contract/agent.js';

/** A minimal SSE client: collects events; `next()` waits for the next one. */
function sse(url: string, lastEventId?: string) {
  const events: { id: string; event: string; data: string }[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let status = 0;
  const req = http.get(url, { headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {} }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const ev = { id: '', event: 'message', data: '' };
        let any = false;
        for (const line of block.split('\n')) {
          const m = /^(id|event|data): ?(.*)$/.exec(line);
          if (m) { (ev as Record<string, string>)[m[1]] = m[2]; any = m[1] === 'data' || any; }
        }
        if (any) events.push(ev);
        waiters.splice(0).forEach((w) => w());
      }
    });
  });
  req.on('error', () => undefined);
  let read = 0;
  return {
    events,
    status: () => status,
    async next(ms = 5000) {
      const deadline = Date.now() + ms;
      while (read >= events.length) {
        if (Date.now() > deadline) throw new Error(`no SSE event within ${ms} ms`);
        await new Promise<void>((ok) => { waiters.push(ok); setTimeout(ok, 50); });
      }
      return events[read++];
    },
    /** Resolves true if no event arrives within ms. */
    async quiet(ms: number) {
      const before = events.length;
      await new Promise((ok) => setTimeout(ok, ms));
      return events.length === before;
    },
    close: () => req.destroy(),
  };
}

const snap = (e: { data: string }) => JSON.parse(e.data) as AgentSnapshot;

describe.each(testDialects())('screen versions and push on %s', (dialect) => {
  let database: Database;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildApp({ database, config: { hostname: 'testhost', staticDir: false, engine: { autoStart: false, onError: (err) => { throw err; } } } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    await clearAllTables(database);
    await loadScenario(database, { ...baselineScenario, vicidial_live_agents: [], vicidial_live_inbound_agents: [], vicidial_session_data: [] });
  });
  afterAll(async () => { await app.close(); await closeTestDatabases(); });

  const login = async (user = '1000') => {
    const res = await app.inject({ method: 'POST', url: '/agent/login', payload: { user, pass: '1234', campaign: 'TESTCAMP', ingroups: ['TEST_IN'] } });
    expect(res.statusCode).toBe(200);
    return res.json().token as string;
  };
  const poll = (token: string, etag?: string) => app.inject({
    method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  const api = (params: Record<string, string>) => app.inject({ method: 'GET', url: `/agc/api.php?${queryOf(params)}` });

  it('answers an unchanged poll with 304 without building the snapshot', async () => {
    const token = await login();
    const first = await poll(token);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    const builds = snapshotStats.builds;
    for (let i = 0; i < 5; i++) expect((await poll(token, etag)).statusCode).toBe(304);
    expect(snapshotStats.builds).toBe(builds);
    // A write that another agent's screen shows does not rebuild this one either.
    await database.db.updateTable('vicidial_live_agents').set({ pause_code: 'OTHER' }).where('user', '=', 'nobody').execute();
    expect((await poll(token, etag)).statusCode).toBe(304);
    expect(snapshotStats.builds).toBe(builds);
  });

  it.each([
    ['the agent row', (db: Database) => sql`UPDATE vicidial_live_agents SET pause_code = 'BREAK' WHERE user = '1000'`.execute(db.db),
      (s: AgentSnapshot) => s.agent.pauseCode === 'BREAK'],
    ['the full name', (db: Database) => sql`UPDATE vicidial_users SET full_name = 'Renamed By SQL' WHERE user = '1000'`.execute(db.db),
      (s: AgentSnapshot) => s.agent.fullName === 'Renamed By SQL'],
    ['the campaign name', (db: Database) => sql`UPDATE vicidial_campaigns SET campaign_name = 'Renamed campaign' WHERE campaign_id = 'TESTCAMP'`.execute(db.db),
      (s: AgentSnapshot) => s.agent.campaignName === 'Renamed campaign'],
    ['a pause code', (db: Database) => sql`INSERT INTO vicidial_pause_codes (campaign_id, pause_code, pause_code_name) VALUES ('TESTCAMP', 'ZZSQL', 'By SQL')`.execute(db.db),
      (s: AgentSnapshot) => s.pauseCodes.some((p) => p.code === 'ZZSQL')],
    ['a waiting call', (db: Database) => sql`INSERT INTO vicidial_auto_calls (server_ip, campaign_id, status, callerid, call_type) VALUES ('10.10.10.15', 'TEST_IN', 'LIVE', 'Y1234567890123456', 'IN')`.execute(db.db),
      (s: AgentSnapshot) => s.callsWaiting === 1],
  ])('a direct-SQL write to %s changes the ETag and the snapshot', async (_what, write, check) => {
    const token = await login();
    const first = await poll(token);
    const etag = String(first.headers.etag);
    await write(database);
    const after = await poll(token, etag);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(check(after.json() as AgentSnapshot)).toBe(true);
  });

  it('a lead edited by SQL reaches the screen of the agent holding it', async () => {
    const token = await login();
    const lead = await database.db.selectFrom('vicidial_list').select('lead_id').orderBy('lead_id').executeTakeFirstOrThrow();
    await database.db.updateTable('vicidial_live_agents').set({ preview_lead_id: lead.lead_id }).where('user', '=', '1000').execute();
    const first = await poll(token);
    expect((first.json() as AgentSnapshot).lead?.lead_id).toBe(lead.lead_id);
    await sql`UPDATE vicidial_list SET first_name = 'Sqlname' WHERE lead_id = ${lead.lead_id}`.execute(database.db);
    const after = await poll(token, String(first.headers.etag));
    expect(after.statusCode).toBe(200);
    expect((after.json() as AgentSnapshot).lead?.first_name).toBe('Sqlname');
  });

  it('streams the snapshot, then each change an API call makes; resumes by Last-Event-ID', async () => {
    const token = await login();
    expect((await app.inject({ method: 'GET', url: '/agent/stream?token=nope' })).statusCode).toBe(401);
    const stream = sse(`${base}/agent/stream?token=${token}`);
    const initial = await stream.next();
    expect(initial.event).toBe('snapshot');
    expect(snap(initial).agent.user).toBe('1000');
    expect(initial.id).toBe(snap(initial).version);

    const reply = await api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' });
    expect(reply.body).toMatch(/^SUCCESS/);
    await app.engine.tick();
    let update = await stream.next();
    while (snap(update).agent.status === 'PAUSED') update = await stream.next();
    expect(update.id).not.toBe(initial.id);
    stream.close();

    // Reconnecting with the current id sends nothing until something changes.
    const resumed = sse(`${base}/agent/stream?token=${token}`, update.id);
    expect(await resumed.quiet(300)).toBe(true);
    await sql`UPDATE vicidial_live_agents SET pause_code = 'SQLPC' WHERE user = '1000'`.execute(database.db);
    const changed = await resumed.next();
    expect(snap(changed).agent.pauseCode).toBe('SQLPC');
    resumed.close();
    // An outdated id gets the current snapshot at once.
    const stale = sse(`${base}/agent/stream?token=${token}`, initial.id);
    expect(snap(await stale.next()).agent.pauseCode).toBe('SQLPC');
    stale.close();
  });

  it('a screen reconnecting to a restarted server with Last-Event-ID is sent only what changed', async () => {
    const token = await login();
    const first = sse(`${base}/agent/stream?token=${token}`);
    const ev = await first.next();
    first.close();
    // Another server process on the same database (a restart, or another node).
    const again = await buildApp({ database, config: { hostname: 'testhost', staticDir: false, engine: { autoStart: false } } });
    try {
      const url = await again.listen({ port: 0, host: '127.0.0.1' });
      const resumed = sse(`${url}/agent/stream?token=${token}`, ev.id);
      expect(await resumed.quiet(300)).toBe(true);
      await sql`UPDATE vicidial_live_agents SET pause_code = 'AFTER' WHERE user = '1000'`.execute(database.db);
      expect(snap(await resumed.next()).agent.pauseCode).toBe('AFTER');
      resumed.close();
    } finally {
      await again.close();
    }
  });

  it('tells the stream when the agent is logged out', async () => {
    const token = await login();
    const stream = sse(`${base}/agent/stream?token=${token}`);
    await stream.next();
    await sql`DELETE FROM vicidial_live_agents WHERE user = '1000'`.execute(database.db);
    const ev = await stream.next();
    expect(ev.event).toBe('logout');
  });

  it('prunes superseded change rows and keeps the latest per key', async () => {
    await login();
    for (let i = 0; i < 5; i++) await sql`UPDATE vicidial_live_agents SET pause_code = ${`P${i}`} WHERE user = '1000'`.execute(database.db);
    await app.screens.prune();
    const rows = await database.db.selectFrom('screen_changes').select(['skey', sql<number>`count(*)`.as('n')]).groupBy('skey').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(rows.map((r) => r.skey)).toContain('u:1000');
  });
});

describe.skipIf(!testDialects().includes('mysql'))('push across two nodes on one MariaDB', () => {
  const url = `${process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'}/vpush_${process.pid}_${Date.now().toString(36)}`;
  let handles: Database[];
  let nodes: FastifyInstance[];
  let bases: string[];
  beforeAll(async () => {
    const first = await openDatabase(url);
    await migrate(first);
    handles = [first, await openDatabase(url)];
    await loadScenario(first, { ...baselineScenario, vicidial_live_agents: [], vicidial_live_inbound_agents: [], vicidial_session_data: [] });
    nodes = await Promise.all(handles.map((database) =>
      buildApp({ database, config: { hostname: 'node', staticDir: false, engine: { autoStart: false, onError: (e) => { throw e; } } } })));
    bases = await Promise.all(nodes.map((n) => n.listen({ port: 0, host: '127.0.0.1' })));
  });
  afterAll(async () => {
    for (const node of nodes ?? []) await node.close();
    await sql.raw(`DROP DATABASE IF EXISTS \`${url.split('/').pop()}\``).execute(handles[0].db);
    for (const h of handles) await h.close();
  });

  it('a change made through node A reaches a stream on node B', async () => {
    const login = await nodes[0].inject({ method: 'POST', url: '/agent/login', payload: { user: '1000', pass: '1234', campaign: 'TESTCAMP' } });
    const token = login.json().token as string;
    const stream = sse(`${bases[1]}/agent/stream?token=${token}`);
    expect(snap(await stream.next()).agent.status).toBe('PAUSED');
    const reply = await nodes[0].inject({ method: 'GET', url: `/agc/api.php?${queryOf({ function: 'external_pause', agent_user: '1000', value: 'RESUME' })}` });
    expect(reply.body).toMatch(/^SUCCESS/);
    await nodes[0].engine.tick();
    const started = Date.now();
    let ev = await stream.next();
    while (snap(ev).agent.status !== 'READY') ev = await stream.next();
    expect(Date.now() - started).toBeLessThan(2000);
    stream.close();
  });
});
