// Agent sessions end to end at the HTTP level: login, state machine, the simulated switch,
// commands written by the API and by direct SQL, the snapshot and its 304.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../http/app.js';
import { clearAllTables, loadScenario } from '../scenario/load.js';
import { baselineScenario, queryOf } from '../test/api-harness.js';
import { closeTestDatabases, freshDatabase, testDialects } from '../test/databases.js';
import type { Database } from '../db/database.js';
import type { AgentSnapshot } from '../../contract/agent.js';

describe.each(testDialects())('agent sessions on %s', (dialect) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildApp({ database, config: { hostname: 'testhost', staticDir: false, engine: { autoStart: false, onError: (err) => { throw err; } } } });
  });
  beforeEach(async () => {
    await clearAllTables(database);
    // The baseline without its pre-logged-in agent: these tests log agents in themselves.
    await loadScenario(database, { ...baselineScenario, vicidial_live_agents: [], vicidial_live_inbound_agents: [], vicidial_session_data: [] });
  });
  afterAll(async () => { await app.close(); await closeTestDatabases(); });

  const post = (url: string, payload: unknown, token?: string) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = async (user = '1000', extra: Record<string, unknown> = {}) => {
    const res = await post('/agent/login', { user, pass: '1234', campaign: 'TESTCAMP', ingroups: ['TEST_IN'], ...extra });
    expect(res.statusCode).toBe(200);
    return res.json().token as string;
  };
  const snapshot = async (token: string) => {
    const res = await app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.json() as AgentSnapshot;
  };
  const act = (token: string, action: object) => post('/agent/action', action, token);
  const api = (params: Record<string, string>) => app.inject({ method: 'GET', url: `/agc/api.php?${queryOf(params)}` });
  const row = (user = '1000') => database.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirst();

  it('logs in with VICIdial identifiers and logs out cleanly', async () => {
    const token = await login();
    const agent = await row();
    expect(agent).toMatchObject({ status: 'PAUSED', campaign_id: 'TESTCAMP', conf_exten: '8600051', server_ip: '10.10.10.15', extension: 'SIP/1000', closer_campaigns: ' TEST_IN -', pause_code: 'LOGIN' });
    expect(agent!.random_id).toBeGreaterThan(9_999_999);
    expect(await database.db.selectFrom('vicidial_live_inbound_agents').select('group_id').where('user', '=', '1000').execute()).toEqual([{ group_id: 'TEST_IN' }]);
    const session = await database.db.selectFrom('vicidial_session_data').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
    expect(session.session_name).toMatch(/^\d{10}_SIP1000\d{8}$/);
    expect((await snapshot(token)).agent).toMatchObject({ state: 'paused', sessionId: '8600051', ingroups: ['TEST_IN'] });
    expect((await act(token, { action: 'logout' })).statusCode).toBe(200);
    expect(await row()).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('refuses a wrong password, a campaign the user may not use, and a non-agent', async () => {
    expect((await post('/agent/login', { user: '1000', pass: 'nope', campaign: 'TESTCAMP' })).json()).toEqual({ error: 'bad_credentials' });
    const limited = await post('/agent/login', { user: '6670', pass: '1234', campaign: 'TESTCAMP' });
    expect(limited.statusCode).toBe(403);
    expect(limited.json()).toEqual({ error: 'campaign_not_allowed' });
    expect((await post('/agent/login', { user: '6669', pass: '1234', campaign: 'TESTCAMP' })).json()).toEqual({ error: 'bad_credentials' });
    expect(await row('6670')).toBeUndefined();
  });

  it('a second login replaces the first session', async () => {
    const first = await login();
    const second = await login();
    expect(first).not.toBe(second);
    expect((await app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${first}` } })).statusCode).toBe(401);
    expect((await snapshot(second)).agent.state).toBe('paused');
    expect(await database.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').execute()).toHaveLength(1);
  });

  it('routes an inbound call to the ready agent, hangs up, dispositions, and resumes', async () => {
    const token = await login();
    expect((await act(token, { action: 'resume' })).statusCode).toBe(200);
    expect((await row())!.status).toBe('CLOSER');
    const placed = (await post('/sim/inbound', { ingroup: 'TEST_IN', lead_id: 1 })).json();
    expect(placed.callerid).toMatch(/^Y\d{9}0000000001$/);
    await app.engine.tick();
    let s = await snapshot(token);
    expect(s.agent.state).toBe('incall');
    expect(s.call).toMatchObject({ direction: 'inbound', callerid: placed.callerid, state: 'live', ingroup: 'TEST_IN' });
    expect(s.lead).toMatchObject({ lead_id: 1, first_name: 'Alice', last_name: 'Anders' });
    expect((await act(token, { action: 'hangup' })).statusCode).toBe(200);
    s = await snapshot(token);
    expect(s.agent.state).toBe('dispo');
    expect(s.lead?.lead_id).toBe(1);
    expect((await act(token, { action: 'dispo', status: 'SALE' })).statusCode).toBe(200);
    expect((await database.db.selectFrom('vicidial_list').select('status').where('lead_id', '=', 1).executeTakeFirstOrThrow()).status).toBe('SALE');
    expect((await row())).toMatchObject({ status: 'CLOSER', lead_id: 0 });
    const log = await database.db.selectFrom('vicidial_agent_log').select('status').where('user', '=', '1000').orderBy('agent_log_id').execute();
    expect(log.map((r) => r.status)).toEqual(['LOGIN', 'READY', 'INCALL', 'HANGUP', 'DISPO']);
  });

  it('applies API commands: hangup, status with callback, PAUSE after the call', async () => {
    const token = await login();
    await act(token, { action: 'resume' });
    await post('/sim/inbound', { ingroup: 'TEST_IN', lead_id: 2 });
    await app.engine.tick();
    expect((await api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body).toMatch(/^SUCCESS/);
    await app.engine.tick();
    expect((await snapshot(token)).agent).toMatchObject({ state: 'incall', pauseAfterCall: true });
    expect((await api({ agent_user: '1000', function: 'external_hangup', value: '1' })).statusCode).toBe(200);
    await database.db.updateTable('vicidial_live_agents').set({ external_hangup: '1' }).where('user', '=', '1000').execute();
    await app.engine.tick();
    expect((await snapshot(token)).agent.state).toBe('dispo');
    await database.db.updateTable('vicidial_live_agents').set({ external_status: 'CALLBK!2026-12-01 12:00:00!USERONLY!call back later!' }).where('user', '=', '1000').execute();
    await app.engine.tick();
    const cb = await database.db.selectFrom('vicidial_callbacks').selectAll().where('lead_id', '=', 2).executeTakeFirstOrThrow();
    expect(cb).toMatchObject({ callback_time: '2026-12-01 12:00:00', recipient: 'USERONLY', comments: 'call back later', lead_status: 'CALLBK', user: '1000' });
    expect((await row())).toMatchObject({ status: 'PAUSED', lead_id: 0, external_pause: '', external_status: '' });
    const s = await snapshot(token);
    expect(s.agent.state).toBe('paused');
    expect(s.activity.map((a) => a.key)).toContain('activity.dispositioned');
  });

  it('a customer hanging up leaves a dead call; RESUME by direct SQL is applied once', async () => {
    const token = await login();
    await act(token, { action: 'resume' });
    const { callerid } = (await post('/sim/inbound', { ingroup: 'TEST_IN', phone_number: '3125551003' })).json();
    await app.engine.tick();
    expect((await post(`/sim/calls/${callerid}/hangup`, {})).statusCode).toBe(200);
    expect((await snapshot(token)).agent.state).toBe('dead');
    await act(token, { action: 'hangup' });
    await act(token, { action: 'dispo', status: 'NI', pauseAfter: true });
    expect((await row())!.status).toBe('PAUSED');
    await database.db.updateTable('vicidial_live_agents').set({ external_pause: 'RESUME!1' }).where('user', '=', '1000').execute();
    await Promise.all([app.engine.tick(), app.engine.tick()]);
    await app.engine.tick();
    expect((await row())).toMatchObject({ status: 'CLOSER', external_pause: '' });
    const resumes = await database.db.selectFrom('vicidial_agent_log').select('status').where('user', '=', '1000').where('status', '=', 'READY').execute();
    expect(resumes).toHaveLength(2);
  });

  it('answers 304 to a conditional poll when nothing changed', async () => {
    const token = await login();
    const first = await app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}` } });
    const etag = first.headers.etag as string;
    const again = await app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    await act(token, { action: 'resume' });
    const changed = await app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
  });

  it('manual dial rings, then answers; busy numbers go to the disposition', async () => {
    const token = await login();
    await post('/sim/dial-outcomes', { phone_number: '3125550101', outcome: 'ANSWER', ring_ms: 0 });
    expect((await act(token, { action: 'dial', phoneNumber: '3125550101' })).statusCode).toBe(200);
    let s = await snapshot(token);
    expect(s.agent.state).toBe('dialing');
    expect(s.call?.callerid).toMatch(/^M\d{19}$/);
    await app.engine.tick();
    s = await snapshot(token);
    expect(s.agent.state).toBe('incall');
    await act(token, { action: 'hangup' });
    await act(token, { action: 'dispo', status: 'A', pauseAfter: true });
    await post('/sim/dial-outcomes', { phone_number: '3125550102', outcome: 'BUSY', ring_ms: 0 });
    await act(token, { action: 'dial', phoneNumber: '3125550102' });
    await app.engine.tick();
    s = await snapshot(token);
    expect(s.agent.state).toBe('dispo');
    expect(s.activity[0].key).toBe('activity.busy');
  });

  it('sessions survive a restart: a new app on the same database sees the agent on its call', async () => {
    const token = await login();
    await act(token, { action: 'resume' });
    await post('/sim/inbound', { ingroup: 'TEST_IN', lead_id: 1 });
    await app.engine.tick();
    const again = await buildApp({ database, config: { hostname: 'testhost', staticDir: false } });
    const res = await again.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}` } });
    expect(res.json().agent.state).toBe('incall');
    await again.close();
  });
  it('a customer hanging up mid-transfer leaves the agent on a dead call with the 3-way leg, which ends with the hangup', async () => {
    const token = await login();
    await act(token, { action: 'resume' });
    const { callerid } = (await post('/sim/inbound', { ingroup: 'TEST_IN', lead_id: 1 })).json();
    await app.engine.tick();
    expect((await act(token, { action: 'transfer', fn: 'DIAL_WITH_CUSTOMER', phoneNumber: '3125557000' })).statusCode).toBe(200);
    await app.engine.tick();
    expect((await snapshot(token)).threeWay).toMatchObject({ number: '3125557000', state: 'ringing' });
    await post(`/sim/calls/${callerid}/hangup`, {});
    let s = await snapshot(token);
    expect(s.agent.state).toBe('dead');
    expect(s.threeWay?.number).toBe('3125557000');
    await act(token, { action: 'hangup' });
    s = await snapshot(token);
    expect(s.agent.state).toBe('dispo');
    expect(s.threeWay).toBeNull();
    expect(await database.db.selectFrom('vicidial_auto_calls').selectAll().execute()).toEqual([]);
  });
});
