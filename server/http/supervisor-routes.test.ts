// The supervisor console's endpoints: function metadata from the modules' declarations,
// sign-in checked by the API's own authentication (lockout included), and the live agents.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { clearAllTables, loadScenario } from '../scenario/load.js';
import { baselineScenario, queryOf } from '../test/api-harness.js';
import { closeTestDatabases, freshDatabase, testDialects } from '../test/databases.js';
import type { Database } from '../db/database.js';
import { functions } from '../agent-api/registry.js';
import { formatDateTime } from '../clock.js';
import type { ConsoleAgents, ConsoleFunction } from '../../contract/supervisor.js';

describe.each(testDialects())('supervisor console endpoints on %s', (dialect) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildApp({ database, config: { hostname: 'testhost', staticDir: false, engine: { autoStart: false, onError: (err) => { throw err; } } } });
  });
  beforeEach(async () => {
    await clearAllTables(database);
    await loadScenario(database, baselineScenario);
  });
  afterAll(async () => { await app.close(); await closeTestDatabases(); });

  const signIn = (user: string, pass: string) => app.inject({ method: 'POST', url: '/supervisor/session', payload: { user, pass } });
  const agents = (token: string) => app.inject({ method: 'GET', url: '/supervisor/agents', headers: { authorization: `Bearer ${token}` } });
  const apiLog = () => database.db.selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute();
  const failures = async (user: string) => Number((await database.db.selectFrom('vicidial_users').select('failed_login_count').where('user', '=', user).executeTakeFirstOrThrow()).failed_login_count);

  it('describes every authenticated function from its own parameter declaration, in three languages', async () => {
    const res = await app.inject({ method: 'GET', url: '/supervisor/functions' });
    const list = res.json() as ConsoleFunction[];
    const names = list.map((f) => f.name);
    expect(names).not.toContain('version');
    expect(names).not.toContain('brew_coffee');
    expect(names).toContain('webserver');
    expect(names).toHaveLength([...functions.values()].filter((f) => !f.noAuth).length);
    const pause = list.find((f) => f.name === 'external_pause')!;
    expect(pause.summary['pt-BR']).toMatch(/^Pausa ou retoma o agente/);
    expect(pause.params.map((p) => [p.name, p.required, p.values ?? null])).toEqual([
      ['agent_user', true, null], ['alt_user', false, null], ['value', true, ['PAUSE', 'RESUME']]]);
    expect(pause.params[2].description).toEqual({
      en: 'PAUSE - pauses the agent session; RESUME - resumes the agent session',
      'pt-BR': 'PAUSE - Pausa a sessão do agente; RESUME - Retoma a sessão do agente',
      es: 'PAUSE - pausa la sesión del agente; RESUME - reanuda la sesión del agente',
    });
    // Every parameter of every function has a description in every language.
    for (const f of list) for (const p of f.params) {
      for (const lang of ['en', 'pt-BR', 'es'] as const) expect(p.description?.[lang], `${f.name}.${p.name} ${lang}`).toBeTruthy();
    }
    const refresh = list.find((f) => f.name === 'refresh_panel')!;
    expect(refresh.params.filter((p) => p.flag).map((p) => p.name)).toEqual(['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload', 'callbacksreload']);
    expect(list.find((f) => f.name === 'update_fields')!.params.find((p) => p.name === 'date_of_birth')).toMatchObject({ format: 'YYYY-MM-DD' });
  });

  it('signs an API user in without putting the password anywhere, and lists the live agents', async () => {
    const res = await signIn('6666', '1234');
    expect(res.statusCode).toBe(200);
    const { token, user, fullName } = res.json();
    expect({ user, fullName }).toEqual({ user: '6666', fullName: 'API' });
    const rows = await database.db.selectFrom('supervisor_console_sessions').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ token, user: '6666' })]);
    expect(JSON.stringify(rows)).not.toContain('1234');
    // The check is one logged API request whose query string carries no password.
    const [log] = await apiLog();
    expect(log).toMatchObject({ user: '6666', function: '__supervisor_check__', source: 'supervisor' });
    expect(JSON.stringify(log)).not.toContain('1234');

    const list = (await agents(token)).json() as ConsoleAgents;
    expect(list.agents).toEqual([expect.objectContaining({ user: '1000', campaignId: 'TESTCAMP', userGroup: 'AGENTS', state: 'paused', status: 'PAUSED', lead: null, call: null })]);
    expect(list.agents[0].stateSince).toBeGreaterThan(0);
  });

  it('shows the effect of an API call in the live list', async () => {
    const { token } = (await signIn('6666', '1234')).json();
    const reply = await app.inject({ method: 'POST', url: '/agc/api.php', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: queryOf({ source: 'supervisor', user: '6666', pass: '1234', function: 'external_pause', agent_user: '1000', value: 'RESUME' }) });
    expect(reply.body).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d{10}\|1000\n$/);
    await app.engine.tick();
    expect(((await agents(token)).json() as ConsoleAgents).agents[0]).toMatchObject({ user: '1000', state: 'closer', status: 'CLOSER' });
  });

  it('refuses as the API refuses: bad password, no API access, inactive, and the lockout', async () => {
    const bad = await signIn('6666', 'nope');
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ error: 'refused', reply: 'ERROR: Invalid Username/Password: |6666||0|1|BAD|\n' });
    expect(await failures('6666')).toBe(1);
    expect((await signIn('6667', '1234')).json().reply).toBe('ERROR: Invalid Username/Password: |6667||1|0|GOOD|\n');
    expect((await signIn('6669', '1234')).json().reply).toBe('ERROR: Invalid Username/Password: |6669||0|1|BAD|\n');
    // Ten recent failures lock the user, also for the right password, exactly as on /agc/api.php.
    await database.db.updateTable('vicidial_users').set({ failed_login_count: 10, last_login_date: formatDateTime(new Date()) }).where('user', '=', '6666').execute();
    expect((await signIn('6666', '1234')).json().reply).toBe('ERROR: Invalid Username/Password: |6666||0|1|LOCK|\n');
    expect(await database.db.selectFrom('supervisor_console_sessions').selectAll().execute()).toEqual([]);
  });

  it('answers the API error when the API is not active', async () => {
    await database.db.updateTable('system_settings').set({ vdc_agent_api_active: '0' }).execute();
    expect((await signIn('6666', '1234')).json()).toEqual({ error: 'refused', reply: 'ERROR: System API NOT ACTIVE\n' });
  });

  it('refuses the agent list without a token, after sign-out, and once the user loses API access', async () => {
    expect((await agents('nope')).statusCode).toBe(401);
    const { token } = (await signIn('6666', '1234')).json();
    expect((await agents(token)).statusCode).toBe(200);
    await database.db.updateTable('vicidial_users').set({ vdc_agent_api_access: '0' }).where('user', '=', '6666').execute();
    expect((await agents(token)).statusCode).toBe(401);
    await database.db.updateTable('vicidial_users').set({ vdc_agent_api_access: '1' }).where('user', '=', '6666').execute();
    const second = (await signIn('6666', '1234')).json().token;
    expect((await app.inject({ method: 'DELETE', url: '/supervisor/session', headers: { authorization: `Bearer ${second}` } })).statusCode).toBe(200);
    expect((await agents(second)).json()).toEqual({ error: 'signed_out' });
  });
});
