import { describe, expect, it } from 'vitest';
import { apiLogRows, liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('pause_code on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'pause_code', ...params });
  const setStatus = (status: 'READY' | 'INCALL' | 'QUEUE' | 'CLOSER' | 'MQUEUE') =>
    bed.database.db.updateTable('vicidial_live_agents').set({ status }).where('user', '=', '1000').execute();
  async function unchanged(params: Record<string, string>): Promise<string> {
    const before = await agent();
    const res = await call(params);
    expect(await agent()).toEqual(before);
    return res.body;
  }

  it('sets the pause code of a paused agent; logs the epoch (oracle pc.01)', async () => {
    const res = await call({ agent_user: '1000', value: 'BREAK' });
    expect(res.body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await agent()).external_pause_code).toBe('BREAK');
    const [log] = await logs();
    expect(log).toMatchObject({ function: 'pause_code', agent_user: '1000', value: 'BREAK', result: 'SUCCESS', result_reason: 'pause_code function sent' });
    expect(Math.abs(Number(log.data) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('does not check the code against vicidial_pause_codes (oracle pc.04)', async () => {
    expect((await call({ agent_user: '1000', value: 'NOCODE' })).body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await agent()).external_pause_code).toBe('NOCODE');
  });

  it('measures the length after filtering (oracle pc.07)', async () => {
    expect((await call({ agent_user: '1000', value: 'LUN CH' })).body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await agent()).external_pause_code).toBe('LUNCH');
    expect((await call({ agent_user: '1000', value: "A'B;C\"D#E" })).body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await agent()).external_pause_code).toBe('ABCDE');
  });

  it('answers not valid for a missing or 7-character value, or no agent (oracle pc.03, pc.05)', async () => {
    expect(await unchanged({ agent_user: '1000', value: 'JUMPING' })).toBe('ERROR: pause_code not valid - JUMPING|1000\n');
    expect(await unchanged({ agent_user: '1000' })).toBe('ERROR: pause_code not valid - |1000\n');
    expect(await unchanged({ value: 'BREAK' })).toBe('ERROR: pause_code not valid - BREAK|\n');
    expect(await unchanged({ value: 'BREAK', alt_user: 'C' })).toBe('ERROR: pause_code not valid - BREAK|\n');
    expect(await logs()).toMatchObject([
      { value: 'JUMPING', result: 'ERROR', result_reason: 'pause_code not valid', data: '' },
      { value: '', result: 'ERROR', result_reason: 'pause_code not valid' },
      { value: 'BREAK', agent_user: '' }, { value: 'BREAK', agent_user: '' },
    ]);
  });

  it('refuses an agent who is not paused (oracle pc.02, pc.08)', async () => {
    for (const status of ['READY', 'INCALL', 'QUEUE', 'CLOSER', 'MQUEUE'] as const) {
      await setStatus(status);
      expect(await unchanged({ agent_user: '1000', value: 'BREAK' })).toBe('ERROR: pause_code error - agent is not paused - 1000\n');
    }
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'pause_code error - agent is not paused', data: '' });
  });

  it('answers not logged in for an agent without a session (oracle pc.06)', async () => {
    expect(await unchanged({ agent_user: '1002', value: 'BREAK' })).toBe('ERROR: agent_user is not logged in - 1002\n');
  });

  it('resolves alt_user, and goes on after an unknown one', async () => {
    expect((await call({ alt_user: 'CRM1000', value: 'LUNCH' })).body).toBe('SUCCESS: pause_code function sent - 1000\n');
    expect((await agent()).external_pause_code).toBe('LUNCH');
    await bed.reset();
    expect(await unchanged({ alt_user: 'NOPE', value: 'LUNCH' })).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
  });

  it('checks the function permission after validity', async () => {
    expect(await unchanged({ user: '6668', agent_user: '1000', value: 'BREAK' }))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - BREAK|6668|pause_code|ADMIN\n');
    expect(await unchanged({ user: '6668', agent_user: '1000', value: 'JUMPING' })).toBe('ERROR: pause_code not valid - JUMPING|1000\n');
  });
});
