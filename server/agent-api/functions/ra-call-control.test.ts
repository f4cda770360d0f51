import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';
import { clockAt } from '../context.js';

const IN = 'Y1126120000000000001';
const OUT = 'V1126120000000000001';
const at = (s: number) => clockAt(new Date(Date.now() + s * 1000));
const remoteAgent = (callerid: string) => ({
  status: 'INCALL' as const, lead_id: 1, callerid, uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001', random_id: 12345678,
  last_call_finish: at(-4200).nowTime, last_state_change: at(-4200).nowTime,
});
const autoCall = (callerid: string, call_type: string, campaign_id: string) => ({
  server_ip: '10.10.10.15', campaign_id, status: 'LIVE', lead_id: 1, uniqueid: '1795670000.101', callerid, channel: 'SIP/trunk-00000001',
  phone_code: '1', phone_number: '3125551001', call_time: at(-3600).nowTime, call_type, stage: call_type === 'IN' ? 'CLOSER-0.5' : 'LIVE',
});
const callLog = (campaign_id: string) => ({
  lead_id: 1, campaign_id, call_date: at(-3600).nowTime, start_epoch: at(-3600).epoch, length_in_sec: 0, status: 'INCALL', user: '1000',
  phone_number: '3125551001', uniqueid: '1795670000.101',
});
const emptyLines = { cmd_line_g: '', cmd_line_h: '', cmd_line_i: '', cmd_line_j: '', cmd_line_k: '' };

describe.each(testDialects())('ra_call_control on %s', (dialect) => {
  const bed = useApiBed(dialect, { resetEachTest: false });
  const db = () => bed.database.db;
  const inbound = async () => {
    await bed.reset({ vicidial_auto_calls: [autoCall(IN, 'IN', 'TEST_IN')], vicidial_closer_log: [{ closecallid: 1, ...callLog('TEST_IN') }] });
    await db().updateTable('vicidial_live_agents').set(remoteAgent(IN)).where('user', '=', '1000').execute();
  };
  const outbound = async () => {
    await bed.reset({ vicidial_auto_calls: [autoCall(OUT, 'OUT', 'TESTCAMP')], vicidial_log: [callLog('TESTCAMP')] });
    await db().updateTable('vicidial_live_agents').set(remoteAgent(OUT)).where('user', '=', '1000').execute();
  };
  beforeEach(inbound);

  const ra = (params: Record<string, string>) => bed.api({ function: 'ra_call_control', agent_user: '1000', value: IN, ...params });
  const manager = () => db().selectFrom('vicidial_manager').selectAll().execute();
  const agent = (user = '1000') => db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirstOrThrow();
  const lead = () => db().selectFrom('vicidial_list').selectAll().where('lead_id', '=', 1).executeTakeFirstOrThrow();
  const state = async () => ({
    agents: await db().selectFrom('vicidial_live_agents').selectAll().orderBy('user').execute(),
    calls: await db().selectFrom('vicidial_auto_calls').selectAll().execute(),
    manager: await manager(),
    closer: await db().selectFrom('vicidial_closer_log').selectAll().execute(),
    log: await db().selectFrom('vicidial_log').selectAll().execute(),
    lead: await lead(),
  });
  const expectCallEnded = async (status: string, user = '1000') => {
    const a = await agent(user);
    expect(a).toMatchObject({ status: 'READY', lead_id: 0, uniqueid: '', callerid: '', channel: '' });
    expect(String(a.random_id)).toMatch(/^\d{8}$/);
    expect(Math.abs(new Date(a.last_call_finish.replace(' ', 'T')).getTime() - Date.now())).toBeLessThan(60_000);
    expect(a.last_state_change).toBe(a.last_call_finish);
    expect(await db().selectFrom('vicidial_auto_calls').selectAll().execute()).toEqual([]);
    const l = await lead();
    expect(l.status).toBe(status);
    expect(l.modify_date).toBe(a.last_call_finish);
  };

  it('hangs up an inbound call, closes its closer log and frees the remote agent (oracle ra.01)', async () => {
    const res = await ra({ stage: 'HANGUP' });
    expect(res.body).toBe(`SUCCESS: ra_call_control hungup - 1000|${IN}|HANGUP\n`);
    expect(await manager()).toMatchObject([{ uniqueid: '', status: 'NEW', response: 'N', server_ip: '10.10.10.15', channel: '', action: 'Hangup',
      callerid: 'HAPI6120000000000001', cmd_line_b: 'Channel: SIP/trunk-00000001', cmd_line_c: '', cmd_line_d: '', cmd_line_e: '', cmd_line_f: '', ...emptyLines }]);
    const closer = await db().selectFrom('vicidial_closer_log').selectAll().executeTakeFirstOrThrow();
    expect(closer.status).toBe('RAXFER');
    expect(Math.abs(Number(closer.end_epoch) - Date.now() / 1000)).toBeLessThan(60);
    expect(closer.length_in_sec).toBe(Number(closer.end_epoch) - Number(closer.start_epoch));
    await expectCallEnded('RAXFER');
    const log = await db().selectFrom('vicidial_api_log').selectAll().executeTakeFirstOrThrow();
    expect(log).toMatchObject({ function: 'ra_call_control', agent_user: '1000', value: IN, result: 'SUCCESS', result_reason: 'ra_call_control hungup', data: '' });
  });

  it('hangs up an outbound call, closing vicidial_log with the agent user (ra.02)', async () => {
    await outbound();
    expect((await ra({ value: OUT, stage: 'HANGUP', status: 'SALE' })).body).toBe(`SUCCESS: ra_call_control hungup - 1000|${OUT}|HANGUP\n`);
    const log = await db().selectFrom('vicidial_log').selectAll().executeTakeFirstOrThrow();
    expect(log).toMatchObject({ status: 'SALE', user: '1000' });
    expect(log.length_in_sec).toBe(Number(log.end_epoch) - Number(log.start_epoch));
    expect((await manager())[0]).toMatchObject({ action: 'Hangup', callerid: 'HAPI6120000000000001' });
    await expectCallEnded('SALE');
  });

  it('filters the status and cuts it to the column (oracle ra.15)', async () => {
    expect((await bed.api(`source=test&user=6666&pass=1234&agent_user=1000&function=ra_call_control&value=${IN}&stage=HANGUP&status=A-B+C`)).body)
      .toBe(`SUCCESS: ra_call_control hungup - 1000|${IN}|HANGUP\n`);
    expect((await lead()).status).toBe('A-BC');
    await inbound();
    await ra({ stage: 'HANGUP', status: "LONGSTATUS'; --" });
    expect((await lead()).status).toBe('LONGST');
    expect((await db().selectFrom('vicidial_closer_log').select('status').executeTakeFirstOrThrow()).status).toBe('LONGST');
  });

  it('transfers to an extension (oracle ra.03), refusing a short number (ra.04)', async () => {
    expect((await ra({ stage: 'EXTENSIONTRANSFER', phone_number: '8' })).body).toBe('ERROR: phone_number is not valid - 8\n');
    const before = await state();
    expect((await ra({ stage: 'EXTENSIONTRANSFER' })).body).toBe('ERROR: phone_number is not valid - \n');
    expect(await state()).toEqual(before);
    expect((await ra({ stage: 'EXTENSIONTRANSFER', phone_number: '8500' })).body).toBe(`SUCCESS: ra_call_control transfer - 1000|${IN}|8500\n`);
    expect(await manager()).toMatchObject([{ action: 'Redirect', callerid: 'XAPI6120000000000001', server_ip: '10.10.10.15', cmd_line_b: 'Channel: SIP/trunk-00000001',
      cmd_line_c: 'Context: default', cmd_line_d: 'Exten: 8500', cmd_line_e: 'Priority: 1', cmd_line_f: 'CallerID: XAPI6120000000000001', ...emptyLines }]);
    await expectCallEnded('RAXFER');
  });

  it('transfers to an in-group (oracle ra.05) and resolves DEFAULTINGROUP for inbound and outbound calls (ra.06, ra.07)', async () => {
    expect((await ra({ stage: 'INGROUPTRANSFER', ingroup_choices: 'SALESLINE' })).body).toBe(`SUCCESS: ra_call_control transfer - 1000|${IN}|\n`);
    expect((await manager())[0]).toMatchObject({ action: 'Redirect', cmd_line_c: 'Context: default', cmd_line_d: 'Exten: 90009*SALESLINE**1**3125551001**1000**', cmd_line_f: 'CallerID: XAPI6120000000000001' });
    await inbound();
    await db().updateTable('vicidial_inbound_groups').set({ default_xfer_group: 'AGENTDIRECT' }).where('group_id', '=', 'TEST_IN').execute();
    expect((await ra({ stage: 'INGROUPTRANSFER', ingroup_choices: 'DEFAULTINGROUP', phone_number: '77' })).body).toBe(`SUCCESS: ra_call_control transfer - 1000|${IN}|77\n`);
    expect((await manager())[0].cmd_line_d).toBe('Exten: 90009*AGENTDIRECT**1**3125551001**1000**');
    await outbound();
    expect((await ra({ value: OUT, stage: 'INGROUPTRANSFER', ingroup_choices: 'DEFAULTINGROUP' })).body).toBe(`SUCCESS: ra_call_control transfer - 1000|${OUT}|\n`);
    expect((await manager())[0].cmd_line_d).toBe('Exten: 90009*SALESLINE**1**3125551001**1000**');
    await expectCallEnded('RAXFER');
  });

  it('refuses a missing, inactive or unknown in-group and changes nothing (oracle ra.08, ra.09)', async () => {
    const before = await state();
    expect((await ra({ stage: 'INGROUPTRANSFER' })).body).toBe('ERROR: ingroup is not valid - \n');
    expect((await ra({ stage: 'INGROUPTRANSFER', ingroup_choices: 'OLD_IN' })).body).toBe('ERROR: ingroup is not valid - OLD_IN\n');
    expect((await ra({ stage: 'INGROUPTRANSFER', ingroup_choices: "X' OR '1'='1" })).body).toBe('ERROR: ingroup is not valid - X OR 11\n');
    await db().updateTable('vicidial_inbound_groups').set({ default_xfer_group: 'OLD_IN' }).where('group_id', '=', 'TEST_IN').execute();
    expect((await ra({ stage: 'INGROUPTRANSFER', ingroup_choices: 'DEFAULTINGROUP' })).body).toBe('ERROR: ingroup is not valid - OLD_IN\n');
    expect(await state()).toEqual(before);
  });

  it('refuses unknown and lower-case stages, unknown calls and missing fields (oracle ra.10, ra.11, ra.12, ra.14)', async () => {
    const before = await state();
    expect((await ra({ stage: 'hangup' })).body).toBe('ERROR: stage is not valid - hangup\n');
    expect((await ra({ stage: 'PARK' })).body).toBe('ERROR: stage is not valid - PARK\n');
    expect((await ra({ stage: '<b>X</b>' })).body).toBe('ERROR: stage is not valid - <b>X</b>\n');
    expect((await ra({ value: 'Y9999999999999999999', stage: 'HANGUP' })).body).toBe('ERROR: no active call found - Y9999999999999999999\n');
    expect((await ra({})).body).toBe(`ERROR: ra_call_control not valid - ${IN}|1000|\n`);
    expect((await ra({ value: '', stage: 'HANGUP' })).body).toBe('ERROR: ra_call_control not valid - |1000|HANGUP\n');
    expect((await ra({ agent_user: '', alt_user: 'CRM1000', stage: 'HANGUP' })).body).toBe(`ERROR: ra_call_control not valid - ${IN}||HANGUP\n`);
    expect(await state()).toEqual(before);
  });

  it('needs a logged-in agent_user (oracle ra.13) and the permission', async () => {
    const before = await state();
    expect((await ra({ agent_user: '1002', stage: 'HANGUP' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await db().updateTable('vicidial_users').set({ api_allowed_functions: ' send_dtmf ' }).where('user', '=', '6670').execute();
    expect((await ra({ user: '6670', stage: 'HANGUP', close_window_link: '1' })).body)
      .toBe(`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${IN}|6670|ra_call_control|LIMITED\n`);
    expect(await state()).toEqual(before);
  });

  it('frees the remote agent even when another agent sends the command, and clears ring_callerid', async () => {
    await outbound();
    await db().insertInto('vicidial_live_agents').values({ user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', campaign_id: 'MANCAMP', ring_callerid: OUT }).execute();
    expect((await ra({ agent_user: '1001', value: OUT, stage: 'INGROUPTRANSFER', ingroup_choices: 'TEST_IN' })).body)
      .toBe(`SUCCESS: ra_call_control transfer - 1001|${OUT}|\n`);
    expect((await manager())[0].cmd_line_d).toBe('Exten: 90009*TEST_IN**1**3125551001**1001**');
    expect((await db().selectFrom('vicidial_log').select('user').executeTakeFirstOrThrow()).user).toBe('1001');
    await expectCallEnded('RAXFER', '1000');
    expect(await agent('1001')).toMatchObject({ status: 'PAUSED', ring_callerid: '' });
  });
});
