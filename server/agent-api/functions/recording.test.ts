import { describe, expect, it } from 'vitest';
import { liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const WHERE = '10.10.10.15|8600051|PAUSED';
const REC_12345 = { recording_id: 12345, filename: '20261126-052000_3125551001_1000', server_ip: '10.10.10.15', start_time: '2026-11-26 05:20:00', lead_id: 1, user: '1000' };

describe.each(testDialects())('recording on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const setRid = (external_recording: string) => bed.database.db.updateTable('vicidial_live_agents').set({ external_recording }).where('user', '=', '1000').execute();
  const rec = (params: Record<string, string>) => bed.api({ function: 'recording', ...params });
  const lastLog = () => bed.database.db.selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').executeTakeFirstOrThrow();

  it('sends START (oracle rec.01)', async () => {
    const res = await rec({ agent_user: '1000', value: 'START' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|START||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('START');
    expect(await lastLog()).toMatchObject({ function: 'recording', agent_user: '1000', value: 'START', result: 'SUCCESS', result_reason: 'recording function sent', data: '' });
  });

  it('appends the stage cut to 14 characters, logs the composed value, cuts the column at 20 (oracle rec.03)', async () => {
    const res = await rec({ agent_user: '1000', value: 'START', stage: '_ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    expect(res.body).toBe(`SUCCESS: recording function sent - 1000|START_ABCDEFGHIJKLM||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('START_ABCDEFGHIJKLM');
    expect((await lastLog()).value).toBe('START_ABCDEFGHIJKLM');
    await rec({ agent_user: '1000', value: 'RESTARTX', stage: '_ABCDEFGHIJKLMN' });
    expect((await agent()).external_recording).toBe('RESTARTX_ABCDEFGHIJK');
  });

  it('keeps HTML in the stage but drops quotes, backslash and semicolon (rec.04)', async () => {
    expect((await rec({ agent_user: '1000', value: 'START', stage: '<b>x</b>' })).body).toBe(`SUCCESS: recording function sent - 1000|START<b>x</b>||||${WHERE}\n`);
    expect((await rec({ agent_user: '1000', value: 'START', stage: `a'b"c\\d;e` })).body).toBe(`SUCCESS: recording function sent - 1000|STARTabcde||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('STARTabcde');
  });

  it('ignores the stage for STOP and writes any value containing START or STOP (oracle rec.13)', async () => {
    expect((await rec({ agent_user: '1000', value: 'RESTART' })).body).toBe(`SUCCESS: recording function sent - 1000|RESTART||||${WHERE}\n`);
    await setRid('12345');
    expect((await rec({ agent_user: '1000', value: 'STOP', stage: 'xyz' })).body).toBe(`SUCCESS: recording function sent - 1000|STOP||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('STOP');
  });

  it('refuses STOP when not recording or already stopping, and exits (oracle rec.05, rec.07)', async () => {
    expect((await rec({ agent_user: '1000', value: 'STOP', close_window_link: '1' })).body).toBe(`ERROR: stop recording error - 1000|||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('');
    await setRid('STOP');
    expect((await rec({ agent_user: '1000', value: 'STOP' })).body).toBe(`ERROR: stop recording error - 1000|STOP||||${WHERE}\n`);
    await setRid('START');
    expect((await rec({ agent_user: '1000', value: 'STOP' })).body).toBe(`ERROR: stop recording error - 1000|START||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('START');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'stop recording error', value: 'STOP' });
  });

  it('reports an active recording with its log row (oracle rec.09) or without one (rec.10)', async () => {
    await bed.reset({ recording_log: [REC_12345] });
    await setRid('12345');
    expect((await rec({ agent_user: '1000', value: 'STATUS' })).body)
      .toBe(`NOTICE: recording active - 1000|12345|20261126-052000_3125551001_1000|10.10.10.15|2026-11-26 05:20:00|${WHERE}\n`);
    expect(await lastLog()).toMatchObject({ result: 'NOTICE', result_reason: 'recording active', value: 'STATUS' });
    await setRid('99999');
    expect((await rec({ agent_user: '1000', value: 'STATUS' })).body).toBe(`NOTICE: recording active - 1000|99999||||${WHERE}\n`);
    expect((await agent()).external_recording).toBe('99999');
  });

  it('reports not recording when idle or while a START is pending (oracle rec.11)', async () => {
    expect((await rec({ agent_user: '1000', value: 'STATUS' })).body).toBe(`NOTICE: not recording - 1000|||||${WHERE}\n`);
    for (const rid of ['START', 'START_stage', 'STOP', '0']) {
      await setRid(rid);
      expect((await rec({ agent_user: '1000', value: 'STATUS' })).body).toBe(`NOTICE: not recording - 1000|||||${WHERE}\n`);
      expect((await agent()).external_recording).toBe(rid);
    }
    await bed.database.db.updateTable('vicidial_live_agents').set({ status: 'INCALL' }).where('user', '=', '1000').execute();
    expect((await rec({ agent_user: '1000', value: 'STATUS' })).body).toBe('NOTICE: not recording - 1000|||||10.10.10.15|8600051|INCALL\n');
  });

  it('answers not valid (oracle rec.15) and writes nothing', async () => {
    expect((await rec({ agent_user: '1000' })).body).toBe('ERROR: recording not valid - |1000\n');
    expect((await rec({ agent_user: '1000', value: 'start' })).body).toBe('ERROR: recording not valid - start|1000\n');
    expect((await rec({ value: 'START' })).body).toBe('ERROR: recording not valid - START|\n');
    expect((await rec({ value: 'START', alt_user: 'X' })).body).toBe('ERROR: recording not valid - START|\n');
    expect((await rec({ agent_user: '1000', value: "ST'ART; DROP" })).body).toBe(`SUCCESS: recording function sent - 1000|STARTDROP||||${WHERE}\n`);
    await setRid('');
    expect((await rec({ agent_user: '1000', value: 'PLAY' })).body).toBe('ERROR: recording not valid - PLAY|1000\n');
    expect((await agent()).external_recording).toBe('');
  });

  it('resolves alt_user, goes on after an unknown one, and needs a logged-in agent', async () => {
    expect((await rec({ alt_user: 'CRM1000', value: 'START' })).body).toBe(`SUCCESS: recording function sent - 1000|START||||${WHERE}\n`);
    expect((await rec({ alt_user: 'NOPE', value: 'START' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect((await rec({ agent_user: '1002', value: 'STATUS' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
  });

  it('checks the function permission after validity', async () => {
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' send_dtmf ' }).where('user', '=', '6670').execute();
    expect((await rec({ user: '6670', agent_user: '1000', value: 'START' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - START|6670|recording|LIMITED\n');
    expect((await agent()).external_recording).toBe('');
  });
});
