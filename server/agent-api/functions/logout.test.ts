import { describe, expect, it } from 'vitest';
import { apiLogRows, liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('logout on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'logout', ...params });
  async function unchanged(params: Record<string, string>): Promise<string> {
    const before = await agent();
    const res = await call(params);
    expect(await agent()).toEqual(before);
    return res.body;
  }

  it('stores LOGOUT without the epoch the reply shows (oracle lo.01)', async () => {
    const res = await call({ agent_user: '1000', value: 'LOGOUT' });
    const m = /^SUCCESS: logout function set - LOGOUT\|(\d+)\|1000\n$/.exec(res.body);
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m![1]) - Date.now() / 1000)).toBeLessThan(60);
    expect((await agent()).external_pause).toBe('LOGOUT');
    expect(await logs()).toMatchObject([{ function: 'logout', agent_user: '1000', value: 'LOGOUT', result: 'SUCCESS', result_reason: 'logout function set', data: m![1] }]);
  });

  it('accepts a value containing LOGOUT and stores it as sent (oracle lo.03)', async () => {
    expect((await call({ agent_user: '1000', value: 'LOGOUTNOW' })).body).toMatch(/^SUCCESS: logout function set - LOGOUTNOW\|\d+\|1000\n$/);
    expect((await agent()).external_pause).toBe('LOGOUTNOW');
  });

  it('is accepted during a call', async () => {
    await bed.database.db.updateTable('vicidial_live_agents').set({ status: 'INCALL', lead_id: 1 }).where('user', '=', '1000').execute();
    expect((await call({ agent_user: '1000', value: 'LOGOUT' })).body).toMatch(/^SUCCESS: logout function set - LOGOUT\|\d+\|1000\n$/);
  });

  it('answers not valid for a missing, lower-case or unrelated value, or no agent (oracle lo.04, lo.05)', async () => {
    expect(await unchanged({ agent_user: '1000' })).toBe('ERROR: logout not valid - |1000\n');
    expect(await unchanged({ agent_user: '1000', value: 'logout' })).toBe('ERROR: logout not valid - logout|1000\n');
    expect(await unchanged({ agent_user: '1000', value: 'PAUSE' })).toBe('ERROR: logout not valid - PAUSE|1000\n');
    expect(await unchanged({ value: 'LOGOUT' })).toBe('ERROR: logout not valid - LOGOUT|\n');
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'logout not valid', value: '', data: '' });
  });

  it('answers not logged in for an agent without a session (oracle lo.06)', async () => {
    expect(await unchanged({ agent_user: '1002', value: 'LOGOUT' })).toBe('ERROR: agent_user is not logged in - 1002\n');
  });

  it('resolves alt_user (oracle lo.07); a 1-character alt_user passes validity but is not looked up', async () => {
    expect((await call({ value: 'LOGOUT', alt_user: 'CRM1000' })).body).toMatch(/^SUCCESS: logout function set - LOGOUT\|\d+\|1000\n$/);
    expect((await agent()).external_pause).toBe('LOGOUT');
    await bed.reset();
    expect(await unchanged({ value: 'LOGOUT', alt_user: 'C' })).toBe('ERROR: agent_user is not logged in - \n');
    expect(await unchanged({ value: 'LOGOUT', alt_user: 'NOPE' })).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
  });

  it('filters hostile input and cuts the stored value to 20 characters', async () => {
    expect(await unchanged({ agent_user: "1000';DROP TABLE x", value: 'LOGOUT' })).toBe('ERROR: agent_user is not logged in - 1000DROPTABLEx\n');
    const long = `LOGOUT${'Z'.repeat(300)}`;
    expect((await call({ agent_user: '1000', value: `${long}'";` })).body).toMatch(new RegExp(`^SUCCESS: logout function set - ${long}\\|\\d+\\|1000\\n$`));
    expect((await agent()).external_pause).toBe(long.slice(0, 20));
  });

  it('checks the function permission after validity', async () => {
    expect(await unchanged({ user: '6668', agent_user: '1000', value: 'LOGOUT' }))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - LOGOUT|6668|logout|ADMIN\n');
    expect(await unchanged({ user: '6668', agent_user: '1000', value: 'x' })).toBe('ERROR: logout not valid - x|1000\n');
  });
});
