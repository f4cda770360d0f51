// Shared set-up of the effects tests (effects-agent.test.ts, effects-calls.test.ts): a fresh
// database per dialect, the app with its engine driven by tick(), agents logged in through
// /agent/login, commands sent through /agc/api.php or written by direct SQL, and a digest
// of the switch and agent state to prove that further ticks change nothing (exactly once).
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Updateable } from 'kysely';
import { buildApp } from '../http/app.js';
import { clearAllTables, loadScenario } from '../scenario/load.js';
import { baselineScenario, queryOf } from '../test/api-harness.js';
import { closeTestDatabases, freshDatabase } from '../test/databases.js';
import type { Database, Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { AgentSnapshot } from '../../contract/agent.js';
import type { LiveAgentRow } from './db.js';

export type Via = 'api' | 'sql';
export const VIAS: Via[] = ['api', 'sql'];

export interface Bed {
  database: Database;
  app: FastifyInstance;
  db: Database['db'];
  api(params: Record<string, string>): Promise<string>;
  /** Through the API (expects SUCCESS), or the same columns written by direct SQL. */
  command(via: Via, user: string, params: Record<string, string>, columns: Updateable<DB['vicidial_live_agents']>): Promise<void>;
  login(user?: string, extra?: Record<string, unknown>): Promise<string>;
  act(token: string, action: object): Promise<void>;
  snapshot(token: string): Promise<AgentSnapshot>;
  row(user?: string): Promise<LiveAgentRow | undefined>;
  tick(times?: number): Promise<void>;
  inbound(ingroup: string, extra?: Record<string, unknown>): Promise<{ callerid: string; leadId: number }>;
  /** Log in, resume (CLOSER on TEST_IN) and take an inbound call of lead `leadId`. */
  onCall(user?: string, leadId?: number, ingroup?: string): Promise<{ token: string; callerid: string }>;
  events(event?: string): Promise<{ event: string; detail: string; user: string }[]>;
  digest(): Promise<unknown>;
  /** Two more ticks change nothing. */
  settled(): Promise<void>;
}

export function useBed(dialect: Dialect): Bed {
  const bed = {} as Bed;
  beforeAll(async () => {
    bed.database = await freshDatabase(dialect);
    bed.db = bed.database.db;
    bed.app = await buildApp({ database: bed.database, config: { hostname: 'testhost', staticDir: false, engine: { autoStart: false, onError: (err) => { throw err; } } } });
  });
  beforeEach(async () => {
    await clearAllTables(bed.database);
    await loadScenario(bed.database, { ...baselineScenario, vicidial_live_agents: [], vicidial_live_inbound_agents: [], vicidial_session_data: [] });
  });
  afterAll(async () => { await bed.app.close(); await closeTestDatabases(); });

  const post = (url: string, payload: unknown, token?: string) =>
    bed.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
  bed.api = async (params) => (await bed.app.inject({ method: 'GET', url: `/agc/api.php?${queryOf(params)}` })).body;
  bed.command = async (via, user, params, columns) => {
    if (via === 'api') {
      const body = await bed.api({ agent_user: user, ...params });
      expect(body).toMatch(/^SUCCESS/);
    } else {
      await bed.db.updateTable('vicidial_live_agents').set(columns).where('user', '=', user).execute();
    }
  };
  bed.login = async (user = '1000', extra = {}) => {
    const res = await post('/agent/login', { user, pass: '1234', campaign: 'TESTCAMP', ingroups: ['TEST_IN'], ...extra });
    expect(res.statusCode).toBe(200);
    return res.json().token as string;
  };
  bed.act = async (token, action) => { expect((await post('/agent/action', action, token)).statusCode).toBe(200); };
  bed.snapshot = async (token) => {
    const res = await bed.app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.json() as AgentSnapshot;
  };
  bed.row = (user = '1000') => bed.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();
  bed.tick = async (times = 1) => { for (let i = 0; i < times; i++) await bed.app.engine.tick(); };
  bed.inbound = async (ingroup, extra = {}) => {
    const res = await post('/sim/inbound', { ingroup, ...extra });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  bed.onCall = async (user = '1000', leadId = 1, ingroup = 'TEST_IN') => {
    const token = await bed.login(user, { ingroups: [ingroup] });
    await bed.act(token, { action: 'resume' });
    const { callerid } = await bed.inbound(ingroup, { lead_id: leadId });
    await bed.tick();
    expect(await bed.row(user)).toMatchObject({ status: 'INCALL', callerid, lead_id: leadId });
    return { token, callerid };
  };
  bed.events = async (event) => {
    let q = bed.db.selectFrom('sim_switch_events').select(['event', 'detail', 'user']).orderBy('event_id');
    if (event) q = q.where('event', '=', event);
    return q.execute();
  };
  bed.digest = async () => {
    const all = async (table: keyof DB, order: string) => bed.db.selectFrom(table).selectAll().orderBy(order as never).execute();
    const agents = (await all('vicidial_live_agents', 'user')).map(({ last_update_time: _u, ...rest }) => rest);
    return {
      agents, calls: await all('vicidial_auto_calls', 'auto_call_id'), parked: await all('parked_channels', 'channel'),
      recordings: await all('recording_log', 'recording_id'), legs: await all('sim_legs', 'leg_id'), channels: await all('live_channels', 'channel'),
      events: await all('sim_switch_events', 'event_id'), effects: await all('agent_screen_effects', 'effect_id'),
      activity: await all('agent_activity', 'activity_id'), log: await all('vicidial_agent_log', 'agent_log_id'),
      callbacks: await all('vicidial_callbacks', 'callback_id'), manager: await all('vicidial_manager', 'man_id'),
      queue: await all('vicidial_manual_dial_queue', 'mdq_id'), leads: await all('vicidial_list', 'lead_id'),
      inbound: await all('vicidial_live_inbound_agents', 'user'),
    };
  };
  bed.settled = async () => {
    const before = await bed.digest();
    await bed.tick(2);
    expect(await bed.digest()).toEqual(before);
  };
  return bed;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
