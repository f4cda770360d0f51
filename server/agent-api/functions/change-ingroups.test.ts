import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('change_ingroups on %s', (dialect) => {
  const bed = useApiBed(dialect);
  beforeEach(async () => {
    // The oracle's 1000/SALESLINE row has calls_today_filtered 1 (conformance README).
    await db().updateTable('vicidial_inbound_group_agents').set({ calls_today_filtered: 1 }).where('user', '=', '1000').execute();
  });

  const db = () => bed.database.db;
  const agent = () => db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
  const inbound = () => db().selectFrom('vicidial_live_inbound_agents').selectAll().orderBy('group_id').execute();
  const logs = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute();
  const go = (q: string) => bed.api(`source=test&user=6666&pass=1234&agent_user=1000&function=change_ingroups&${q}`);
  const state = async () => ({
    agents: await db().selectFrom('vicidial_live_agents').selectAll().execute(), inbound: await inbound(),
    users: await db().selectFrom('vicidial_users').selectAll().execute(), admin: await db().selectFrom('vicidial_admin_log').selectAll().execute(),
  });
  /** Runs the request and checks nothing but the API log changed. */
  async function unchanged(run: () => Promise<{ body: string }>): Promise<string> {
    const before = await state();
    const { body } = await run();
    expect(await state()).toEqual(before);
    return body;
  }
  const groups = async () => (await inbound()).map((r) => r.group_id);

  it('replaces the selection and syncs the live in-group rows (oracle ci.01)', async () => {
    const old = '2026-11-26 05:00:00';
    await db().updateTable('vicidial_live_inbound_agents')
      .set({ last_call_time: old, last_call_finish: old, last_call_time_filtered: old, last_call_finish_filtered: old }).execute();
    const res = await go('value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+SALESLINE+-');
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN SALESLINE -|NO|\n');
    expect(await agent()).toMatchObject({ external_ingroups: ' TEST_IN SALESLINE -', external_blended: '0', external_igb_set_user: '6666', manager_ingroup_set: 'SET', closer_campaigns: ' TEST_IN -' });
    const [log] = await logs();
    expect(log).toMatchObject({ function: 'change_ingroups', agent_user: '1000', value: 'CHANGE', result: 'SUCCESS', result_reason: 'change_ingroups function set', data: ' TEST_IN SALESLINE -|NO|' });
    const now = log.api_date;
    const [sales, test] = await inbound();
    expect(sales).toMatchObject({ user: '1000', group_id: 'SALESLINE', group_weight: 5, calls_today: 3, group_grade: 2, calls_today_filtered: 1, daily_limit: 50,
      last_call_time: now, last_call_finish: now, last_call_time_filtered: now, last_call_finish_filtered: now });
    // an existing row without settings drops to the defaults; its times stay
    expect(test).toMatchObject({ group_id: 'TEST_IN', group_weight: 0, calls_today: 0, group_grade: 0, calls_today_filtered: 0, daily_limit: -1,
      last_call_time: old, last_call_finish: old, last_call_time_filtered: old, last_call_finish_filtered: old });
  });

  it('saves the choice as the default with blended=YES (oracle ci.02)', async () => {
    const res = await go('value=CHANGE&blended=YES&set_as_default=YES&ingroup_choices=+SALESLINE+-');
    expect(res.body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|YES|User settings set as default\n');
    expect((await logs())[0].data).toBe(' SALESLINE -|YES|User settings set as default');
    expect(await agent()).toMatchObject({ external_ingroups: ' SALESLINE -', external_blended: '1' });
    expect(await groups()).toEqual(['SALESLINE']);
    const user = await db().selectFrom('vicidial_users').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ closer_campaigns: ' SALESLINE -', closer_default_blended: '1' });
    const admin = await db().selectFrom('vicidial_admin_log').selectAll().execute();
    expect(admin).toMatchObject([{ user: '6666', ip_address: '127.0.0.1', event_section: 'USERS', event_type: 'MODIFY', record_id: '1000',
      event_code: 'API MODIFY USER', event_notes: '', user_group: '---ALL---' }]);
    expect(admin[0].event_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(admin[0].event_sql).toContain('closer_campaigns= SALESLINE -');
    expect(admin[0].event_sql).toContain('DELETE vicidial_live_inbound_agents TEST_IN');
  });

  it('ADD appends without duplicates (oracle ci.03, ci.04)', async () => {
    expect((await go('value=ADD&blended=NO&ingroup_choices=+SALESLINE+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN SALESLINE -|NO|\n');
    expect(await groups()).toEqual(['SALESLINE', 'TEST_IN']);
    await bed.reset();
    expect((await go('value=ADD&blended=NO&ingroup_choices=+TEST_IN+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN -|NO|\n');
    expect(await inbound()).toMatchObject([{ group_id: 'TEST_IN', group_grade: 0 }]);
  });

  it('REMOVE takes groups out; removing an unselected one changes no list (oracle ci.05, ci.06)', async () => {
    expect((await go('value=REMOVE&blended=NO&ingroup_choices=+TEST_IN+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| -|NO|\n');
    expect((await agent()).external_ingroups).toBe(' -');
    expect(await inbound()).toEqual([]);
    await bed.reset();
    expect((await go('value=REMOVE&blended=NO&ingroup_choices=+SALESLINE+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN -|NO|\n');
    expect(await groups()).toEqual(['TEST_IN']);
  });

  it('ADD and REMOVE work from the applied selection, not a pending one (oracle ci.23, ci.24)', async () => {
    await db().updateTable('vicidial_live_agents').set({ external_ingroups: ' TEST_IN SALESLINE -' }).where('user', '=', '1000').execute();
    expect((await go('value=REMOVE&blended=NO&ingroup_choices=+TEST_IN+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| -|NO|\n');
  });

  it('needs ingroup_choices for ADD and REMOVE (oracle ci.07)', async () => {
    expect(await unchanged(() => go('value=ADD&blended=NO'))).toBe('ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|ADD|\n');
    expect(await unchanged(() => go('value=REMOVE&blended=NO&close_window_link=1'))).toBe('ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|REMOVE|\n');
    expect((await logs())[0]).toMatchObject({ value: 'ADD', result: 'ERROR', result_reason: 'ingroup_choices are required for ADD and REMOVE values', data: 'ADD|' });
  });

  it('CHANGE without choices clears everything (oracle ci.08)', async () => {
    expect((await go('value=CHANGE&blended=NO')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000||NO|\n');
    expect((await agent()).external_ingroups).toBe('');
    expect(await inbound()).toEqual([]);
  });

  it('refuses an unknown in-group and accepts an inactive one (oracle ci.09, ci.21)', async () => {
    expect(await unchanged(() => go('value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+FAKE_IN+SALESLINE+-&close_window_link=1')))
      .toBe('ERROR: ingroup does not exist - 1000|FAKE_IN| TEST_IN FAKE_IN SALESLINE -\n');
    expect((await logs())[0]).toMatchObject({ result_reason: 'ingroup does not exist', data: 'FAKE_IN| TEST_IN FAKE_IN SALESLINE -' });
    expect((await go('value=ADD&blended=NO&ingroup_choices=+OLD_IN+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN OLD_IN -|NO|\n');
    expect(await inbound()).toMatchObject([{ group_id: 'OLD_IN', group_weight: 0, calls_today: 0, group_grade: 0, calls_today_filtered: 0, daily_limit: -1 }, { group_id: 'TEST_IN', group_grade: 0 }]);
  });

  it('answers not valid for a missing blended, a lower-case value, or a short agent (oracle ci.10, ci.11, ci.18, ci.22)', async () => {
    expect(await unchanged(() => go('value=CHANGE&ingroup_choices=+TEST_IN+-'))).toBe('ERROR: change_ingroups not valid - CHANGE|| TEST_IN -|1000\n');
    expect(await unchanged(() => go('value=CHANGE&blended=no&ingroup_choices=+TEST_IN+-'))).toBe('ERROR: change_ingroups not valid - CHANGE|| TEST_IN -|1000\n');
    expect(await unchanged(() => go('value=change&blended=NO&ingroup_choices=+TEST_IN+-'))).toBe('ERROR: change_ingroups not valid - |NO| TEST_IN -|1000\n');
    expect(await unchanged(() => bed.api({ function: 'change_ingroups', alt_user: 'CRM1000', value: 'CHANGE', blended: 'NO', ingroup_choices: ' TEST_IN -' })))
      .toBe('ERROR: change_ingroups not valid - CHANGE|NO| TEST_IN -|\n');
    expect(await unchanged(() => bed.api({ function: 'change_ingroups', agent_user: '1', value: 'CHANGE', blended: 'NO' }))).toBe('ERROR: change_ingroups not valid - CHANGE|NO||1\n');
    expect((await logs())[2]).toMatchObject({ value: '', result: 'ERROR', result_reason: 'change_ingroups not valid', data: '|NO| TEST_IN -' });
  });

  it('replaces for any other upper-case value (oracle ci.12)', async () => {
    expect((await go('value=BOGUS&blended=NO&ingroup_choices=+SALESLINE+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n');
    expect((await logs())[0].value).toBe('BOGUS');
  });

  it('needs change_agent_campaign on the API user (oracle ci.13)', async () => {
    expect(await unchanged(() => bed.api({ user: '6670', agent_user: '1000', function: 'change_ingroups', value: 'CHANGE', blended: 'NO', ingroup_choices: ' TEST_IN -' })))
      .toBe('ERROR: user is not allowed to change agent in-groups - 6670\n');
    expect((await logs())[0]).toMatchObject({ result_reason: 'user is not allowed to change agent in-groups', data: '' });
  });

  it('needs a campaign that allows inbound (oracle ci.14)', async () => {
    await db().updateTable('vicidial_campaigns').set({ campaign_allow_inbound: 'N' }).where('campaign_id', '=', 'TESTCAMP').execute();
    expect(await unchanged(() => go('value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+-'))).toBe('ERROR: campaign does not allow inbound calls - 1000\n');
  });

  it('refuses blended=YES in a manual campaign; blended=NO is fine (oracle ci.15, ci.16)', async () => {
    await db().updateTable('vicidial_campaigns').set({ dial_method: 'MANUAL' }).where('campaign_id', '=', 'TESTCAMP').execute();
    expect(await unchanged(() => go('value=CHANGE&blended=YES&ingroup_choices=+TEST_IN+-')))
      .toBe('ERROR: campaign dial_method does not allow outbound autodial - 1000|YES\n');
    expect((await logs())[0]).toMatchObject({ data: 'YES' });
    expect((await go('value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN -|NO|\n');
  });

  it('answers not logged in for an agent without a session (oracle ci.17)', async () => {
    expect(await unchanged(() => bed.api({ agent_user: '1002', function: 'change_ingroups', value: 'CHANGE', blended: 'NO', ingroup_choices: ' TEST_IN -' })))
      .toBe('ERROR: agent_user is not logged in - 1002\n');
  });

  it('skips the first token of a list without its leading space (oracle ci.19)', async () => {
    expect((await go('value=CHANGE&blended=NO&ingroup_choices=FAKE_IN+SALESLINE')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000|FAKE_IN SALESLINE|NO|\n');
    expect((await agent()).external_ingroups).toBe('FAKE_IN SALESLINE');
    expect(await groups()).toEqual(['SALESLINE']);
  });

  it('filters hostile characters out of the list (oracle ci.20)', async () => {
    expect(await unchanged(() => go("value=CHANGE&blended=NO&ingroup_choices=+TEST_IN%27%3B+OR+%271%27%3D%271+-")))
      .toBe('ERROR: ingroup does not exist - 1000|OR| TEST_IN OR 11 -\n');
    expect((await go('value=CHANGE&blended=NO&ingroup_choices=+TEST_IN%22%3B++SALESLINE+-')).body).toBe('SUCCESS: change_ingroups function set - 6666|1000| TEST_IN  SALESLINE -|NO|\n');
    expect(await groups()).toEqual(['SALESLINE', 'TEST_IN']);
  });

  it('checks the function permission after validity', async () => {
    await db().updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect(await unchanged(() => bed.api({ user: '6670', agent_user: '1000', function: 'change_ingroups', value: 'CHANGE', blended: 'NO' })))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - CHANGE|6670|change_ingroups|LIMITED\n');
    expect(await unchanged(() => bed.api({ user: '6670', agent_user: '1000', function: 'change_ingroups', value: 'CHANGE' })))
      .toBe('ERROR: change_ingroups not valid - CHANGE|||1000\n');
  });
});
