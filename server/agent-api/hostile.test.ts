// Hostile input: SQL metacharacters in every parameter, 100 kB values (GET through inject
// and a real listening server, and POST), invalid UTF-8, NUL, CR/LF, unknown, repeated and
// array parameters, an over-long Host. Never a 5xx, the spec's reply, a consistent database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';
import { tableSpecs, type TableName } from '../db/schema.js';
import { buildApp } from '../http/app.js';
import { filters } from './protocol.js';

const HOSTILE = `' " \\ ; -- /* */ OR 1=1 UNION SELECT`;
const AUTH = { source: 'test', user: '6666', pass: '1234' };
// screen_changes: the screens' change feed, written by triggers for every write a screen shows.
const LOG_TABLES = new Set(['vicidial_api_log', 'vicidial_api_urls', 'vicidial_webservers', 'vicidial_urls', 'screen_changes']);
const LIVE_CALL = { status: 'INCALL', lead_id: 1, callerid: 'V0101120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' } as const;

/** Every parameter of `filters` set to HOSTILE, then the given overrides. */
function everyParam(overrides: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const name of Object.keys(filters)) q.set(name, HOSTILE);
  for (const [k, v] of Object.entries({ ...AUTH, ...overrides })) q.set(k, v);
  return q.toString();
}

const NO_AGENT: Record<string, string> = {
  external_status: 'ERROR: no user found - OR11UNIONSELECT\nERROR: agent_user is not logged in - --OR11UNIONSELECT\n',
  update_fields: 'ERROR: agent_user is not logged in - --OR11UNIONSELECT\n',
  external_add_lead: 'ERROR: no user found - OR11UNIONSELECT\nERROR: agent_user is not logged in - --OR11UNIONSELECT\n',
  send_notification: 'Invalid recipient_type (ORUNIONSELECT), ERROR: no matching recipient found in users, user_groups, or campaigns - --OR11UNIONSELECT\n',
  transfer_conference: 'ERROR: no user found - OR11UNIONSELECT\nERROR: agent_user is not logged in - --OR11UNIONSELECT\n',
};

/** Agent 1000 on a live call, the rest hostile: [overrides, reply, tables allowed to change]. */
const LIVE: Record<string, [Record<string, string>, string | RegExp, string[]]> = {
  external_status: [{}, 'ERROR: no user found - OR11UNIONSELECT\nSUCCESS: external_status function set - --OR11UNIONSELECT!!!!--OR11UNIONSELECT|1000\n', ['vicidial_live_agents', 'agent_command_origins']],
  update_fields: [{}, /^SUCCESS: update_fields lead updated - 6666\|1000\|1\|1\|1\|phone_code,address1,.*,rank,owner\|phone_code="11",.*first_name="'    --   OR 11 UNION SELECT",.*\|\n$/, ['vicidial_list', 'vicidial_live_agents', 'agent_command_origins']],
  external_add_lead: [{}, /^ERROR: no user found - OR11UNIONSELECT\nSUCCESS: lead added - --OR11UNIONSELECT\|TESTCAMP\|101\|\d+\|1000\n$/, ['vicidial_list']],
  send_notification: [{ recipient: '1000', recipient_type: 'USER' }, /^NOTICE: Invalid notification date {5}-- {4}11 {2}, changing to nowSUCCESS: notification queued - 1000\|USER\|\d+\n$/, ['vicidial_agent_notifications']],
  transfer_conference: [{ value: 'DIAL_WITH_CUSTOMER' }, 'ERROR: no user found - OR11UNIONSELECT\nERROR: group_alias is not valid - 1000|--OR11UNIONSELECT\n', []],
};

describe.each(testDialects())('hostile input on %s', (dialect) => {
  let bed: TestBed;
  beforeAll(async () => { bed = await createTestBed(dialect); });
  beforeEach(async () => { await bed.reset(); });
  afterAll(async () => { await bed.close(); await closeTestDatabases(); });

  const db = () => bed.database.db;
  const setAgent = (set: Record<string, unknown>) => db().updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();

  /** Every table but the log tables, rows as sorted JSON. */
  async function snapshot(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of Object.keys(tableSpecs) as TableName[]) {
      if (LOG_TABLES.has(table)) continue;
      const rows = await db().selectFrom(table).selectAll().execute();
      out[table] = JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
    }
    return out;
  }
  const changedTables = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((t) => a[t] !== b[t]).sort();

  /** Run a request, expect HTTP 200, and return the body and the tables it changed. */
  async function run(query: string, post?: string): Promise<{ body: string; changed: string[] }> {
    const before = await snapshot();
    const res = await bed.api(query, post);
    expect(res.status).toBe(200);
    return { body: res.body, changed: changedTables(before, await snapshot()) };
  }

  describe('SQL metacharacters in every parameter', () => {
    it.each(Object.keys(NO_AGENT))('%s, unknown agent: the spec reply, nothing changed', async (fn) => {
      const { body, changed } = await run(everyParam({ function: fn }));
      expect(body).toBe(NO_AGENT[fn]);
      expect(changed).toEqual([]);
      expect(await db().selectFrom('vicidial_api_log').select('function').execute()).not.toHaveLength(0);
    });

    it.each(Object.keys(LIVE))('%s, agent on a live call: the spec reply, only its own tables changed', async (fn) => {
      await setAgent(LIVE_CALL);
      const [overrides, reply, allowed] = LIVE[fn];
      const users = await db().selectFrom('vicidial_users').selectAll().execute();
      const { body, changed } = await run(everyParam({ function: fn, agent_user: '1000', ...overrides }));
      if (typeof reply === 'string') expect(body).toBe(reply);
      else expect(body).toMatch(reply);
      expect(changed.filter((t) => !allowed.includes(t))).toEqual([]);
      expect(await db().selectFrom('vicidial_users').selectAll().execute()).toEqual(users);
    });

    it('update_fields stores the filtered values literally, in lead 1 only', async () => {
      await setAgent(LIVE_CALL);
      const others = await db().selectFrom('vicidial_list').selectAll().where('lead_id', '!=', 1).orderBy('lead_id').execute();
      await run(everyParam({ function: 'update_fields', agent_user: '1000' }));
      const lead = await db().selectFrom('vicidial_list').selectAll().where('lead_id', '=', 1).executeTakeFirstOrThrow();
      expect(lead).toMatchObject({ first_name: "'    --   OR 11 UNION SELECT", city: "'    -- / / OR 11 UNION SELECT", comments: `' " \\  -- /* */ OR 1=1 UNION SELECT` });
      expect(await db().selectFrom('vicidial_list').selectAll().where('lead_id', '!=', 1).orderBy('lead_id').execute()).toEqual(others);
    });

    it('external_add_lead inserts exactly one lead with the filtered values', async () => {
      const before = await db().selectFrom('vicidial_list').select('lead_id').execute();
      await run(everyParam({ function: 'external_add_lead', agent_user: '1000' }));
      const after = await db().selectFrom('vicidial_list').selectAll().execute();
      expect(after).toHaveLength(before.length + 1);
      expect(after.find((r) => r.phone_number === '--OR11UNIONSELECT')).toMatchObject({ first_name: "'    --   OR 11 UNION SELECT", list_id: 101, status: 'NEW', user: '6666' });
    });

    it('hostile credentials: the failure line, nothing changed', async () => {
      const { body, changed } = await run(everyParam({ user: HOSTILE, pass: HOSTILE, source: HOSTILE, function: 'external_status' }));
      expect(body).toBe('ERROR: Invalid Username/Password: |--OR11UNIONSELECT||0|0|BAD|\n');
      expect(changed).toEqual([]);
    });
  });

  describe('100 kB values', () => {
    const big = 'a'.repeat(100_000);
    const hangup = `source=test&user=6666&pass=1234&function=external_hangup&agent_user=1000&value=${big}`;
    const expectHangup = async (body: string) => {
      expect(body).toBe(`SUCCESS: external_hangup function set - ${big}|1000\n`);
      const agent = await db().selectFrom('vicidial_live_agents').select('external_hangup').where('user', '=', '1000').executeTakeFirstOrThrow();
      expect(agent.external_hangup).toBe('a');
      const log = await db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').executeTakeFirstOrThrow();
      expect(log.value).toBe('a'.repeat(255));
      const url = await db().selectFrom('vicidial_api_urls').select('url').where('api_id', '=', log.api_id).executeTakeFirstOrThrow();
      expect(url.url.length).toBeGreaterThan(100_000);
    };

    it('through GET (inject)', async () => {
      const { body } = await run(hangup);
      await expectHangup(body);
    });

    it('through POST', async () => {
      const { body } = await run('', hangup);
      await expectHangup(body);
    });

    it('through a real listening server (header size limit raised)', async () => {
      const app = await buildApp({ database: bed.database, config: { hostname: 'testhost', staticDir: false, simControl: false } });
      try {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as { port: number };
        const res = await fetch(`http://127.0.0.1:${port}/agc/api.php?${hangup}`);
        expect(res.status).toBe(200);
        await expectHangup(await res.text());
        const notes = await fetch(`http://127.0.0.1:${port}/agc/api.php?${everyParam({ function: 'version', notes: 'x'.repeat(100_000) })}`);
        expect(notes.status).toBe(200);
        expect(await notes.text()).toMatch(/^VERSION: /);
      } finally {
        await app.close();
      }
    });
  });

  describe('odd bytes and odd shapes', () => {
    it('invalid UTF-8 is dropped: %ff%fe in agent_user and value', async () => {
      expect((await run('source=test&user=6666&pass=1234&function=external_hangup&agent_user=10%ff%fe00&value=%ff1')).body)
        .toBe('SUCCESS: external_hangup function set - 1|1000\n');
      expect((await run('source=test&user=6666&pass=1234&function=external_hangup&agent_user=1000&value=%ff%fe')).body)
        .toBe('ERROR: external_hangup not valid - |1000\n');
    });

    it('NUL bytes and CR/LF are filtered where the class forbids them and never reach headers', async () => {
      const res = await bed.api('source=test&user=66%0066&pass=12%0d%0a34&function=external_pause&agent_user=1000%0d%0aSet-Cookie:%20x=1&value=PAU%00SE');
      expect(res.status).toBe(200);
      expect(res.body).toBe('ERROR: agent_user is not logged in - 1000Set-Cookiex1\n');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect((await bed.api('source=test&user=66%0066&pass=12%0d%0a34&function=external_pause&agent_user=10%0d%0a00&value=PAU%00SE')).body)
        .toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);
      const ver = await bed.api('function=version&user=%0d%0aSet-Cookie:%20y=2&source=%00%0a');
      expect(ver.status).toBe(200);
      expect(ver.headers['set-cookie']).toBeUndefined();
      const log = await db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').executeTakeFirstOrThrow();
      expect(log).toMatchObject({ user: 'Set-Cookiey2', source: '' });
    });

    it('NUL in a lightly filtered field is stored as sent, on a live call', async () => {
      await setAgent(LIVE_CALL);
      const { body } = await run('source=test&user=6666&pass=1234&function=update_fields&agent_user=1000&comments=a%00b%0d%0ac');
      expect(body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|comments|comments="a\u0000b\r\nc"|\n');
    });

    it('unknown parameters (SQL in their names too) are ignored', async () => {
      const { body, changed } = await run(`source=test&user=6666&pass=1234&function=external_hangup&agent_user=1000&value=1&foo=bar&%27%20OR%201%3D1--=1&DROP%20TABLE%20vicidial_users=1`);
      expect(body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
      expect(changed).toEqual(['agent_command_origins', 'vicidial_live_agents']);
    });

    it('repeated parameters take their last value; array parameters their first', async () => {
      expect((await run('source=test&user=6666&pass=1234&function=external_hangup&agent_user=1000&value=1&agent_user=9999')).body)
        .toBe('ERROR: agent_user is not logged in - 9999\n');
      expect((await run('source=test&user=6666&pass=1234&function=external_hangup&agent_user[]=1000&agent_user[]=9999&value[]=1')).body)
        .toBe('SUCCESS: external_hangup function set - 1|1000\n');
      expect((await run('source=test&user[]=6666&pass[]=1234&function[]=external_hangup&agent_user=1000&value=1')).body)
        .toBe('SUCCESS: external_hangup function set - 1|1000\n');
    });

    it('an over-long Host header is logged (cut to the column) and reused, never a 5xx', async () => {
      const host = `${'h'.repeat(300)}.example:8089`;
      for (let i = 0; i < 2; i++) {
        const res = await bed.app.inject({ method: 'GET', url: '/agc/api.php?function=version', headers: { host }, remoteAddress: '127.0.0.1' });
        expect(res.statusCode).toBe(200);
      }
      expect(await db().selectFrom('vicidial_webservers').selectAll().execute()).toHaveLength(1);
      expect(await db().selectFrom('vicidial_urls').selectAll().execute()).toHaveLength(1);
      expect(await db().selectFrom('vicidial_api_log').selectAll().execute()).toHaveLength(2);
    });

    it('odd POST bodies (no type, JSON, multipart, garbage) answer 200', async () => {
      for (const [type, payload] of [[undefined, 'function=version'], ['application/json', '{"function":"version"}'], ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'], ['text/plain', '%%%&&&==']] as const) {
        const res = await bed.app.inject({ method: 'POST', url: '/agc/api.php?source=test&user=6666&pass=1234&function=version', headers: type ? { 'content-type': type } : {}, payload });
        expect(res.statusCode).toBe(200);
        expect(res.body).toMatch(/^VERSION: /);
      }
    });
  });
});
