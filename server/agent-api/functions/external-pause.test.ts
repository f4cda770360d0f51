import { describe, expect, it } from 'vitest';
import { liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('external_pause on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const setStatus = (status: 'READY' | 'INCALL' | 'QUEUE' | 'CLOSER' | 'MQUEUE') =>
    bed.database.db.updateTable('vicidial_live_agents').set({ status }).where('user', '=', '1000').execute();

  it('stores PAUSE!<epoch> and answers with the epoch', async () => {
    const res = await bed.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    const m = /^SUCCESS: external_pause function set - PAUSE\|(\d+)\|1000\n$/.exec(res.body);
    expect(res.status).toBe(200);
    expect(m).not.toBeNull();
    expect((await agent()).external_pause).toBe(`PAUSE!${m![1]}`);
    const log = await bed.database.db.selectFrom('vicidial_api_log').selectAll().executeTakeFirstOrThrow();
    expect(log).toMatchObject({ user: '6666', function: 'external_pause', agent_user: '1000', value: 'PAUSE', result: 'SUCCESS', result_reason: 'external_pause function set', source: 'test', data: m![1], api_script: 'agent' });
  });

  it('refuses RESUME while READY, QUEUE, INCALL or CLOSER, and allows it in MQUEUE', async () => {
    for (const status of ['READY', 'QUEUE', 'INCALL', 'CLOSER'] as const) {
      await setStatus(status);
      const res = await bed.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
      expect(res.body).toBe('ERROR: external_pause agent is not paused - RESUME|1000\n');
      expect((await agent()).external_pause).toBe('');
    }
    await setStatus('MQUEUE');
    const ok = await bed.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' });
    expect(ok.body).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d+\|1000\n$/);
  });

  it('accepts PAUSE during a call (applied after it)', async () => {
    await setStatus('INCALL');
    const res = await bed.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);
  });

  it('answers not valid for a missing or wrong value, or no agent', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'external_pause' })).body).toBe('ERROR: external_pause not valid - |1000\n');
    expect((await bed.api({ agent_user: '1000', function: 'external_pause', value: 'pause' })).body).toBe('ERROR: external_pause not valid - pause|1000\n');
    expect((await bed.api({ function: 'external_pause', value: 'PAUSE' })).body).toBe('ERROR: external_pause not valid - PAUSE|\n');
    expect((await agent()).external_pause).toBe('');
  });

  it('keeps a value that merely contains PAUSE, cut with its epoch to 20 characters', async () => {
    const res = await bed.api({ agent_user: '1000', function: 'external_pause', value: 'PAUSEAAAAAAAAAAAAAAAAAAAA' });
    expect(res.body).toMatch(/^SUCCESS: external_pause function set - PAUSEAAAAAAAAAAAAAAAAAAAA\|\d+\|1000\n$/);
    expect((await agent()).external_pause).toBe('PAUSEAAAAAAAAAAAAAAA');
  });

  it('resolves alt_user, and goes on after an unknown one', async () => {
    expect((await bed.api({ alt_user: 'CRM1000', function: 'external_pause', value: 'PAUSE' })).body).toMatch(/^SUCCESS: .* - PAUSE\|\d+\|1000\n$/);
    expect((await bed.api({ alt_user: 'NOPE', function: 'external_pause', value: 'PAUSE' })).body)
      .toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
  });

  it('answers not logged in for an agent without a session', async () => {
    expect((await bed.api({ agent_user: '1002', function: 'external_pause', value: 'PAUSE' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
  });

  it('checks the function permission after validity', async () => {
    const res = await bed.api({ user: '6670', agent_user: '1000', function: 'external_pause', value: 'PAUSE' });
    expect(res.body).toMatch(/^SUCCESS/);
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await bed.api({ user: '6670', agent_user: '1000', function: 'external_pause', value: 'PAUSE' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - PAUSE|6670|external_pause|LIMITED\n');
  });
});
