import { beforeEach, describe, expect, it } from 'vitest';
import { queryOf, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('refresh_panel on %s', (dialect) => {
  let before: unknown;
  const bed = useApiBed(dialect);
  beforeEach(async () => { before = await agent(); });

  const db = () => bed.database.db;
  const agent = () => db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').executeTakeFirstOrThrow();
  const untouched = async () => expect(await agent()).toEqual(before);

  it('sets the reload flag with the panels, in their fixed order (rp.01)', async () => {
    const res = await bed.api({ agent_user: '1000', function: 'refresh_panel', callbacksreload: '1', scriptreload: '1', script2reload: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|scriptreload,script2reload,callbacksreload|\n');
    const a = await agent();
    expect(a.external_update_fields).toBe('1');
    expect(a.external_update_fields_data).toBe('scriptreload,script2reload,callbacksreload');
    expect(a.last_update_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await lastLog()).toMatchObject({
      user: '6666', function: 'refresh_panel', agent_user: '1000', value: '', result: 'SUCCESS',
      result_reason: 'refresh_panel request sent', data: '6666|1000|1|scriptreload,script2reload,callbacksreload|',
    });
  });

  it('reloads every panel, and emailreload/chatreload alone (rp.03)', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', emailreload: '1', chatreload: '1' })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|emailreload,chatreload|\n');
    const all = { formreload: 'x', scriptreload: 'x', script2reload: 'x', emailreload: 'x', chatreload: 'x', callbacksreload: 'x' };
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', ...all })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|formreload,scriptreload,script2reload,emailreload,chatreload,callbacksreload|\n');
    expect((await agent()).external_update_fields_data).toBe('formreload,scriptreload,script2reload,emailreload,chatreload,callbacksreload');
  });

  it('finds a panel name anywhere in the query, any case, whatever the value (rp.07, rp.08)', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', value: 'scriptreload' })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|scriptreload|\n');
    expect((await lastLog())).toMatchObject({ value: 'scriptreload', data: '6666|1000|1|scriptreload|' });
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', scriptreload: '0' })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|scriptreload|\n');
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', FORMRELOAD: '1' })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|formreload|\n');
  });

  it('works by POST as well', async () => {
    const res = await bed.api('', queryOf({ agent_user: '1000', function: 'refresh_panel', chatreload: '1' }));
    expect(res.body).toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|chatreload|\n');
  });

  it('answers no panels when none is named (rp.04)', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', reload: 'form' })).body)
      .toBe('ERROR: no panels have been defined - 1000\n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'no panels have been defined', agent_user: '1000', data: '' });
    await untouched();
  });

  it('answers not valid without agent_user, and ignores alt_user (rp.06)', async () => {
    expect((await bed.api({ function: 'refresh_panel', scriptreload: '1' })).body).toBe('ERROR: agent_user not valid - \n');
    expect((await bed.api({ alt_user: 'CRM1000', function: 'refresh_panel', scriptreload: '1' })).body).toBe('ERROR: agent_user not valid - \n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'agent_user not valid', agent_user: '' });
    await untouched();
  });

  it('answers not logged in before looking for panels (rp.05)', async () => {
    expect((await bed.api({ agent_user: '1002', function: 'refresh_panel', scriptreload: '1' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await bed.api({ agent_user: '1002', function: 'refresh_panel' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await untouched();
  });

  it('checks the function permission after validity', async () => {
    expect((await bed.api({ user: '6668', agent_user: '1000', function: 'refresh_panel', scriptreload: '1' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - |6668|refresh_panel|ADMIN\n');
    expect((await bed.api({ user: '6668', function: 'refresh_panel', scriptreload: '1' })).body).toBe('ERROR: agent_user not valid - \n');
    await untouched();
  });

  it('filters a hostile agent_user and matches nothing with it', async () => {
    expect((await bed.api({ agent_user: "1000' OR 'x'='x", function: 'refresh_panel', scriptreload: '1' })).body)
      .toBe('ERROR: agent_user is not logged in - 1000ORxx\n');
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', scriptreload: "1'; DROP TABLE vicidial_live_agents; --" })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|scriptreload|\n');
    expect((await agent()).external_update_fields_data).toBe('scriptreload');
  });

  it('appends the close-window link when asked (no exit)', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'refresh_panel', chatreload: '1', close_window_link: '1' })).body)
      .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|chatreload|\n\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n');
  });
});
