import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const CALL = { status: 'INCALL' as const, lead_id: 1, callerid: 'V1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' };

describe.each(testDialects())('force_fronter_leave_3way on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const ffl = (params: Record<string, string>) => bed.api({ function: 'force_fronter_leave_3way', ...params });
  const logs = () => apiLogRows(bed);
  const conf = async (user: string) => (await bed.database.db.selectFrom('vicidial_live_agents').select('external_transferconf').where('user', '=', user).executeTakeFirstOrThrow()).external_transferconf;
  const inCall = () => bed.database.db.updateTable('vicidial_live_agents').set(CALL).where('user', '=', '1000').execute();
  /** Another agent on lead 1, on the call since `since` (the fronter of README's setup: 1001, 04:00). */
  const fronter = (user = '1001', since = '2026-11-26 04:00:00', conf_exten = '8600052') => bed.database.db.insertInto('vicidial_live_agents').values({
    user, server_ip: '10.10.10.15', conf_exten, extension: `SIP/${user}`, status: 'INCALL', lead_id: 1, campaign_id: 'MANCAMP', last_call_time: since,
  }).execute();

  it('tells the fronter to leave the 3-way call; no trailing newline (oracle ffl.01)', async () => {
    await inCall();
    await fronter();
    const res = await ffl({ agent_user: '1000', value: 'LOCAL_ONLY' });
    const m = /^SUCCESS: force_fronter_leave_3way SENT - 1001$/.exec(res.body);
    expect(m).not.toBeNull();
    expect(await conf('1001')).toMatch(/^LEAVE_3WAY_CALL---------NO------------\d{10}$/);
    expect(await conf('1000')).toBe('');
    expect(await logs()).toMatchObject([{ function: 'force_fronter_leave_', agent_user: '1000', value: 'LOCAL_ONLY', result: 'SUCCESS', result_reason: 'SUCCESS: force_fronter_leave_3way SENT - 1001', data: '' }]);
  });

  it('picks the agent on the lead longest, and never the agent itself', async () => {
    await inCall();
    await fronter('1002', '2026-11-26 05:00:00', '8600053');
    await fronter('1001', '2026-11-26 04:00:00');
    expect((await ffl({ agent_user: '1000', value: 'LOCAL_AND_CCC' })).body).toBe('SUCCESS: force_fronter_leave_3way SENT - 1001');
    expect(await conf('1002')).toBe('');
  });

  it('answers no fronter found, also for LOCAL_AND_CCC without a CCC link (ffl.02, ffl.04)', async () => {
    await inCall();
    expect((await ffl({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: no fronter found - 1000\n');
    expect((await ffl({ agent_user: '1000', value: 'LOCAL_AND_CCC' })).body).toBe('ERROR: no fronter found - 1000\n');
    // A CCC row whose container is missing is no link either.
    await bed.database.db.insertInto('vicidial_ccc_log').values({ lead_id: 1, remote_lead_id: 7, container_id: 'NOPE' }).execute();
    expect((await ffl({ agent_user: '1000', value: 'LOCAL_AND_CCC' })).body).toBe('ERROR: no fronter found - 1000\n');
    expect(await bed.database.db.selectFrom('vicidial_url_log').selectAll().execute()).toHaveLength(0);
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'no fronter found', data: '' });
  });

  it('needs the agent to be on a call (oracle ffl.03)', async () => {
    await fronter();
    await bed.database.db.updateTable('vicidial_live_agents').set({ lead_id: 0 }).where('user', '=', '1001').execute();
    expect((await ffl({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: agent_user is not on a phone call - 1000\n');
    expect(await conf('1001')).toBe('');
  });

  it('CCC_REMOTE skips the login check and uses lead_id (oracle ffl.05, ffl.08)', async () => {
    await inCall();
    await fronter();
    expect((await ffl({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', lead_id: '1' })).body).toBe('SUCCESS: force_fronter_leave_3way SENT - 1001');
    expect((await logs())[0]).toMatchObject({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', result_reason: 'SUCCESS: force_fronter_leave_3way SENT - 1001' });
    expect((await ffl({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE' })).body).toBe('ERROR: agent_user is not on a phone call - CCC_REMOTE\n');
    expect((await ffl({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', lead_id: '0' })).body).toBe('ERROR: agent_user is not on a phone call - CCC_REMOTE\n');
    expect((await ffl({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', lead_id: '4' })).body).toBe('ERROR: no fronter found - CCC_REMOTE\n');
  });

  it('answers not valid for other values or no agent (ffl.06)', async () => {
    await inCall();
    await fronter();
    expect((await ffl({ agent_user: '1000', value: 'local_only' })).body).toBe('ERROR: force_fronter_leave_3way not valid - local_only|1000\n');
    expect((await ffl({ agent_user: '1000', value: 'LOCAL' })).body).toBe('ERROR: force_fronter_leave_3way not valid - LOCAL|1000\n');
    expect((await ffl({ agent_user: '1000' })).body).toBe('ERROR: force_fronter_leave_3way not valid - |1000\n');
    expect((await ffl({ value: 'LOCAL_ONLY', alt_user: 'C' })).body).toBe('ERROR: force_fronter_leave_3way not valid - LOCAL_ONLY|\n');
    expect(await conf('1001')).toBe('');
    expect((await logs())[0]).toMatchObject({ function: 'force_fronter_leave_', result_reason: 'force_fronter_leave_3way not valid' });
  });

  it('answers not logged in (oracle ffl.07), resolves alt_user and goes on after an unknown one', async () => {
    expect((await ffl({ agent_user: '1002', value: 'LOCAL_ONLY' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await ffl({ alt_user: 'NOPE', value: 'LOCAL_ONLY' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    await inCall();
    await fronter();
    expect((await ffl({ alt_user: 'CRM1000', value: 'LOCAL_ONLY' })).body).toBe('SUCCESS: force_fronter_leave_3way SENT - 1001');
  });

  it('checks the function permission after validity', async () => {
    await inCall();
    await fronter();
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await ffl({ user: '6670', agent_user: '1000', value: 'LOCAL_ONLY' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - LOCAL_ONLY|6670|force_fronter_leave_3way|LIMITED\n');
    expect(await conf('1001')).toBe('');
  });

  it('filters hostile input before matching', async () => {
    await inCall();
    await fronter();
    expect((await ffl({ agent_user: "1000' OR '1'='1", value: 'LOCAL_ONLY' })).body).toBe('ERROR: agent_user is not logged in - 1000OR11\n');
    expect((await ffl({ agent_user: 'CCC_REMOTE', value: "CCC_REMOTE'", lead_id: "1' OR lead_id>'0" })).body).toBe('ERROR: no fronter found - CCC_REMOTE\n');
    expect(await conf('1001')).toBe('');
  });
});
