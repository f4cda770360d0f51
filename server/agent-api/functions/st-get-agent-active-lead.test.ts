import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('st_get_agent_active_lead on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'st_get_agent_active_lead', ...params });
  const setLead = (lead_id: number, status: 'INCALL' | 'PAUSED' = 'INCALL') => bed.database.db.updateTable('vicidial_live_agents')
    .set({ lead_id, status, callerid: 'V1126120000000000001' }).where('user', '=', '1000').execute();

  it('shows the active lead of the agent with that CRM id (oracle stg.01)', async () => {
    await setLead(1);
    const res = await call({ value: 'CRM1000', vendor_id: '207' });
    expect(res.body).toBe('SUCCESS: st_get_agent_active_lead lead found - 1000|3125551001|1|VLC1001|Cook|PHRASE1|SRC1\n');
    // the log's function column is VARCHAR(20)
    expect(await logs()).toMatchObject([{ function: 'st_get_agent_active_', agent_user: '', value: 'CRM1000', result: 'SUCCESS',
      result_reason: 'st_get_agent_active_lead lead found', data: '1000|3125551001|1|VLC1001|Cook|PHRASE1|SRC1' }]);
  });

  it('finds the CRM id case-insensitively and echoes lead data as stored', async () => {
    await bed.database.db.updateTable('vicidial_list').set({ vendor_lead_code: "V'1\"", source_id: 'a|b', province: '' }).where('lead_id', '=', 2).execute();
    await setLead(2, 'PAUSED');
    expect((await call({ value: 'crm1000', vendor_id: 'x' })).body).toBe('SUCCESS: st_get_agent_active_lead lead found - 1000|3125551002|2|V\'1"|||a|b\n');
  });

  it('answers with empty fields when the lead row is gone', async () => {
    await setLead(777);
    expect((await call({ value: 'CRM1000', vendor_id: '207' })).body).toBe('SUCCESS: st_get_agent_active_lead lead found - 1000||777||||\n');
  });

  it('answers no active lead found without a lead (oracle stg.02)', async () => {
    expect((await call({ value: 'CRM1000', vendor_id: '207' })).body).toBe('ERROR: no active lead found - 1000\n');
    expect(await logs()).toMatchObject([{ result: 'ERROR', result_reason: 'no active lead found', data: '' }]);
  });

  it('answers user not logged in for a user without a session (oracle stg.03)', async () => {
    expect((await call({ value: 'CRM1002', vendor_id: '207' })).body).toBe('ERROR: user not logged in - 1002\n');
    expect(await logs()).toMatchObject([{ value: 'CRM1002', result: 'ERROR', result_reason: 'user not logged in', data: '' }]);
  });

  it('answers no user found for an unknown CRM id (oracle stg.04)', async () => {
    expect((await call({ value: 'CRM9', vendor_id: '207' })).body).toBe('ERROR: no user found - CRM9\n');
    expect((await call({ value: "CRM1000' OR '1'='1", vendor_id: '207' })).body).toBe('ERROR: no user found - CRM1000OR11\n');
  });

  it('answers not valid without value or vendor_id (oracle stg.05)', async () => {
    expect((await call({ value: 'CRM1000' })).body).toBe('ERROR: st_get_agent_active_lead not valid - CRM1000|\n');
    expect((await call({ vendor_id: '207' })).body).toBe('ERROR: st_get_agent_active_lead not valid - |207\n');
    expect(await logs()).toMatchObject([
      { value: 'CRM1000', result: 'ERROR', result_reason: 'st_get_agent_active_lead not valid', data: 'CRM1000|' },
      { value: '', data: '|207' },
    ]);
  });

  it('writes nothing but the log', async () => {
    await setLead(1);
    const before = await bed.database.db.selectFrom('vicidial_live_agents').selectAll().execute();
    await call({ value: 'CRM1000', vendor_id: '207' });
    expect(await bed.database.db.selectFrom('vicidial_live_agents').selectAll().execute()).toEqual(before);
  });

  it('checks the function permission after validity', async () => {
    expect((await call({ user: '6668', value: 'CRM1000', vendor_id: '207' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - CRM1000|6668|st_get_agent_active_lead|ADMIN\n');
    expect((await call({ user: '6668', value: 'CRM1000' })).body).toBe('ERROR: st_get_agent_active_lead not valid - CRM1000|\n');
  });
});
