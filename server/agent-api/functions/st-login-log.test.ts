import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('st_login_log on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const users = () => bed.database.db.selectFrom('vicidial_users').select(['user', 'custom_three', 'custom_four']).orderBy('user').execute();
  const customFour = async (user: string) => (await users()).find((u) => u.user === user)?.custom_four;
  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'st_login_log', ...params });
  async function unchanged(params: Record<string, string>): Promise<string> {
    const before = await users();
    const res = await call(params);
    expect(await users()).toEqual(before);
    return res.body;
  }

  it('stamps the team id on the user with that CRM id (oracle stl.01)', async () => {
    expect((await call({ value: 'CRM1000', vendor_id: '207' })).body).toBe('SUCCESS: st_login_log user found - 1000\n');
    expect(await customFour('1000')).toBe('207');
    expect(await logs()).toMatchObject([{ function: 'st_login_log', agent_user: '', value: 'CRM1000', result: 'SUCCESS', result_reason: 'st_login_log user found', data: '1000' }]);
  });

  it('matches case-insensitively (oracle stl.05) and takes the lowest user of duplicates (oracle stl.06)', async () => {
    expect((await call({ value: 'crm1000', vendor_id: 'T2' })).body).toBe('SUCCESS: st_login_log user found - 1000\n');
    expect(await customFour('1000')).toBe('T2');
    await bed.database.db.updateTable('vicidial_users').set({ custom_three: 'DUP' }).where('user', 'in', ['1002', '1001']).execute();
    expect((await call({ value: 'DUP', vendor_id: 'T3' })).body).toBe('SUCCESS: st_login_log user found - 1001\n');
    expect(await customFour('1001')).toBe('T3');
    expect(await customFour('1002')).toBe('');
  });

  it('answers no user found for an unknown CRM id (oracle stl.02)', async () => {
    expect(await unchanged({ value: 'CRM9999', vendor_id: '207' })).toBe('ERROR: no user found - CRM9999\n');
    expect(await logs()).toMatchObject([{ value: 'CRM9999', result: 'ERROR', result_reason: 'no user found', data: '' }]);
  });

  it('answers not valid without value or vendor_id (oracle stl.03)', async () => {
    expect(await unchanged({ value: 'CRM1000' })).toBe('ERROR: st_login_log not valid - CRM1000|\n');
    expect(await unchanged({ vendor_id: '207' })).toBe('ERROR: st_login_log not valid - |207\n');
    expect(await unchanged({ value: ';#', vendor_id: ';#' })).toBe('ERROR: st_login_log not valid - |\n');
    expect(await logs()).toMatchObject([
      { value: 'CRM1000', result: 'ERROR', result_reason: 'st_login_log not valid', data: 'CRM1000|' },
      { value: '', data: '|207' }, { value: '', data: '|' },
    ]);
  });

  it('stores quotes in vendor_id as data (decisions.md; the real UPDATE broke: oracle stl.04)', async () => {
    expect((await call({ value: 'CRM1000', vendor_id: "T'1\" OR 1=1;#--" })).body).toBe('SUCCESS: st_login_log user found - 1000\n');
    expect(await customFour('1000')).toBe("T'1\" OR 1=1--");
    expect(await customFour('1001')).toBe('');
  });

  it('cuts an over-long vendor_id to the column and never needs agent_user', async () => {
    expect((await call({ value: 'CRM1001', vendor_id: 'V'.repeat(150), agent_user: '9999' })).body).toBe('SUCCESS: st_login_log user found - 1001\n');
    expect(await customFour('1001')).toBe('V'.repeat(100));
  });

  it('filters the CRM id: a quote cannot widen the match', async () => {
    expect(await unchanged({ value: "x' OR '1'='1", vendor_id: '207' })).toBe('ERROR: no user found - xOR11\n');
  });

  it('checks the function permission after validity', async () => {
    expect(await unchanged({ user: '6668', value: 'CRM1000', vendor_id: '207' }))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - CRM1000|6668|st_login_log|ADMIN\n');
    expect(await unchanged({ user: '6668', value: 'CRM1000' })).toBe('ERROR: st_login_log not valid - CRM1000|\n');
  });
});
