import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';
import { rewriteLoginCall } from './call-agent.js';

// The row the real server inserted for the baseline login call (oracle ca.01).
const CA01_ROW = {
  uniqueid: '', entry_date: '2026-11-26 05:00:00', status: 'NEW', response: 'N', server_ip: '10.10.10.15', channel: '',
  action: 'Originate', callerid: 'S1126050000cc100', cmd_line_b: 'Channel: SIP/cc100', cmd_line_c: 'Context: default',
  cmd_line_d: 'Exten:  8600051', cmd_line_e: 'Priority: 1', cmd_line_f: 'Callerid: "S1126050000cc100" <0000000000>',
  cmd_line_g: '', cmd_line_h: '', cmd_line_i: '', cmd_line_j: '', cmd_line_k: '',
};

describe.each(testDialects())('call_agent on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const ca = (params: Record<string, string>) => bed.api({ function: 'call_agent', ...params });
  const manager = () => bed.database.db.selectFrom('vicidial_manager').selectAll().orderBy('man_id').execute();
  const logs = () => apiLogRows(bed);
  const setLoginCall = (agent_login_call: string, user = '1000') =>
    bed.database.db.updateTable('vicidial_session_data').set({ agent_login_call }).where('user', '=', user).execute();

  it('replays the login Originate with the stale time and a doubled space after Exten (oracle ca.01)', async () => {
    const res = await ca({ agent_user: '1000', value: 'CALL' });
    expect(res.body).toBe('SUCCESS: call_agent function sent - 1000\n');
    const rows = await manager();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(CA01_ROW);
    const [log] = await logs();
    expect(log).toMatchObject({ function: 'call_agent', agent_user: '1000', value: 'CALL', result: 'SUCCESS', result_reason: 'call_agent function sent' });
    expect(log.data).toMatch(/^\d{10}$/);
  });

  it('puts the agent\'s current conference into the Exten (ca.02)', async () => {
    await bed.database.db.updateTable('vicidial_live_agents').set({ conf_exten: '8600099' }).where('user', '=', '1000').execute();
    expect((await ca({ agent_user: '1000', value: 'CALL' })).body).toBe('SUCCESS: call_agent function sent - 1000\n');
    expect((await manager())[0]).toMatchObject({ ...CA01_ROW, cmd_line_d: 'Exten:  8600099' });
  });

  it('leaves an Exten that is not exactly 7 digits alone', () => {
    const call = '||2026-11-26 05:00:00|NEW|N|10.10.10.15||Originate|X|Channel: SIP/a|Context: c|Exten: 86000511|Priority: 1|Callerid: x|||||';
    expect(rewriteLoginCall(call, '8600099')).toBe(call);
    expect(rewriteLoginCall(call.replace('86000511', '8600051'), '8600099')).toContain('|Exten:  8600099|Priority: 1|');
  });

  it('reports an empty entry (oracle ca.03) and a missing session row (ca.04)', async () => {
    await bed.database.db.insertInto('vicidial_live_agents').values({ user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', campaign_id: 'MANCAMP' }).execute();
    await bed.database.db.insertInto('vicidial_session_data').values({ user: '1001', campaign_id: 'MANCAMP', server_ip: '10.10.10.15', conf_exten: '8600052', webphone_url: '', agent_login_call: '' }).execute();
    expect((await ca({ agent_user: '1001', value: 'CALL' })).body).toBe('ERROR: call_agent error - entry is empty - 1001\n');
    await setLoginCall('|||||', '1001');
    expect((await ca({ agent_user: '1001', value: 'CALL' })).body).toBe('ERROR: call_agent error - entry is empty - 1001\n');
    await bed.database.db.deleteFrom('vicidial_session_data').where('user', '=', '1000').execute();
    expect((await ca({ agent_user: '1000', value: 'CALL' })).body).toBe('ERROR: call_agent error - no session data - 1000\n');
    expect(await manager()).toHaveLength(0);
    expect((await logs())[0]).toMatchObject({ agent_user: '1001', result: 'ERROR', result_reason: 'call_agent error - entry is empty', data: '' });
  });

  it('answers not valid for a lower-case or missing value or no agent (oracle ca.05)', async () => {
    expect((await ca({ agent_user: '1000', value: 'call' })).body).toBe('ERROR: call_agent not valid - call|1000\n');
    expect((await ca({ agent_user: '1000', value: 'CALLX' })).body).toBe('ERROR: call_agent not valid - CALLX|1000\n');
    expect((await ca({ agent_user: '1000' })).body).toBe('ERROR: call_agent not valid - |1000\n');
    expect((await ca({ value: 'CALL' })).body).toBe('ERROR: call_agent not valid - CALL|\n');
    expect(await manager()).toHaveLength(0);
  });

  it('answers not logged in (ca.06), resolves alt_user and goes on after an unknown one', async () => {
    expect((await ca({ agent_user: '1002', value: 'CALL' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await ca({ alt_user: 'NOPE', value: 'CALL' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect(await manager()).toHaveLength(0);
    expect((await ca({ alt_user: 'CRM1000', agent_user: '1002', value: 'CALL' })).body).toBe('SUCCESS: call_agent function sent - 1000\n');
  });

  it('checks the function permission after validity', async () => {
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await ca({ user: '6670', agent_user: '1000', value: 'CALL' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - CALL|6670|call_agent|LIMITED\n');
    expect(await manager()).toHaveLength(0);
  });

  it('stores quotes as data and cuts over-long fields to their columns', async () => {
    const cid = `O'Brien"; DROP TABLE vicidial_manager; --`;
    await setLoginCall(`||junk|BOGUS|X|10.10.10.15||Originate|${cid}|Channel: SIP/cc100|Context: default|Exten: 8600051|Priority: 1|Callerid: "${cid}" <1>|||||`);
    expect((await ca({ agent_user: '1000', value: 'CALL' })).body).toBe('SUCCESS: call_agent function sent - 1000\n');
    expect((await manager())[0]).toMatchObject({
      entry_date: null, status: 'NEW', response: 'N', callerid: cid.slice(0, 20), cmd_line_f: `Callerid: "${cid}" <1>`,
    });
  });
});
