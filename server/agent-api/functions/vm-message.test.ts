import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const CALL = { status: 'INCALL' as const, lead_id: 1, callerid: 'V1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' };

describe.each(testDialects())('vm_message on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const vm = (params: Record<string, string>) => bed.api({ function: 'vm_message', ...params });
  const messages = () => bed.database.db.selectFrom('vicidial_lead_messages').selectAll().execute();
  const logs = () => apiLogRows(bed);
  const setAgent = (set: Record<string, unknown>) => bed.database.db.updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();

  it('stores the files for the current lead under the API user (oracle vm.01)', async () => {
    await setAgent(CALL);
    const res = await vm({ agent_user: '1000', value: 'EXship01|EXship02|EXship03' });
    expect(res.body).toBe('SUCCESS: vm_message function set - 1000|1|EXship01|EXship02|EXship03|\n');
    const rows = await messages();
    expect(rows).toMatchObject([{ lead_id: 1, user: '6666', played: 0, message_entry: 'EXship01|EXship02|EXship03' }]);
    expect(rows[0].call_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await logs()).toMatchObject([{ function: 'vm_message', agent_user: '1000', value: 'EXship01|EXship02|EXship03', result: 'SUCCESS', result_reason: 'vm_message function set', data: '1|EXship01|EXship02|EXship03' }]);
  });

  it('accepts the matching lead_id (vm.02) and refuses another one (oracle vm.03)', async () => {
    await setAgent(CALL);
    expect((await vm({ agent_user: '1000', value: 'reminder1', lead_id: '1' })).body).toBe('SUCCESS: vm_message function set - 1000|1|reminder1|\n');
    expect((await vm({ agent_user: '1000', value: 'appointment_reminder2', lead_id: '2' })).body).toBe('ERROR: current call does not match lead_id submitted - 1000\n');
    expect(await messages()).toHaveLength(1);
    expect((await logs())[1]).toMatchObject({ value: 'appointment_reminder2', result: 'ERROR', result_reason: 'current call does not match lead_id submitted', data: '2|1' });
  });

  it('needs a live call: a lead and a callerid longer than 15 characters (vm.04, vm.08)', async () => {
    expect((await vm({ agent_user: '1000', value: 'x' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    await setAgent({ lead_id: 1, callerid: '' });
    expect((await vm({ agent_user: '1000', value: 'x' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    await setAgent({ lead_id: 1, callerid: 'V11261200000000' });
    expect((await vm({ agent_user: '1000', value: 'x' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    await setAgent({ lead_id: 1, callerid: 'V112612000000000' });
    expect((await vm({ agent_user: '1000', value: 'x' })).body).toBe('SUCCESS: vm_message function set - 1000|1|x|\n');
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'agent_user does not have a live call', data: '' });
  });

  it('answers not valid without value (oracle vm.05) or agent', async () => {
    await setAgent(CALL);
    expect((await vm({ agent_user: '1000' })).body).toBe('ERROR: vm_message not valid - ||1000\n');
    expect((await vm({ agent_user: '1000', lead_id: '1', value: "'.." })).body).toBe('ERROR: vm_message not valid - 1||1000\n');
    expect((await vm({ value: 'x', lead_id: '1', alt_user: 'C' })).body).toBe('ERROR: vm_message not valid - 1|x|\n');
    expect(await messages()).toHaveLength(0);
  });

  it('answers not logged in (vm.06), resolves alt_user and goes on after an unknown one', async () => {
    expect((await vm({ agent_user: '1002', value: 'x' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await vm({ alt_user: 'NOPE', value: 'x' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    await setAgent(CALL);
    expect((await vm({ alt_user: 'CRM1000', value: 'x' })).body).toBe('SUCCESS: vm_message function set - 1000|1|x|\n');
  });

  it('prints the lead_id in the permission error', async () => {
    await setAgent(CALL);
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await vm({ user: '6670', agent_user: '1000', value: 'x', lead_id: '1' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6670|vm_message|LIMITED\n');
    expect((await vm({ user: '6670', agent_user: '1000', value: 'x' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - |6670|vm_message|LIMITED\n');
    expect(await messages()).toHaveLength(0);
  });

  it('filters spaces, quotes and dots (oracle vm.07) and stores SQL text and long values as data', async () => {
    await setAgent(CALL);
    expect((await vm({ agent_user: '1000', value: "my msg's.wav" })).body).toBe('SUCCESS: vm_message function set - 1000|1|mymsgswav|\n');
    const hostile = `a'); DELETE FROM vicidial_lead_messages; --|${'b'.repeat(3000)}`;
    const filtered = `aDELETEFROMvicidial_lead_messages--|${'b'.repeat(3000)}`;
    expect((await vm({ agent_user: '1000', value: hostile, lead_id: '1 OR 1=1' })).body).toBe('ERROR: current call does not match lead_id submitted - 1000\n');
    expect((await vm({ agent_user: '1000', value: hostile })).body).toBe(`SUCCESS: vm_message function set - 1000|1|${filtered}|\n`);
    expect((await messages()).map((m) => m.message_entry)).toEqual(['mymsgswav', filtered]);
  });
});
