import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const EMPTY = { cmd_line_g: '', cmd_line_h: '', cmd_line_i: '', cmd_line_j: '', cmd_line_k: '' };
const BASE = { uniqueid: '', status: 'NEW', response: 'N', server_ip: '10.10.10.15', channel: '' };
const playRow = (file: string) => ({
  ...BASE, action: 'Originate', callerid: file, cmd_line_b: 'Channel: Local/473782168600051@default', cmd_line_c: 'Context: default',
  cmd_line_d: 'Exten: 473782158521111', cmd_line_e: 'Priority: 1', cmd_line_f: `CallerID: "${file}" <473782158521111>`, ...EMPTY,
});
const hangupRow = (channel: string) => ({
  ...BASE, action: 'Hangup', cmd_line_b: `Channel: ${channel}`, cmd_line_c: '', cmd_line_d: '', cmd_line_e: '', cmd_line_f: '', ...EMPTY,
});
const controlRow = (code: string) => ({
  ...BASE, action: 'Originate', cmd_line_b: 'Channel: Local/47378214852111112345@default', cmd_line_c: 'Context: default',
  cmd_line_d: 'Exten: 473782138521111', cmd_line_e: 'Priority: 1', cmd_line_f: `CallerID: ${code}`, ...EMPTY,
});

describe.each(testDialects())('audio_playback on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const ap = (params: Record<string, string>) => bed.api({ function: 'audio_playback', ...params });
  const manager = () => bed.database.db.selectFrom('vicidial_manager').selectAll().orderBy('man_id').execute();
  const logs = () => apiLogRows(bed);
  /** "audio playing": an IAX2/ASTplay channel in agent 1000's conference (ap.03). */
  const playing = () => bed.database.db.insertInto('live_channels')
    .values({ channel: 'IAX2/ASTplay-12345', server_ip: '10.10.10.15', extension: '8600051', channel_group: 'IAX2/ASTplay' }).execute();

  it('PLAY queues an Originate of the file into the conference (oracle ap.01)', async () => {
    const res = await ap({ agent_user: '1000', value: 'ss-noservice', stage: 'PLAY' });
    expect(res.body).toBe('SUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n');
    const rows = await manager();
    expect(rows).toEqual([expect.objectContaining(playRow('ss-noservice'))]);
    expect(rows[0].entry_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const [log] = await logs();
    expect(log).toMatchObject({ function: 'audio_playback', agent_user: '1000', value: 'ss-noservice', result: 'SUCCESS', result_reason: 'audio_playback function sent' });
    expect(log.data).toMatch(/^\d{10}$/);
  });

  it('refuses PLAY while audio plays unless dial_override=Y (ap.02)', async () => {
    await playing();
    const res = await ap({ agent_user: '1000', value: 'ss-noservice', stage: 'PLAY', close_window_link: '1' });
    expect(res.body).toBe('ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY||1000\n');
    expect((await ap({ agent_user: '1000', value: 'x', stage: 'PLAY', dial_override: 'N' })).body)
      .toBe('ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY|N|1000\n');
    expect((await ap({ agent_user: '1000', value: 'x', stage: 'PLAY', dial_override: 'y' })).body)
      .toBe('ERROR: audio_playback error - audio already playing in agent session - 8600051|10.10.10.15|PLAY||1000\n');
    expect(await manager()).toHaveLength(0);
    expect((await logs())[1]).toMatchObject({ result: 'ERROR', result_reason: 'audio_playback error - audio already playing in agent session', data: '8600051|10.10.10.15|PLAY|N' });
  });

  it('PLAY with dial_override=Y hangs up the playback first: two rows, NOTICE and SUCCESS (oracle ap.03)', async () => {
    await playing();
    const res = await ap({ agent_user: '1000', value: 'ss-noservice', stage: 'PLAY', dial_override: 'Y' });
    expect(res.body).toBe('NOTICE: audio_playback previous playback stopped - PLAY|Y|1000\nSUCCESS: audio_playback function sent - ss-noservice|PLAY|1000\n');
    const rows = await manager();
    expect(rows).toEqual([expect.objectContaining(hangupRow('IAX2/ASTplay-12345')), expect.objectContaining(playRow('ss-noservice'))]);
    expect(rows[0].callerid).toMatch(/^PLAYHU\d{14}$/);
    const ls = await logs();
    expect(ls.map((l) => [l.result, l.result_reason, l.value])).toEqual([
      ['NOTICE', 'audio_playback previous playback stopped', 'ss-noservice'], ['SUCCESS', 'audio_playback function sent', 'ss-noservice']]);
    expect(ls[0].data).toMatch(/^\d{10}$/);
  });

  it('STOP, PAUSE, RESUME and RESTART control the playing channel (ap.04, oracle ap.05, ap.06, oracle ap.07)', async () => {
    await playing();
    expect((await ap({ agent_user: '1000', stage: 'STOP' })).body).toBe('SUCCESS: audio_playback function sent - |STOP|1000\n');
    expect((await ap({ agent_user: '1000', stage: 'PAUSE' })).body).toBe('SUCCESS: audio_playback function sent - |PAUSE|1000\n');
    expect((await ap({ agent_user: '1000', stage: 'RESUME' })).body).toBe('SUCCESS: audio_playback function sent - |RESUME|1000\n');
    expect((await ap({ agent_user: '1000', stage: 'RESTART' })).body).toBe('SUCCESS: audio_playback function sent - |RESTART|1000\n');
    const rows = await manager();
    expect(rows).toEqual([hangupRow('IAX2/ASTplay-12345'), controlRow('3'), controlRow('3'), controlRow('4')].map((r) => expect.objectContaining(r)));
    expect(rows.map((r) => r.callerid.replace(/\d{14}$/, ''))).toEqual(['PLAYHU', 'PLAYPA', 'PLAYPA', 'PLAYRS']);
    expect((await logs())[0]).toMatchObject({ value: '', result: 'SUCCESS' });
  });

  it('answers no audio playing for any other stage when idle, lower case included (ap.08, ap.10, oracle ap.13)', async () => {
    expect((await ap({ agent_user: '1000', stage: 'STOP', close_window_link: '1' })).body)
      .toBe('ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|STOP|1000\n');
    expect((await ap({ agent_user: '1000', value: 'ss-noservice', stage: 'play' })).body)
      .toBe('ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|play|1000\n');
    expect((await ap({ agent_user: '1000', stage: '<i>X</i>' })).body)
      .toBe('ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|<i>X</i>|1000\n');
    expect(await manager()).toHaveLength(0);
    expect((await logs())[2]).toMatchObject({ value: '', result_reason: 'audio_playback error - no audio playing in agent session', data: '8600051|10.10.10.15|<i>X</i>' });
  });

  it('answers an unknown stage while audio plays with the not-valid line instead of the real HTTP 500 (ap.09)', async () => {
    await playing();
    const res = await ap({ agent_user: '1000', stage: 'BOGUS', close_window_link: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('ERROR: audio_playback not valid - |BOGUS|1000\n');
    expect(await manager()).toHaveLength(0);
  });

  it('answers not valid without stage (oracle ap.11), with a short stage, PLAY without value, or no agent (ap.12)', async () => {
    expect((await ap({ agent_user: '1000', value: 'ss-noservice' })).body).toBe('ERROR: audio_playback not valid - ss-noservice||1000\n');
    expect((await ap({ agent_user: '1000', value: 'x', stage: 'PLA' })).body).toBe('ERROR: audio_playback not valid - x|PLA|1000\n');
    expect((await ap({ agent_user: '1000', stage: 'PLAY' })).body).toBe('ERROR: audio_playback not valid - |PLAY|1000\n');
    expect((await ap({ value: 'x', stage: 'PLAY', alt_user: 'C' })).body).toBe('ERROR: audio_playback not valid - x|PLAY|\n');
    const ls = await logs();
    expect(ls[0]).toMatchObject({ value: 'ss-noservice', result_reason: 'audio_playback not valid', data: '' });
    expect(ls[2]).toMatchObject({ data: 'PLAY' });
  });

  it('reports an empty conference or server (ap.14)', async () => {
    await bed.database.db.updateTable('vicidial_live_agents').set({ conf_exten: '86000' }).where('user', '=', '1000').execute();
    expect((await ap({ agent_user: '1000', value: 'x', stage: 'PLAY' })).body).toBe('ERROR: audio_playback error - entry is empty - PLAY|1000\n');
    expect((await logs())[0]).toMatchObject({ result_reason: 'audio_playback error - entry is empty', data: 'PLAY' });
    expect(await manager()).toHaveLength(0);
  });

  it('filters the value (oracle ap.15) and cuts the callerid column to 20 characters', async () => {
    expect((await ap({ agent_user: '1000', stage: 'PLAY', value: "my file's" })).body).toBe('SUCCESS: audio_playback function sent - myfiles|PLAY|1000\n');
    const long = `x'; DELETE FROM vicidial_manager; --${'a'.repeat(30)}`;
    const filtered = `xDELETEFROMvicidial_manager--${'a'.repeat(30)}`;
    expect((await ap({ agent_user: '1000', stage: 'PLAY', value: long })).body).toBe(`SUCCESS: audio_playback function sent - ${filtered}|PLAY|1000\n`);
    const rows = await manager();
    expect(rows[0]).toMatchObject(playRow('myfiles'));
    expect(rows[1]).toMatchObject({ callerid: filtered.slice(0, 20), cmd_line_f: `CallerID: "${filtered}" <473782158521111>` });
  });

  it('prints its own alt_user and not-logged-in variants (oracle ap.17, ap.16)', async () => {
    expect((await ap({ value: 'x', stage: 'PLAY', alt_user: 'NOPE' })).body).toBe('ERROR: no user found - PLAY|NOPE\nERROR: agent_user is not logged in - PLAY|\n');
    expect((await logs()).map((l) => [l.agent_user, l.result_reason, l.data])).toEqual([['', 'no user found', 'PLAY|NOPE'], ['', 'agent_user is not logged in', 'PLAY']]);
    expect((await ap({ agent_user: '1002', value: 'x', stage: 'PLAY' })).body).toBe('ERROR: agent_user is not logged in - PLAY|1002\n');
    expect((await ap({ alt_user: 'CRM1000', value: 'x', stage: 'PLAY' })).body).toBe('SUCCESS: audio_playback function sent - x|PLAY|1000\n');
  });

  it('checks the function permission after validity', async () => {
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await ap({ user: '6670', agent_user: '1000', value: 'x', stage: 'PLAY' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - x|6670|audio_playback|LIMITED\n');
    expect(await manager()).toHaveLength(0);
  });

  it('logs soundboard debug items into vicidial_ajax_log when agent_debug_logging is on', async () => {
    const agent_debug = '2026-11-26 06:00:00-----PlayAudio---file1 X|2026-11-26 06:00:01-----StopAudio---|';
    await ap({ agent_user: '1000', value: 'x', stage: 'PLAY', source: 'soundboard', agent_debug });
    expect(await bed.database.db.selectFrom('vicidial_ajax_log').selectAll().execute()).toHaveLength(0);
    await bed.database.db.updateTable('system_settings').set({ agent_debug_logging: '1' }).execute();
    await ap({ agent_user: '1000', value: 'x', stage: 'PLA', source: 'soundboard', agent_debug });
    const rows = await bed.database.db.selectFrom('vicidial_ajax_log').selectAll().orderBy('stage').execute();
    expect(rows).toMatchObject([
      { user: '1000', start_time: '2026-11-26 06:00:00', php_script: 'api.php', action: 'PlayAudio', stage: '0|file1 X', last_sql: '' },
      { user: '1000', start_time: '2026-11-26 06:00:01', php_script: 'api.php', action: 'StopAudio', stage: '1|', last_sql: '' },
    ]);
    await ap({ agent_user: '1000', value: 'x', stage: 'PLAY', source: 'test', agent_debug });
    expect(await bed.database.db.selectFrom('vicidial_ajax_log').selectAll().execute()).toHaveLength(2);
  });
});
