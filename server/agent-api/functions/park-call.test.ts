import { describe, expect, it } from 'vitest';
import { liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const CALL = { status: 'INCALL' as const, lead_id: 1, callerid: 'V1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' };

describe.each(testDialects())('park_call on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const setAgent = (set: Record<string, unknown>) => bed.database.db.updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();
  const park = (params: Record<string, string>) => bed.api({ function: 'park_call', ...params });
  const expectNoWrite = async () => expect((await agent()).external_park).toBe('');

  it('stores every documented command as sent (oracle park.01–park.08)', async () => {
    await setAgent(CALL);
    for (const value of ['PARK_CUSTOMER', 'GRAB_CUSTOMER', 'PARK_IVR_CUSTOMER', 'GRAB_IVR_CUSTOMER', 'PARK_XFER', 'GRAB_XFER',
      'SWAP_PARK_CUSTOMER', 'SWAP_PARK_XFER', 'HANGUP_XFER_GRAB_CUSTOMER']) {
      const res = await park({ agent_user: '1000', value });
      expect(res.body).toBe(`SUCCESS: park_call function set - ${value}|1000\n`);
      expect((await agent()).external_park).toBe(value);
    }
    const log = await bed.database.db.selectFrom('vicidial_api_log').selectAll().orderBy('api_id').executeTakeFirstOrThrow();
    expect(log).toMatchObject({ function: 'park_call', agent_user: '1000', value: 'PARK_CUSTOMER', result: 'SUCCESS', result_reason: 'park_call function set', data: '' });
  });

  it('needs only a lead on screen, not a live call (park.12)', async () => {
    await setAgent({ lead_id: 1 });
    expect((await park({ agent_user: '1000', value: 'PARK_CUSTOMER' })).body).toBe('SUCCESS: park_call function set - PARK_CUSTOMER|1000\n');
  });

  it('refuses an agent without a lead (oracle park.09)', async () => {
    const res = await park({ agent_user: '1000', value: 'PARK_CUSTOMER', close_window_link: '1' });
    expect(res.body).toBe('ERROR: agent_user does not have a lead on their screen - 1000\n'
      + '\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n');
    await expectNoWrite();
  });

  it('answers not valid for PARK alone, lower case, a missing value or no agent (park.10)', async () => {
    await setAgent(CALL);
    expect((await park({ agent_user: '1000', value: 'PARK' })).body).toBe('ERROR: park_call not valid - PARK|1000\n');
    expect((await park({ agent_user: '1000', value: 'park_customer' })).body).toBe('ERROR: park_call not valid - park_customer|1000\n');
    expect((await park({ agent_user: '1000' })).body).toBe('ERROR: park_call not valid - |1000\n');
    expect((await park({ value: 'PARK_CUSTOMER' })).body).toBe('ERROR: park_call not valid - PARK_CUSTOMER|\n');
    await expectNoWrite();
  });

  it('cuts a long value to 40 characters in the column and filters hostile characters', async () => {
    await setAgent(CALL);
    const value = `PARK_CUSTOMER${'X'.repeat(40)}`;
    expect((await park({ agent_user: '1000', value })).body).toBe(`SUCCESS: park_call function set - ${value}|1000\n`);
    expect((await agent()).external_park).toBe(value.slice(0, 40));
    expect((await park({ agent_user: '1000', value: "PARK_XFER' OR '1'='1" })).body).toBe('SUCCESS: park_call function set - PARK_XFEROR11|1000\n');
    expect((await agent()).external_park).toBe('PARK_XFEROR11');
  });

  it('resolves alt_user, and goes on after an unknown one', async () => {
    await setAgent(CALL);
    expect((await park({ alt_user: 'CRM1000', value: 'GRAB_CUSTOMER' })).body).toBe('SUCCESS: park_call function set - GRAB_CUSTOMER|1000\n');
    expect((await park({ alt_user: 'NOPE', value: 'PARK_CUSTOMER' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect((await agent()).external_park).toBe('GRAB_CUSTOMER');
  });

  it('answers not logged in (oracle park.11) and checks the permission', async () => {
    expect((await park({ agent_user: '1002', value: 'PARK_CUSTOMER' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' external_pause ' }).where('user', '=', '6670').execute();
    expect((await park({ user: '6670', agent_user: '1000', value: 'PARK_CUSTOMER' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - PARK_CUSTOMER|6670|park_call|LIMITED\n');
    await expectNoWrite();
  });
});
