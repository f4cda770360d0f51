// Source check, authentication, lockout, hashing, IP lists, [P], and the log rows they
// write (api-reference.md §1.5, §1.6, §1.7; decisions.md's secret-free failure line).
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';
import { formatDateTime } from '../clock.js';
import { vicidialPassHash } from './password.js';

const FAIL = (user: string, auth: number, api: number, msg: string) => `ERROR: Invalid Username/Password: |${user}||${auth}|${api}|${msg}|\n`;
const PAUSE = { agent_user: '1000', function: 'external_pause', value: 'PAUSE' };
const OK = /^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/;
const minutesAgo = (m: number) => formatDateTime(new Date(Date.now() - m * 60_000));

/** bcrypt-base64 (./A-Za-z0-9) computed from standard base64, independently of password.ts. */
function independentHash(password: string, key: string, cost: number): string {
  const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bc = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const salt = [...Buffer.from(key, 'latin1').toString('base64').replace(/=+$/, '')].map((c) => bc[std.indexOf(c)]).join('');
  expect(salt).toHaveLength(22);
  return bcrypt.hashSync(password, `$2a$${String(cost).padStart(2, '0')}$${salt}`).substring(29);
}

describe.each(testDialects())('authentication on %s', (dialect) => {
  let bed: TestBed;
  beforeAll(async () => { bed = await createTestBed(dialect); });
  beforeEach(async () => { await bed.reset(); });
  afterAll(async () => { await bed.close(); await closeTestDatabases(); });

  const db = () => bed.database.db;
  const userRow = (user = '6666') => db().selectFrom('vicidial_users').selectAll().where('user', '=', user).executeTakeFirstOrThrow();
  const setUser = (set: Record<string, unknown>, user = '6666') => db().updateTable('vicidial_users').set(set).where('user', '=', user).execute();
  const setSettings = (set: Record<string, unknown>) => db().updateTable('system_settings').set(set).execute();
  const logs = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute();
  const urls = () => db().selectFrom('vicidial_api_urls').selectAll().orderBy('api_id').execute();
  const allUsers = () => db().selectFrom('vicidial_users').selectAll().orderBy('user').execute();

  it('refuses a missing or short source before looking at credentials', async () => {
    expect((await bed.api({ ...PAUSE, source: '' })).body).toBe('ERROR: Invalid Source - \n');
    expect((await bed.api({ ...PAUSE, source: 'a' })).body).toBe('ERROR: Invalid Source - a\n');
    expect((await bed.api({ ...PAUSE, source: '<b>', pass: 'wrong' })).body).toBe('ERROR: Invalid Source - b\n');
    expect((await userRow()).failed_login_count).toBe(0);
    const log = (await logs())[2];
    expect(log).toMatchObject({ user: '6666', function: 'external_pause', result: 'ERROR', result_reason: 'Invalid Source', source: 'b', value: 'PAUSE', agent_user: '1000' });
  });

  it('missing user or pass: the secret-free failure line', async () => {
    expect((await bed.api({ ...PAUSE, user: '' })).body).toBe(FAIL('', 0, 0, 'BAD'));
    expect((await bed.api('source=test&function=external_pause')).body).toBe(FAIL('', 0, 0, 'BAD'));
    expect((await bed.api({ ...PAUSE, pass: '' })).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    expect((await userRow()).failed_login_count).toBe(1);
  });

  it('a short user or pass fails even when the account matches', async () => {
    await setUser({ pass: '1' });
    expect((await bed.api({ ...PAUSE, pass: '1' })).body).toBe(FAIL('6666', 1, 1, 'GOOD'));
  });

  it('an unknown user writes nothing but the log row', async () => {
    const before = await allUsers();
    expect((await bed.api({ ...PAUSE, user: '9999' })).body).toBe(FAIL('9999', 0, 0, 'BAD'));
    expect(await allUsers()).toEqual(before);
    expect((await logs())[0]).toMatchObject({ user: '9999', result: 'ERROR', result_reason: 'Invalid Username/Password', data: '9999||0|0|BAD|' });
  });

  it('a wrong password counts 0 → 1 with 01cBAD and the IP', async () => {
    expect((await bed.api({ ...PAUSE, pass: 'nope' })).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    expect(await userRow()).toMatchObject({ failed_login_count: 1, failed_login_attempts_today: 1, failed_login_count_today: 1, failed_last_ip_today: '127.0.0.1', failed_last_type_today: '01cBAD' });
  });

  it('9 → 10, then LOCK for the correct password too, count unchanged', async () => {
    await setUser({ failed_login_count: 9, last_login_date: minutesAgo(1) });
    expect((await bed.api({ ...PAUSE, pass: 'nope' })).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    expect(await userRow()).toMatchObject({ failed_login_count: 10, failed_login_count_today: 1, failed_last_type_today: '01cBAD' });
    expect((await bed.api(PAUSE)).body).toBe(FAIL('6666', 0, 1, 'LOCK'));
    expect((await bed.api({ ...PAUSE, pass: 'nope' })).body).toBe(FAIL('6666', 0, 1, 'LOCK'));
    expect(await userRow()).toMatchObject({ failed_login_count: 10, failed_login_attempts_today: 3, failed_login_count_today: 1, failed_last_type_today: '03cLOCK' });
  });

  it('the lock holds at 14 minutes and is over after 15', async () => {
    await setUser({ failed_login_count: 12, last_login_date: minutesAgo(14) });
    expect((await bed.api(PAUSE)).body).toBe(FAIL('6666', 0, 1, 'LOCK'));
    await setUser({ last_login_date: minutesAgo(16) });
    expect((await bed.api(PAUSE)).body).toMatch(OK);
    // A successful API login resets nothing (oracle gen.lock1).
    expect(await userRow()).toMatchObject({ failed_login_count: 12, failed_last_type_today: '03cLOCK' });
  });

  it('a wrong password after the lock window resets the count to 1 with 02cBAD', async () => {
    await setUser({ failed_login_count: 10, last_login_date: '2020-01-01 00:00:00' });
    expect((await bed.api({ ...PAUSE, pass: 'nope' })).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    const row = await userRow();
    expect(row).toMatchObject({ failed_login_count: 1, failed_login_attempts_today: 1, failed_login_count_today: 1, failed_last_type_today: '02cBAD', failed_last_ip_today: '127.0.0.1' });
    expect(Math.abs(new Date(String(row.last_login_date).replace(' ', 'T')).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('an inactive user counts as a failure', async () => {
    expect((await bed.api({ ...PAUSE, user: '6669' })).body).toBe(FAIL('6669', 0, 1, 'BAD'));
    expect(await userRow('6669')).toMatchObject({ failed_login_count: 1, failed_last_type_today: '01cBAD' });
  });

  it('no API access: |6667||1|0|GOOD| and no counter moves', async () => {
    expect((await bed.api({ ...PAUSE, user: '6667' })).body).toBe(FAIL('6667', 1, 0, 'GOOD'));
    expect(await userRow('6667')).toMatchObject({ failed_login_count: 0, failed_login_attempts_today: 0, failed_last_type_today: '' });
  });

  it('no active Asterisk server: ERRSERVERS, 04cERRSERVERS', async () => {
    await db().updateTable('servers').set({ active_asterisk_server: 'N' }).execute();
    expect((await bed.api(PAUSE)).body).toBe(FAIL('6666', 0, 1, 'ERRSERVERS'));
    expect(await userRow()).toMatchObject({ failed_login_count: 0, failed_login_attempts_today: 1, failed_last_type_today: '04cERRSERVERS' });
  });

  describe('IP lists', () => {
    const entries = (list: string, ...ips: string[]) => db().insertInto('vicidial_ip_list_entries').values(ips.map((ip_address) => ({ ip_list_id: list, ip_address }))).execute();
    const blocked = FAIL('6666', 0, 1, 'IPBLOCK');

    it('system blacklist: exact and class-C entries block; others do not; off when allow_ip_lists=0', async () => {
      await setSettings({ system_ip_blacklist: 'BL' });
      await entries('BL', '127.0.0.1');
      expect((await bed.api(PAUSE)).body).toMatch(OK);
      await setSettings({ allow_ip_lists: '1' });
      expect((await bed.api(PAUSE)).body).toBe(blocked);
      expect(await userRow()).toMatchObject({ failed_login_count: 0, failed_login_attempts_today: 1, failed_last_type_today: '04cIPBLOCK' });
      await db().deleteFrom('vicidial_ip_list_entries').execute();
      await entries('BL', '127.0.0.2', '127.0.1.x');
      expect((await bed.api(PAUSE)).body).toMatch(OK);
      await entries('BL', '127.0.0.x');
      expect((await bed.api(PAUSE)).body).toBe(blocked);
      await setUser({ ignore_ip_list: '1' });
      expect((await bed.api(PAUSE)).body).toMatch(OK);
    });

    it('an IPv4 client of a dual-stack listener (::ffff:a.b.c.d) is matched and logged as a.b.c.d', async () => {
      await setSettings({ allow_ip_lists: '1', system_ip_blacklist: 'BL' });
      await entries('BL', '127.0.0.1');
      const res = await bed.app.inject({ method: 'GET', url: `/agc/api.php?source=test&user=6666&pass=1234&function=external_pause&agent_user=1000&value=PAUSE`, headers: { host: '127.0.0.1:8089' }, remoteAddress: '::ffff:127.0.0.1' });
      expect(res.body).toBe(blocked);
      expect((await urls())[0].remote_ip).toBe('127.0.0.1');
    });

    it("user group's api_ip_list: only listed IPs (exact or class C) pass", async () => {
      await setSettings({ allow_ip_lists: '1' });
      await db().updateTable('vicidial_user_groups').set({ api_ip_list: 'WL', agent_ip_list: 'OTHER' }).where('user_group', '=', 'ADMIN').execute();
      await entries('WL', '10.0.0.1', '127.0.1.x');
      await entries('OTHER', '127.0.0.1');
      expect((await bed.api(PAUSE)).body).toBe(blocked);
      await entries('WL', '127.0.0.x');
      expect((await bed.api(PAUSE)).body).toMatch(OK);
      await db().deleteFrom('vicidial_ip_list_entries').where('ip_address', '=', '127.0.0.x').execute();
      await entries('WL', '127.0.0.1');
      expect((await bed.api(PAUSE)).body).toMatch(OK);
      await db().deleteFrom('vicidial_ip_list_entries').where('ip_list_id', '=', 'WL').execute();
      expect((await bed.api(PAUSE)).body).toBe(blocked);
      await setUser({ ignore_ip_list: '1' });
      expect((await bed.api(PAUSE)).body).toMatch(OK);
    });
  });

  it('System API NOT ACTIVE after good credentials, logged', async () => {
    await setSettings({ vdc_agent_api_active: '0' });
    expect((await bed.api(PAUSE)).body).toBe('ERROR: System API NOT ACTIVE\n');
    expect((await bed.api({ ...PAUSE, pass: 'x1' })).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'System API NOT ACTIVE', data: '' });
  });

  it('pass_hash_enabled=1: bcrypt $2a$ with the pass_key salt, hash part only; a change works at once', async () => {
    const key = 'Ab3dEf6hIj9lMn0p';
    const cost = 5;
    const hash = independentHash('1234', key, cost);
    expect(hash).toHaveLength(31);
    expect(vicidialPassHash('1234', key, cost)).toBe(hash);
    await setSettings({ pass_hash_enabled: '1', pass_key: key, pass_cost: cost });
    await setUser({ pass: '', pass_hash: hash });
    expect((await bed.api(PAUSE)).body).toMatch(OK);
    expect((await bed.api({ ...PAUSE, pass: 'XXXXXXXX' })).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    await setUser({ pass_hash: independentHash('n3w.Pass', key, cost) });
    expect((await bed.api(PAUSE)).body).toBe(FAIL('6666', 0, 1, 'BAD'));
    expect((await bed.api({ ...PAUSE, pass: 'n3w.Pass' })).body).toMatch(OK);
    // The plain pass column is not what is compared in hash mode.
    await setUser({ pass: '1234', pass_hash: '' });
    expect((await bed.api(PAUSE)).body).toBe(FAIL('6666', 0, 1, 'BAD'));
  });

  it('[P]: the permission line for a normal function and for webserver', async () => {
    expect((await bed.api({ user: '6668', agent_user: '1000', function: 'external_hangup', value: '1' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n');
    expect((await bed.api({ user: '6668', function: 'webserver' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 6668|webserver|ADMIN\n');
    expect((await logs()).map((l) => [l.function, l.result, l.result_reason])).toEqual([
      ['external_hangup', 'ERROR', 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION'],
      ['webserver', 'ERROR', 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION'],
    ]);
  });

  it('log rows: api_log columns, api_urls with pass=XXXXXXXX, webserver and url rows reused', async () => {
    await bed.api({ ...PAUSE, pass: 'Wrong9' });
    await bed.api(PAUSE);
    const [bad, good] = await logs();
    expect(bad).toMatchObject({ user: '6666', agent_user: '1000', function: 'external_pause', value: 'PAUSE', result: 'ERROR', result_reason: 'Invalid Username/Password', source: 'test', data: '6666||0|1|BAD|', api_script: 'agent' });
    expect(good).toMatchObject({ result: 'SUCCESS', webserver: bad.webserver, api_url: bad.api_url });
    expect(String(bad.api_date)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Number(bad.run_time)).toBeGreaterThanOrEqual(0);
    const [u1, u2] = await urls();
    expect(u1).toMatchObject({ api_id: bad.api_id, remote_ip: '127.0.0.1', url: 'http://127.0.0.1:8089/agc/api.php?source=test&user=6666&pass=XXXXXXXX&agent_user=1000&function=external_pause&value=PAUSE' });
    expect(u2.api_id).toBe(good.api_id);
    expect(await db().selectFrom('vicidial_webservers').selectAll().execute()).toEqual([{ webserver_id: bad.webserver, webserver: '127.0.0.1', hostname: 'testhost' }]);
    expect(await db().selectFrom('vicidial_urls').selectAll().execute()).toEqual([{ url_id: bad.api_url, url: 'http://127.0.0.1:8089/agc/api.php' }]);
  });

  it('the password never appears in a body or a log row, however it is sent', async () => {
    const secret = 'S3cr3tPw';
    const wrong = 'Wr0ngPw9';
    await setUser({ pass: secret });
    const bodies = [
      (await bed.api({ ...PAUSE, pass: secret })).body,
      (await bed.api({ ...PAUSE, pass: wrong })).body,
      (await bed.api(`source=test&user=6666&%70ass=${secret}&function=version`)).body,
      (await bed.api(`source=test&user=6666&pass[]=${secret}&agent_user=1000&function=external_pause&value=PAUSE`)).body,
      (await bed.api('function=external_pause&agent_user=1000&value=PAUSE', `source=test&user=6666&pass=${wrong}`)).body,
      (await bed.api('', `source=test&user=6666&pass=${secret}&function=external_pause&agent_user=1000&value=PAUSE`)).body,
    ];
    expect(bodies[0]).toMatch(OK);
    expect(bodies[3]).toMatch(OK);
    expect(bodies[5]).toMatch(OK);
    const dump = JSON.stringify([bodies, await logs(), await urls()]);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(wrong);
    expect((await urls())[5].url).toBe('http://127.0.0.1:8089/agc/api.php?GET-AND-POST=Y&source=test&user=6666&pass=XXXXXXXX&function=external_pause&agent_user=1000&value=PAUSE');
  });
});
