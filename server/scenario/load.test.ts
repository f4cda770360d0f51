// Scenario files: the demo loads, columns left out take defaults, generators make many rows,
// plain passwords are hashed when hashing is on, and a malformed file is refused with the
// file, the path inside it and what is wrong, changing nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { closeTestDatabases, freshDatabase, testDialects } from '../test/databases.js';
import { clearAllTables, loadScenario, parseScenarioText, readScenarioFile, ScenarioError } from './load.js';
import { vicidialPassHash } from '../agent-api/password.js';

const DEMO = fileURLToPath(new URL('../../scenarios/demo.yaml', import.meta.url));

describe.each(testDialects())('scenario files on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => { database = await freshDatabase(dialect); });
  beforeEach(async () => { await clearAllTables(database); });
  afterAll(async () => { await closeTestDatabases(); });
  const count = async (table: 'vicidial_list' | 'vicidial_users') =>
    Number((await database.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  it('loads the demo centre: API user, 20 agents, campaigns, in-groups, at least 1,000 leads', async () => {
    await loadScenario(database, readScenarioFile(DEMO), DEMO);
    const users = await database.db.selectFrom('vicidial_users').select(['user', 'vdc_agent_api_access']).execute();
    expect(users.find((u) => u.user === '6666')?.vdc_agent_api_access).toBe('1');
    expect(users.filter((u) => /^10(0\d|1\d)$/.test(u.user))).toHaveLength(20);
    expect((await database.db.selectFrom('vicidial_campaigns').select('campaign_id').execute()).map((c) => c.campaign_id)).toContain('TESTCAMP');
    expect((await database.db.selectFrom('vicidial_inbound_groups').select('group_id').execute()).map((g) => g.group_id)).toEqual(expect.arrayContaining(['TEST_IN', 'SALESLINE']));
    expect(await count('vicidial_list')).toBeGreaterThanOrEqual(1000);
    const lead = await database.db.selectFrom('vicidial_list').selectAll().where('vendor_lead_code', '=', 'VLC00002').executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ phone_number: '3125550002', first_name: 'Bruno', city: 'Springfield', status: 'NEW' });
  });

  it('gives left-out columns their defaults, replaces the tables it names and sets auto ids', async () => {
    await loadScenario(database, { vicidial_users: [{ user: '7000', pass: 'x1' }], auto_increment: { vicidial_list: 500 } });
    await loadScenario(database, { vicidial_users: [{ user: '7001', pass: 'x2' }], vicidial_list: [{ phone_number: '5551234' }] });
    const users = await database.db.selectFrom('vicidial_users').selectAll().execute();
    expect(users.map((u) => u.user)).toEqual(['7001']);
    expect(users[0]).toMatchObject({ user_level: 1, active: 'Y', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '0' });
    expect((await database.db.selectFrom('vicidial_list').select('lead_id').executeTakeFirstOrThrow()).lead_id).toBe(500);
  });

  it('hashes plain passwords when pass_hash_enabled is on', async () => {
    await loadScenario(database, {
      system_settings: [{ pass_hash_enabled: '1', pass_key: 'ABCDEFGHIJKLMNOP', pass_cost: 5 }],
      vicidial_users: [{ user: '7000', pass: 'secret1' }],
    });
    const row = await database.db.selectFrom('vicidial_users').select(['pass', 'pass_hash']).executeTakeFirstOrThrow();
    expect(row.pass).toBe('');
    expect(row.pass_hash).toBe(vicidialPassHash('secret1', 'ABCDEFGHIJKLMNOP', 5));
    expect(row.pass_hash).toHaveLength(31);
  });

  it.each([
    [{ vicidial_userz: [] }, 'vicidial_userz', 'unknown table "vicidial_userz"'],
    [{ vicidial_users: [{ user: '1', shoe_size: 9 }] }, 'vicidial_users[0].shoe_size', 'unknown column "shoe_size" of table vicidial_users'],
    [{ vicidial_users: [{ user: '1' }, { user: '2', user_level: 'nine' }] }, 'vicidial_users[1].user_level', 'expected an integer, got "nine"'],
    [{ vicidial_users: [{ user: '1', active: 'maybe' }] }, 'vicidial_users[0].active', "expected one of 'Y', 'N', got 'maybe'"],
    [{ vicidial_users: [{ user: 'x'.repeat(21) }] }, 'vicidial_users[0].user', 'longer than 20 characters'],
    [{ vicidial_users: { user: '1' } }, 'vicidial_users', 'expected a list of rows'],
    [{ generate: { vicidial_list: [{ count: -1, row: {} }] } }, 'generate.vicidial_list[0].count', 'expected an integer from 0 to 1000000'],
  ])('refuses %j at %s, changing nothing', async (doc, path, problem) => {
    await loadScenario(database, { vicidial_users: [{ user: '7000' }] });
    const err = await loadScenario(database, { vicidial_list: [{ phone_number: '1' }], ...doc }, 'bad.yaml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).message).toBe(`bad.yaml: ${path}: ${problem}`);
    expect(await count('vicidial_list')).toBe(0);
    expect((await database.db.selectFrom('vicidial_users').select('user').execute()).map((u) => u.user)).toEqual(['7000']);
  });

  it('refuses a file that is not YAML, naming the file', () => {
    expect(() => parseScenarioText('vicidial_users: [ {', 'broken.yaml')).toThrow(/^broken\.yaml: \(file\): not valid YAML/);
  });
});
