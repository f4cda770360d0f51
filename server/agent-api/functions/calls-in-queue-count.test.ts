import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

type Call = { campaign_id: string; status?: string; agent_only?: string };
type Email = { group_id: string; status: string };

describe.each(testDialects())('calls_in_queue_count on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'calls_in_queue_count', ...params });
  const count = async () => (await call({ agent_user: '1000', value: 'DISPLAY' })).body;
  const seed = (calls: Call[], emails: Email[] = []) => bed.reset({
    vicidial_auto_calls: calls.map((c, i) => ({ server_ip: '10.10.10.15', status: 'LIVE', callerid: `Y00000000000000000${i}`, ...c })),
    vicidial_email_list: emails,
  });
  const setCloser = (closer_campaigns: string) =>
    bed.database.db.updateTable('vicidial_live_agents').set({ closer_campaigns }).where('user', '=', '1000').execute();

  it('answers 0 without a newline and logs the whole line as reason (oracle cq.01)', async () => {
    const res = await call({ agent_user: '1000', value: 'DISPLAY' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: calls_in_queue_count - 0');
    expect(await logs()).toMatchObject([{ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY', result: 'SUCCESS', result_reason: 'SUCCESS: calls_in_queue_count - 0', data: '' }]);
  });

  it('counts LIVE calls of the campaign and the selected in-groups only (oracle cq.02)', async () => {
    await seed([
      { campaign_id: 'TESTCAMP' }, { campaign_id: 'TEST_IN' }, { campaign_id: 'TEST_IN' },
      { campaign_id: 'SALESLINE' }, { campaign_id: 'TEST_IN', status: 'XFER' }, { campaign_id: 'TESTCAMP', status: 'RINGING' },
      { campaign_id: 'MANCAMP' },
    ]);
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 3');
  });

  it('adds NEW and QUEUE emails of the selected in-groups (oracle cq.03)', async () => {
    await seed([{ campaign_id: 'TEST_IN' }], [
      { group_id: 'TEST_IN', status: 'NEW' }, { group_id: 'TEST_IN', status: 'QUEUE' }, { group_id: 'TEST_IN', status: 'DONE' },
      { group_id: 'SALESLINE', status: 'QUEUE' },
    ]);
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 3');
    await setCloser(' TEST_IN SALESLINE -');
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 4');
  });

  it('counts AGENTDIRECT calls only for the agent named in agent_only (oracle cq.04)', async () => {
    await seed([
      { campaign_id: 'AGENTDIRECT', agent_only: '1000' }, { campaign_id: 'AGENTDIRECT', agent_only: '1001' },
      { campaign_id: 'AGENTDIRECT_CHAT', agent_only: '1000' },
    ]);
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 0');
    await setCloser(' TEST_IN AGENTDIRECT -');
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 2');
    await setCloser(' agentdirect -');
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 2');
  });

  it('works with no selected in-groups (oracle cq.07)', async () => {
    await seed([{ campaign_id: 'TESTCAMP' }, { campaign_id: 'TEST_IN' }], [{ group_id: 'TEST_IN', status: 'NEW' }]);
    await setCloser('');
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 1');
  });

  it('treats in-group ids as data, never as SQL', async () => {
    await seed([{ campaign_id: 'TESTCAMP' }]);
    await setCloser(" TEST_IN') OR ('1'='1 x -");
    expect(await count()).toBe('SUCCESS: calls_in_queue_count - 1');
  });

  it('answers not valid unless value is exactly DISPLAY, or without an agent (oracle cq.05)', async () => {
    expect((await call({ agent_user: '1000', value: 'display' })).body).toBe('ERROR: calls_in_queue_count not valid - display|1000\n');
    expect((await call({ agent_user: '1000' })).body).toBe('ERROR: calls_in_queue_count not valid - |1000\n');
    expect((await call({ agent_user: '1000', value: "DISPLAY'" })).body).toBe('SUCCESS: calls_in_queue_count - 0');
    expect((await call({ value: 'DISPLAY' })).body).toBe('ERROR: calls_in_queue_count not valid - DISPLAY|\n');
    expect((await call({ value: 'DISPLAY', alt_user: 'C' })).body).toBe('ERROR: calls_in_queue_count not valid - DISPLAY|\n');
    expect((await logs())[0]).toMatchObject({ value: 'display', result: 'ERROR', result_reason: 'calls_in_queue_count not valid', data: '' });
  });

  it('answers not logged in for an agent without a session (oracle cq.06)', async () => {
    expect((await call({ agent_user: '1002', value: 'DISPLAY' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
  });

  it('resolves alt_user, and goes on after an unknown one', async () => {
    await seed([{ campaign_id: 'TESTCAMP' }]);
    expect((await call({ alt_user: 'CRM1000', value: 'DISPLAY' })).body).toBe('SUCCESS: calls_in_queue_count - 1');
    expect((await call({ alt_user: 'NOPE', value: 'DISPLAY' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
  });

  it('checks the function permission after validity', async () => {
    expect((await call({ user: '6668', agent_user: '1000', value: 'DISPLAY' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - DISPLAY|6668|calls_in_queue_count|ADMIN\n');
    expect((await call({ user: '6668', agent_user: '1000', value: 'x' })).body).toBe('ERROR: calls_in_queue_count not valid - x|1000\n');
  });
});
