import { describe, expect, it } from 'vitest';
import { apiLogRows, liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('external_hangup on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'external_hangup', ...params });
  /** Runs the request and checks it left the agent row untouched. */
  async function unchanged(params: Record<string, string>): Promise<string> {
    const before = await agent();
    const res = await call(params);
    expect(await agent()).toEqual(before);
    return res.body;
  }

  it('sets external_hangup and logs the line (oracle hang.01)', async () => {
    const res = await call({ agent_user: '1000', value: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
    const row = await agent();
    expect(row.external_hangup).toBe('1');
    expect(row.last_update_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await logs()).toMatchObject([{ user: '6666', function: 'external_hangup', agent_user: '1000', value: '1', result: 'SUCCESS', result_reason: 'external_hangup function set', data: '', source: 'test' }]);
  });

  it('answers not valid without a value or an agent, and changes nothing (oracle hang.03, hang.04)', async () => {
    expect(await unchanged({ agent_user: '1000' })).toBe('ERROR: external_hangup not valid - |1000\n');
    expect(await unchanged({ value: '1' })).toBe('ERROR: external_hangup not valid - 1|\n');
    // a 1-character alt_user does not stand in for the agent
    expect(await unchanged({ value: '1', alt_user: 'C' })).toBe('ERROR: external_hangup not valid - 1|\n');
    expect(await logs()).toMatchObject([
      { result: 'ERROR', result_reason: 'external_hangup not valid', value: '', agent_user: '1000', data: '' },
      { result: 'ERROR', result_reason: 'external_hangup not valid', value: '1', agent_user: '' },
      { result: 'ERROR', result_reason: 'external_hangup not valid', value: '1', agent_user: '' },
    ]);
  });

  it('answers not logged in for an agent without a session (oracle hang.05)', async () => {
    expect(await unchanged({ agent_user: '1002', value: '1' })).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect(await logs()).toMatchObject([{ agent_user: '1002', value: '1', result: 'ERROR', result_reason: 'agent_user is not logged in' }]);
  });

  it('resolves alt_user, also over an agent_user (oracle hang.07, hang.09)', async () => {
    expect((await call({ value: '1', alt_user: 'CRM1000' })).body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
    expect((await agent()).external_hangup).toBe('1');
    await bed.reset();
    expect((await call({ agent_user: '1002', value: '1', alt_user: 'CRM1000' })).body).toBe('SUCCESS: external_hangup function set - 1|1000\n');
    expect((await logs())[0]).toMatchObject({ agent_user: '1000', result: 'SUCCESS' });
  });

  it('goes on after an unknown alt_user (oracle hang.08)', async () => {
    expect(await unchanged({ value: '1', alt_user: 'NOPE' })).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect(await logs()).toMatchObject([
      { result: 'ERROR', result_reason: 'no user found', agent_user: '' },
      { result: 'ERROR', result_reason: 'agent_user is not logged in', agent_user: '' },
    ]);
  });

  it('echoes any value in full and stores its first character (oracle hang.10, hang.11)', async () => {
    expect((await call({ agent_user: '1000', value: 'abc' })).body).toBe('SUCCESS: external_hangup function set - abc|1000\n');
    expect((await agent()).external_hangup).toBe('a');
    expect((await bed.api("source=test&user=6666&pass=1234&agent_user=1000&function=external_hangup&value=1%27%20OR%20%271%27=%271")).body)
      .toBe('SUCCESS: external_hangup function set - 1OR11|1000\n');
    expect((await agent()).external_hangup).toBe('1');
    expect((await logs())[1]).toMatchObject({ value: '1OR11' });
  });

  it('filters hostile agent_user and takes the first value of an array', async () => {
    expect(await unchanged({ agent_user: "1000' OR 'x'='x", value: '1' })).toBe('ERROR: agent_user is not logged in - 1000ORxx\n');
    expect((await bed.api('source=test&user=6666&pass=1234&agent_user=1000&function=external_hangup&value[]=1&value[]=2')).body)
      .toBe('SUCCESS: external_hangup function set - 1|1000\n');
    const long = `1${'x'.repeat(5000)}`;
    expect((await call({ agent_user: '1000', value: long })).body).toBe(`SUCCESS: external_hangup function set - ${long}|1000\n`);
    expect((await agent()).external_hangup).toBe('1');
  });

  it('checks the function permission after validity and before the agent (oracle gen.16)', async () => {
    expect(await unchanged({ user: '6668', agent_user: '1000', value: '1' }))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n');
    expect(await unchanged({ user: '6668', agent_user: '1002', value: '1' }))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n');
    expect(await unchanged({ user: '6668', agent_user: '1000' })).toBe('ERROR: external_hangup not valid - |1000\n');
  });

  it('exits after the permission error (no close-window link), but not after not logged in', async () => {
    expect((await call({ user: '6668', agent_user: '1000', value: '1', close_window_link: '1' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|ADMIN\n');
    expect((await call({ agent_user: '1002', value: '1', close_window_link: '1' })).body)
      .toBe('ERROR: agent_user is not logged in - 1002\n\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n');
  });
});
