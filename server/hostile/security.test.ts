// The Hardening issue's holes, one test each (they failed before their fixes): screen
// lockout and throttle, hashing off the event loop, request size and log caps, schema
// validation and the one error handler, the simulation surface, secrets in logs, HEAD,
// console tokens, security headers and connection limits.
import bcrypt from 'bcryptjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';
import { formatDateTime } from '../clock.js';
import { vicidialPassHash } from '../agent-api/password.js';
import { maskPassword, pruneApiLog } from '../agent-api/log.js';
import { intake } from '../agent-api/protocol.js';
import http from 'node:http';
import net from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorHandler, limitConnections, requestLogger } from '../http/hardening.js';

const KEY = 'ABCDEFGHIJKLMNOP';

describe.each(testDialects())('security on %s', (dialect) => {
  let bed: TestBed;
  beforeAll(async () => { bed = await createTestBed(dialect); });
  beforeEach(async () => { await bed.reset(); });
  afterEach(() => { vi.restoreAllMocks(); });
  afterAll(async () => { await bed.close(); await closeTestDatabases(); });

  const db = () => bed.database.db;
  const userRow = (user: string) => db().selectFrom('vicidial_users').selectAll().where('user', '=', user).executeTakeFirstOrThrow();
  let nextAddress = 1;
  /** Each test signs in from its own address, so the per-address throttle stays out of the way. */
  let address = '10.0.0.1';
  beforeEach(() => { address = `10.0.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`; });
  const post = (url: string, body: unknown, remoteAddress = address) =>
    bed.app.inject({ method: 'POST', url, payload: body as object, remoteAddress });

  describe('screen login lockout (item 1)', () => {
    it('screen failures count like API failures, and 10 lock the user for 15 minutes on both', async () => {
      for (let i = 0; i < 10; i++) {
        const res = await post('/agent/login-options', { user: '1000', pass: `${i}`.padStart(4, '0') });
        expect(res.statusCode).toBe(401);
      }
      const row = await userRow('1000');
      expect(row.failed_login_count).toBe(10);
      expect(row.failed_last_type_today).toBe('01cBAD');
      expect(row.failed_last_ip_today).toBe(address);
      // A correct password while locked: refused with a clear code, on both endpoints.
      await db().updateTable('vicidial_users').set({ last_login_date: formatDateTime(new Date()) }).where('user', '=', '1000').execute();
      const locked = await post('/agent/login-options', { user: '1000', pass: '1234' });
      expect(locked.statusCode).toBe(403);
      expect(locked.json()).toEqual({ error: 'locked' });
      const login = await post('/agent/login', { user: '1000', pass: '1234', campaign: 'TESTCAMP' });
      expect(login.json()).toEqual({ error: 'locked' });
      expect((await userRow('1000')).failed_last_type_today).toBe('03cLOCK');
    });

    it('a failed /agent/login is counted although the login transaction rolls back', async () => {
      const res = await post('/agent/login', { user: '1000', pass: 'nope', campaign: 'TESTCAMP' });
      expect(res.statusCode).toBe(401);
      expect((await userRow('1000')).failed_login_count).toBe(1);
    });

    it('a good screen login refreshes last_login_date and last_ip and clears the count (user_update)', async () => {
      await db().updateTable('vicidial_users').set({ failed_login_count: 3 }).where('user', '=', '1000').execute();
      const res = await post('/agent/login', { user: '1000', pass: '1234', campaign: 'TESTCAMP' });
      expect(res.statusCode).toBe(200);
      const row = await userRow('1000');
      expect(row.failed_login_count).toBe(0);
      expect(row.last_ip).toBe(address);
      expect(Date.now() - new Date(String(row.last_login_date).replace(' ', 'T')).getTime()).toBeLessThan(120_000);
    });

    it('one address guessing over many users is throttled (429) before the per-user lockout', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) codes.push((await post('/agent/login-options', { user: `u${i}`, pass: 'guess' })).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.slice(20).every((c) => c === 429)).toBe(true);
      const refused = await post('/agent/login-options', { user: '1000', pass: '1234' });
      expect(refused.json()).toEqual({ error: 'too_many_attempts' });
      // Another address is not affected.
      expect((await post('/agent/login-options', { user: '1000', pass: '1234' }, '10.9.9.9')).statusCode).toBe(200);
    });
  });

  describe('password hashing (item 6)', () => {
    beforeEach(async () => {
      await db().updateTable('system_settings').set({ pass_hash_enabled: '1', pass_key: KEY, pass_cost: 8 }).execute();
      await db().updateTable('vicidial_users').set({ pass_hash: vicidialPassHash('1234', KEY, 8) }).execute();
    });

    it('hashes asynchronously: the event loop keeps turning during a login', async () => {
      const sync = vi.spyOn(bcrypt, 'hashSync');
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 1);
      const res = await post('/agent/login-options', { user: '1000', pass: '1234' });
      clearInterval(timer);
      expect(res.statusCode).toBe(200);
      expect(sync).not.toHaveBeenCalled();
      expect(ticks).toBeGreaterThan(0);
      expect((await bed.api({ function: 'version' })).status).toBe(200);
      const api = await bed.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
      expect(api.body).toMatch(/^SUCCESS: external_pause function set - PAUSE/);
      expect(sync).not.toHaveBeenCalled();
    });

    it('an unknown user and a locked user cost a hash too', async () => {
      const hash = vi.spyOn(bcrypt, 'hash');
      await post('/agent/login-options', { user: 'nobody', pass: '1234' });
      expect(hash).toHaveBeenCalledTimes(1);
      await db().updateTable('vicidial_users').set({ failed_login_count: 10, last_login_date: formatDateTime(new Date()) }).where('user', '=', '6666').execute();
      const api = await bed.api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE' });
      expect(api.body).toContain('|LOCK|');
      expect(hash).toHaveBeenCalledTimes(2);
      expect((await bed.api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE', user: 'nobody' })).body).toContain('|BAD|');
      expect(hash).toHaveBeenCalledTimes(3);
    });
  });
  describe('request size and the API log (item 2)', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    it('a 4 MiB POST is answered 413 and logs nothing', async () => {
      const res = await bed.app.inject({ method: 'POST', url: '/agc/api.php', headers: form, payload: `source=x&user=nobody&pass=wrong&pad=${'a'.repeat(4 * 1024 * 1024)}` });
      expect(res.statusCode).toBe(413);
      expect(res.body).not.toMatch(/SELECT|INSERT|at .*\.ts/);
      expect(await db().selectFrom('vicidial_api_urls').select('api_id').execute()).toHaveLength(0);
    });

    it('a POST string is logged once', async () => {
      const res = await bed.app.inject({ method: 'POST', url: '/agc/api.php', headers: form, payload: `source=x&user=nobody&pass=wrong&pad=${'a'.repeat(200_000)}` });
      expect(res.body).toMatch(/^ERROR: /);
      const [row] = await db().selectFrom('vicidial_api_urls').select('url').execute();
      expect(row.url.length).toBeLessThan(201_000);
      expect(row.url.split('pad=').length).toBe(2);
    });

    it('rows older than API_LOG_DAYS are pruned, newer ones kept', async () => {
      await bed.api({ function: 'version' });
      await bed.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
      const [old] = await db().selectFrom('vicidial_api_log').select('api_id').orderBy('api_id').execute();
      await db().updateTable('vicidial_api_log').set({ api_date: '2020-01-01 00:00:00' }).where('api_id', '=', old.api_id).execute();
      await db().updateTable('vicidial_api_urls').set({ api_date: '2020-01-01 00:00:00' }).where('api_id', '=', old.api_id).execute();
      expect(await pruneApiLog(bed.database, 30)).toBe(1);
      expect((await db().selectFrom('vicidial_api_log').select('api_id').execute()).map((r) => r.api_id)).not.toContain(old.api_id);
      expect(await db().selectFrom('vicidial_api_urls').select('api_id').where('api_id', '=', old.api_id).execute()).toHaveLength(0);
      expect((await db().selectFrom('vicidial_api_log').select('api_id').execute()).length).toBeGreaterThan(0);
    });
  });

  describe('no 500 and no database text (item 3)', () => {
    const agentToken = async () => {
      const res = await post('/agent/login', { user: '1000', pass: '1234', campaign: 'TESTCAMP' });
      expect(res.statusCode).toBe(200);
      return res.json().token as string;
    };

    it('a console sign-in with a name the API cleans (66 66) works', async () => {
      const res = await post('/supervisor/session', { user: '66 66', pass: '1234' });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toBe('6666');
    });

    it('malformed agent actions are answered 400 with a message', async () => {
      const token = await agentToken();
      for (const body of [{ action: 'pause_code' }, { action: 'dtmf', tones: { a: 1 } }, { action: 'dial', phoneNumber: { x: 1 } }, { action: 'dial', leadId: { a: 1 } }, { action: 'nope' }, {}, []]) {
        const res = await bed.app.inject({ method: 'POST', url: '/agent/action', headers: { authorization: `Bearer ${token}` }, payload: body as object });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().message).toBeTruthy();
      }
      // Numbers where strings are expected are read as those strings, never a 500.
      for (const body of [{ action: 'dtmf', tones: 7 }, { action: 'dial', phoneNumber: 5551234 }]) {
        const res = await bed.app.inject({ method: 'POST', url: '/agent/action', headers: { authorization: `Bearer ${token}` }, payload: body });
        expect(res.statusCode).toBeLessThan(500);
      }
    });

    it('malformed simulation bodies are answered 400', async () => {
      for (const body of [{ phone_number: [] }, { phone_number: '555', ring_ms: 'abc' }, { phone_number: 'x'.repeat(40) }, {}]) {
        const res = await bed.app.inject({ method: 'POST', url: '/sim/dial-outcomes', payload: body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
      const ok = await bed.app.inject({ method: 'POST', url: '/sim/dial-outcomes', payload: { phone_number: '555', ring_ms: 10 } });
      expect(ok.statusCode).toBe(200);
      const again = await bed.app.inject({ method: 'POST', url: '/sim/dial-outcomes', payload: { phone_number: '555', outcome: 'BUSY' } });
      expect(again.statusCode).toBe(200);
      expect(await db().selectFrom('sim_dial_outcomes').selectAll().execute()).toEqual([{ phone_number: '555', outcome: 'BUSY', ring_ms: 1500 }]);
    });

    it('change_ingroups many times at once on one agent: every request succeeds (atomic upsert)', async () => {
      await db().deleteFrom('vicidial_live_inbound_agents').execute();
      const replies = await Promise.all(Array.from({ length: 40 }, () =>
        bed.api('source=test&user=6666&pass=1234&agent_user=1000&function=change_ingroups&value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+SALESLINE+-')));
      for (const r of replies) {
        expect(r.status).toBe(200);
        expect(r.body).toMatch(/^SUCCESS: change_ingroups/);
      }
      const rows = await db().selectFrom('vicidial_live_inbound_agents').select('group_id').where('user', '=', '1000').execute();
      expect(rows.map((r) => r.group_id).sort()).toEqual(['SALESLINE', 'TEST_IN']);
    });

    it('40,000 × é is cut to the TEXT column in bytes', async () => {
      const e = '%C3%A9'.repeat(40_000);
      const res = await bed.api(`source=test&user=6666&pass=1234&function=send_notification&recipient=1000&recipient_type=USER&notification_text=${e}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/^SUCCESS: notification queued/);
      const [row] = await db().selectFrom('vicidial_agent_notifications').select('notification_text').execute();
      expect(Buffer.byteLength(row.notification_text ?? '')).toBeLessThanOrEqual(65_535);
      expect(row.notification_text).toBe('é'.repeat(32_767));
      const upd = await bed.api(`source=test&user=6666&pass=1234&function=update_fields&agent_user=1000&comments=${e}`);
      expect(upd.status).toBe(200);
    });

    it('one error handler: an unexpected error is answered without its text', () => {
      const sent: { code?: number; body?: unknown } = {};
      const reply = { code(c: number) { sent.code = c; return reply; }, header() { return reply; }, send(b: unknown) { sent.body = b; return reply; } };
      const req = { url: '/agent/action', method: 'POST', log: { error: () => undefined, level: 'info' } };
      const err = Object.assign(new Error("ER_DUP_ENTRY: Duplicate entry '1000-TEST_IN' for key 'user' INSERT INTO vicidial_live_inbound_agents"), { code: 'ER_DUP_ENTRY' });
      errorHandler(err as unknown as FastifyError, req as unknown as FastifyRequest, reply as unknown as FastifyReply);
      expect(sent).toEqual({ code: 500, body: { error: 'internal error' } });
      const apiReq = { ...req, url: '/agc/api.php?function=x' };
      errorHandler(err as unknown as FastifyError, apiReq as unknown as FastifyRequest, reply as unknown as FastifyReply);
      expect(sent).toEqual({ code: 500, body: 'ERROR: internal error\n' });
    });
  });

  describe('simulation control surface (item 4)', () => {
    it('answers loopback clients only', async () => {
      const far = await bed.app.inject({ method: 'GET', url: '/sim/state', remoteAddress: '10.1.2.3' });
      expect(far.statusCode).toBe(403);
      expect(far.body).not.toContain('calls');
      expect((await bed.app.inject({ method: 'GET', url: '/sim/state', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    });

    it('refuses a text/plain (cross-origin, preflight-free) POST', async () => {
      const res = await bed.app.inject({ method: 'POST', url: '/sim/calls/V1/hangup', headers: { 'content-type': 'text/plain' }, payload: '{}' });
      expect(res.statusCode).toBe(415);
      const none = await bed.app.inject({ method: 'POST', url: '/sim/calls/V1/hangup' });
      expect(none.statusCode).toBe(415);
    });
  });

  describe('secrets in logs (item 5)', () => {
    it('a POSTed password with an encoded & is masked whole', async () => {
      await bed.api('', 'source=test&user=6666&pass=Zq9x%26S3cretPw&function=version');
      await bed.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' }, 'pass=Zq9x%26S3cretPw');
      for (const { url } of await db().selectFrom('vicidial_api_urls').select('url').execute()) expect(url).not.toContain('S3cret');
      expect(intake('', 'pass=Zq9x%26S3cretPw').queryString).toBe('GET-AND-POST=Y&pass=XXXXXXXX');
    });

    it('every spelling of the name is masked, in the request log too', () => {
      for (const q of ['pass=Se1cret', '%70ass=Se1cret', 'p%61ss=Se1cret', 'pass[]=Se1cret', 'pass%5B%5D=Se1cret', 'pass%5b0%5d=Se1cret', 'x=1&pass=Se1cret&pass=Se1cret']) {
        expect(maskPassword(q), q).not.toContain('Se1cret');
        expect(maskPassword(`/agc/api.php?${q}`), q).not.toContain('Se1cret');
      }
      const ser = requestLogger().serializers.req({ method: 'GET', url: '/agc/api.php?user=1&p%61ss=Se1cret', headers: {}, ip: '1.2.3.4' } as unknown as FastifyRequest);
      expect(JSON.stringify(ser)).not.toContain('Se1cret');
    });
  });

  describe('smaller holes (item 7)', () => {
    it('HEAD carries out nothing', async () => {
      const before = await db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
      const res = await bed.app.inject({ method: 'HEAD', url: '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000&function=external_pause&value=RESUME' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(await db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow()).toEqual(before);
      expect(await db().selectFrom('vicidial_api_log').select('api_id').execute()).toHaveLength(0);
    });

    it('a console token dies with a password change', async () => {
      const { token } = (await post('/supervisor/session', { user: '6666', pass: '1234' })).json();
      const agents = () => bed.app.inject({ method: 'GET', url: '/supervisor/agents', headers: { authorization: `Bearer ${token}` } });
      expect((await agents()).statusCode).toBe(200);
      await db().updateTable('vicidial_users').set({ pass: '5678' }).where('user', '=', '6666').execute();
      expect((await agents()).statusCode).toBe(401);
    });

    it('the screen gets a strict CSP that still frames configured pages, and no-frame headers', async () => {
      const res = await bed.app.inject({ method: 'GET', url: '/supervisor/functions' });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toMatch(/frame-src http: https:/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect((await bed.api({ function: 'version' })).headers['content-security-policy']).toBeUndefined();
    });
  });
});

describe('connection limits (item 7)', () => {
  it('caps connections per address and refuses over-long headers', async () => {
    const server = limitConnections(http.createServer({ maxHeaderSize: 128 * 1024 }, (_req, res) => res.end('ok')), 100, 3);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    const sockets = await Promise.all(Array.from({ length: 5 }, () => new Promise<net.Socket>((r) => { const s = net.connect(port, '127.0.0.1', () => r(s)); })));
    const closed = await Promise.all(sockets.map((s) => new Promise<boolean>((r) => { s.once('close', () => r(true)); setTimeout(() => r(false), 500); })));
    expect(closed.filter(Boolean)).toHaveLength(2);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const answer = await new Promise<string>((resolve) => {
      let got = '';
      const s = net.connect(port, '127.0.0.1', () => s.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(200_000)}\r\n\r\n`));
      s.on('data', (d) => { got += d.toString(); });
      s.on('error', () => undefined);
      s.on('close', () => resolve(got));
      setTimeout(() => { s.destroy(); }, 3000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    server.closeAllConnections();
    server.close();
  });
});
