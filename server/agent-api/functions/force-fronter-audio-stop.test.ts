import { describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';
import { clockAt } from '../context.js';

const CALL = { status: 'INCALL' as const, lead_id: 1, callerid: 'V1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' };
const ago = (seconds: number) => clockAt(new Date(Date.now() - seconds * 1000)).nowTime;

describe.each(testDialects())('force_fronter_audio_stop on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const db = () => bed.database.db;
  const ffa = (params: Record<string, string>) => bed.api({ function: 'force_fronter_audio_stop', ...params });
  const logs = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute();
  const manager = () => db().selectFrom('vicidial_manager').selectAll().orderBy('man_id').execute();
  const inCall = () => db().updateTable('vicidial_live_agents').set(CALL).where('user', '=', '1000').execute();
  /** The fronter 1001 on lead 1 in conference 8600052 (README's setup). */
  const fronter = () => db().insertInto('vicidial_live_agents').values({
    user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', extension: 'SIP/cc101', status: 'INCALL', lead_id: 1, campaign_id: 'MANCAMP', last_call_time: '2026-11-26 04:00:00',
  }).execute();
  const playing = (extension = '8600052', channel = 'IAX2/ASTplay-22222') =>
    db().insertInto('live_channels').values({ channel, server_ip: '10.10.10.15', extension }).execute();
  const recent = (row: Record<string, string | number>) => db().insertInto('vicidial_sessions_recent')
    .values({ lead_id: 1, server_ip: '10.10.10.15', call_date: ago(60), user: '1001', conf_exten: '8600052', ...row }).execute();

  it('hangs up the playback in the fronter\'s conference (oracle ffa.09)', async () => {
    await inCall();
    await fronter();
    await playing();
    await playing('8600051', 'IAX2/ASTplay-11111'); // the agent's own playback is left alone
    const res = await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' });
    expect(res.body).toBe('SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY||1000|1001\n');
    const rows = await manager();
    expect(rows).toMatchObject([{
      uniqueid: '', status: 'NEW', response: 'N', server_ip: '10.10.10.15', channel: '', action: 'Hangup', cmd_line_b: 'Channel: IAX2/ASTplay-22222',
      cmd_line_c: '', cmd_line_d: '', cmd_line_e: '', cmd_line_f: '', cmd_line_g: '', cmd_line_h: '', cmd_line_i: '', cmd_line_j: '', cmd_line_k: '',
    }]);
    expect(rows[0].callerid).toMatch(/^PLAYHU\d{14}$/);
    const [log] = await logs();
    expect(log).toMatchObject({ function: 'force_fronter_audio_', agent_user: '1000', value: 'LOCAL_ONLY', result: 'SUCCESS', result_reason: 'force_fronter_audio_stop function sent' });
    expect(log.data).toMatch(/^\d{10}$/);
  });

  it('reports no audio in the fronter session, and exits (oracle ffa.01, oracle ffa.05)', async () => {
    await inCall();
    await fronter();
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY', close_window_link: '1' })).body)
      .toBe('ERROR: force_fronter_audio_stop error - no audio playing in other agent session - 8600052|10.10.10.15||1000|1001\n');
    expect((await ffa({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', lead_id: '1' })).body)
      .toBe('ERROR: force_fronter_audio_stop error - no audio playing in other agent session - 8600052|10.10.10.15||CCC_REMOTE|1001\n');
    expect(await manager()).toHaveLength(0);
    expect((await logs())[1]).toMatchObject({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', result_reason: 'force_fronter_audio_stop error - no audio playing in other agent session', data: '8600052|10.10.10.15|' });
  });

  it('finds a fronter who left the call in the last 5 minutes (ffa.10), not earlier', async () => {
    await inCall();
    await playing();
    await recent({ call_date: ago(400), user: '1002', conf_exten: '8600053' });
    await recent({});
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY', stage: '<b>S</b>' })).body).toBe('SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY|<b>S</b>|1000|1001\n');
    await db().deleteFrom('vicidial_sessions_recent').where('user', '=', '1001').execute();
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: no fronter found - 1000\n');
    await recent({ user: '1000' });
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: no fronter found - 1000\n');
    expect(await manager()).toHaveLength(1);
  });

  it('reports a fronter without a usable session (stage in the details and data)', async () => {
    await inCall();
    await recent({ conf_exten: '86000' });
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY', stage: 'X' })).body)
      .toBe('ERROR: force_fronter_audio_stop error - no fronter session found - X|1000|1001\n');
    await db().deleteFrom('vicidial_sessions_recent').execute();
    // No conference in the recent row: the fronter's live row, if any, gives it.
    await recent({ conf_exten: '', server_ip: '' });
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: force_fronter_audio_stop error - no fronter session found - |1000|1001\n');
    await db().insertInto('vicidial_live_agents').values({ user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', campaign_id: 'MANCAMP' }).execute();
    await playing();
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY||1000|1001\n');
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'force_fronter_audio_stop error - no fronter session found', data: 'X' });
  });

  it('answers no fronter found, not on a call, and CCC_REMOTE without a lead (ffa.02, oracle ffa.03, ffa.04, ffa.08)', async () => {
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: agent_user is not on a phone call - 1000\n');
    expect((await ffa({ agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE' })).body).toBe('ERROR: agent_user is not on a phone call - CCC_REMOTE\n');
    await inCall();
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_ONLY' })).body).toBe('ERROR: no fronter found - 1000\n');
    expect((await ffa({ agent_user: '1000', value: 'LOCAL_AND_CCC' })).body).toBe('ERROR: no fronter found - 1000\n');
    expect((await logs())[0]).toMatchObject({ result_reason: 'agent_user is not on a phone call', data: '' });
    expect(await manager()).toHaveLength(0);
  });

  it('answers not valid (ffa.06), not logged in (oracle ffa.07), and handles alt_user', async () => {
    expect((await ffa({ agent_user: '1000', value: 'REMOTE' })).body).toBe('ERROR: force_fronter_audio_stop not valid - REMOTE|1000\n');
    expect((await ffa({ value: 'LOCAL_ONLY' })).body).toBe('ERROR: force_fronter_audio_stop not valid - LOCAL_ONLY|\n');
    expect((await ffa({ agent_user: '1002', value: 'LOCAL_ONLY' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await ffa({ alt_user: 'NOPE', value: 'LOCAL_ONLY' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    await inCall();
    await fronter();
    await playing();
    expect((await ffa({ alt_user: 'CRM1000', value: 'LOCAL_ONLY' })).body).toBe('SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY||1000|1001\n');
  });

  it('checks the function permission after validity', async () => {
    await inCall();
    await fronter();
    await playing();
    await db().updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await ffa({ user: '6670', agent_user: '1000', value: 'LOCAL_ONLY' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - LOCAL_ONLY|6670|force_fronter_audio_stop|LIMITED\n');
    expect(await manager()).toHaveLength(0);
  });
});
