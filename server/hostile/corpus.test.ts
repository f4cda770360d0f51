// The hostile-input corpus (Hardening issue): a few thousand requests — metacharacters,
// overlong values, unicode, NUL, `a[]=`, duplicates, bad percent-encoding, every content
// type, HEAD/OPTIONS/PUT/DELETE — against a real server on 127.0.0.1 (random port), on each
// dialect. Never a 5xx, never a password or database text in a reply, the database intact,
// and the process's memory back near where it started.
import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';
import { tableSpecs } from '../db/schema.js';

const SECRET = 'Hp7Secret42';
const DB_CODE = /\bER_[A-Z_]{3,}\b|\bSQLITE_[A-Z]+\b/;
const DB_TEXT = /SQL syntax|Duplicate entry|\bselect\b[^\n]{0,80}\bfrom\b|\binsert into\b|\bupdate\b[^\n]{0,40}\bset\b|at [^\n]+\.(ts|js):\d+|node_modules/i;

const VALUES = [
  `' " \\ ; -- /* */ OR 1=1 UNION SELECT`, '%27%22%5C%3B', 'x'.repeat(20_000), 'é€😀\u202e\u0000中文', '%00%0d%0a', '%zz%E9%C3%28%',
  '', '-1', '99999999999999999999', '1e309', 'NaN', '[]', '{}', '<script>alert(1)</script>', '../../etc/passwd', '$(id)`id`',
];
const PARAMS = ['user', 'pass', 'source', 'function', 'agent_user', 'value', 'phone_number', 'lead_id', 'notes', 'comments', 'ingroup_choices', 'notification_text', 'status'];
const FUNCTIONS = ['version', 'external_pause', 'external_status', 'external_dial', 'update_fields', 'send_notification', 'change_ingroups', 'pause_code', 'logout', 'st_login_log', 'ra_call_control', 'transfer_conference', 'recording', 'park_call', 'external_add_lead', 'bogus'];
const PATHS = ['/agc/api.php', '//agc/api.php', '/agent/login-options', '/agent/login', '/agent/action', '/agent/snapshot', '/agent/effects/1/ack', '/agent/callbacks',
  '/sim/state', '/sim/inbound', '/sim/dial-outcomes', '/sim/calls/V1/hangup', '/supervisor/session', '/supervisor/agents', '/supervisor/functions', '/', '/nope%zz'];
const METHODS = ['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH'];
const TYPES = [undefined, 'application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'application/octet-stream'];

interface Req { method: string; path: string; type?: string; body?: string; headers?: Record<string, string> }

function* corpus(): Generator<Req> {
  let i = 0;
  const auth = `source=test&user=6666&pass=${SECRET}`;
  // API queries: every function × every hostile value in a rotating parameter, GET and POST.
  for (const fn of FUNCTIONS) {
    for (const v of VALUES) {
      const p = PARAMS[i++ % PARAMS.length];
      const q = `${auth}&agent_user=1000&function=${fn}&${p}=${encodeURIComponent(v)}`;
      yield { method: 'GET', path: `/agc/api.php?${q}` };
      yield { method: 'POST', path: '/agc/api.php', type: TYPES[i % TYPES.length], body: q };
      yield { method: 'GET', path: `/agc/api.php?${auth}&function=${fn}&${p}=${v.slice(0, 200)}&${p}[]=1&${p}[x]=2&${p}=dup` };
    }
  }
  // Raw (unencoded, bad percent) and array-shaped credentials.
  for (const v of VALUES) yield { method: 'GET', path: `/agc/api.php?source=test&user[]=6666&pass[]=${SECRET}&function=version&x=${v.slice(0, 100).replace(/[\s#]/g, '')}` };
  // Every path × method × content type, with a JSON, form or garbage body.
  const bodies = [
    JSON.stringify({ user: '6666', pass: SECRET }), JSON.stringify({ user: ['6666'], pass: { $ne: 1 } }), JSON.stringify({ action: 'dial', leadId: { a: 1 } }),
    JSON.stringify({ action: 'dtmf', tones: 7 }), JSON.stringify({ phone_number: [], ring_ms: 'abc' }), JSON.stringify({ ingroup: 'TEST_IN', lead_id: -1 }),
    `user=6666&pass=${SECRET}`, '{"a":', '\u0000\u0001', 'x'.repeat(70_000), JSON.stringify({ user: 'é'.repeat(40_000), pass: SECRET }),
  ];
  for (const path of PATHS) {
    for (const method of METHODS) {
      for (const type of TYPES) {
        const body = method === 'GET' || method === 'HEAD' ? undefined : bodies[i++ % bodies.length];
        yield { method, path, type, body, headers: { authorization: i % 3 ? `Bearer ${'x'.repeat(i % 90)}'` : 'Basic Og==' } };
      }
    }
  }
  for (let n = 0; n < 40; n++) yield { method: 'GET', path: '/agc/api.php?function=version', headers: { host: `${'h'.repeat(n * 20)}:${n}` } };
}

function send(port: number, r: Req): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    if (r.type) headers['content-type'] = r.type;
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)), headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (err) => resolve({ status: 0, body: `client error: ${err.message}` }));
    req.end(r.body);
  });
}

describe.each(testDialects())('hostile corpus on %s', (dialect) => {
  let bed: TestBed;
  let port = 0;
  beforeAll(async () => {
    bed = await createTestBed(dialect);
    await bed.database.db.updateTable('vicidial_users').set({ pass: SECRET }).where('user', '=', '6666').execute();
    await bed.app.listen({ port: 0, host: '127.0.0.1' });
    port = (bed.app.server.address() as { port: number }).port;
  });
  afterAll(async () => { await bed.close(); await closeTestDatabases(); });

  it('answers the corpus without a 5xx, a password or database text; the database stays intact', async () => {
    const requests = [...corpus()];
    expect(requests.length).toBeGreaterThan(1000);
    const startRss = process.memoryUsage().rss;
    const problems: string[] = [];
    const clientErrors: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const r = requests[next++];
        const { status, body } = await send(port, r);
        const what = `${r.method} ${r.path.slice(0, 120)} [${r.type ?? '-'}] → ${status}`;
        if (status >= 500) problems.push(`${what}: ${body.slice(0, 200)}`);
        if (status === 0) clientErrors.push(`${what}: ${body}`);
        if (body.includes(SECRET)) problems.push(`${what}: password in reply`);
        if (DB_TEXT.test(body) || DB_CODE.test(body)) problems.push(`${what}: database text: ${body.match(DB_TEXT)?.[0] ?? body.match(DB_CODE)?.[0]}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(problems.slice(0, 20)).toEqual([]);
    // Node's client refuses a few exchanges the corpus provokes on purpose (an undecodable
    // path answered 400 by Fastify's router while the body is still unread); they stay rare.
    expect(clientErrors.filter((e) => !e.includes('/nope%zz'))).toEqual([]);

    // Integrity.
    const { db } = bed.database;
    if (dialect === 'sqlite') {
      const rows = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)).rows;
      expect(rows.map((r) => r.integrity_check)).toEqual(['ok']);
    } else {
      for (const table of Object.keys(tableSpecs)) {
        const rows = (await sql<{ Msg_text: string }>`CHECK TABLE ${sql.table(table)}`.execute(db)).rows;
        expect(rows.map((r) => r.Msg_text), table).toEqual(['OK']);
      }
    }
    // No password was logged.
    for (const { url } of await db.selectFrom('vicidial_api_urls').select('url').execute()) expect(url).not.toContain(SECRET);
    const logged = await db.selectFrom('vicidial_api_log').select(['data']).execute();
    for (const { data } of logged) expect(data).not.toContain(SECRET);

    // Memory: back near the start once the garbage is collected.
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
    expect(process.memoryUsage().rss - startRss).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
