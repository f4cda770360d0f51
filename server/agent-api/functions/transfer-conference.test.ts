import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';
import { clockAt } from '../context.js';
import { multiDialPhones } from './transfer-conference.js';

const CID = 'V1126120000000000001';
const CALL = { status: 'INCALL' as const, lead_id: 1, callerid: CID, uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' };
const autoCall = (call_type: string, campaign_id: string, callerid = CID) => ({
  server_ip: '10.10.10.15', campaign_id, status: 'LIVE', lead_id: 1, uniqueid: '1795670000.101', callerid,
  channel: 'SIP/trunk-00000001', phone_code: '1', phone_number: '3125551001', call_type, stage: 'LIVE',
});
const ago = (s: number) => clockAt(new Date(Date.now() - s * 1000)).nowTime;
const ok = (details: string) => `SUCCESS: transfer_conference function set - ${details}|1000|${CID}|\n`;

describe.each(testDialects())('transfer_conference on %s', (dialect) => {
  const bed = useApiBed(dialect, { extraRows: () => ({ vicidial_auto_calls: [autoCall('OUT', 'TESTCAMP')] }) });
  beforeEach(async () => { await setAgent(CALL); });

  const db = () => bed.database.db;
  const agent = () => db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
  const setAgent = (set: Record<string, unknown>) => db().updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();
  const tc = (params: Record<string, string>) => bed.api({ function: 'transfer_conference', agent_user: '1000', ...params });
  /** external_transferconf with its epoch field replaced by EPOCH (checked to be now). */
  const stored = async () => {
    const f = (await agent()).external_transferconf.split('---');
    expect(Math.abs(Number(f[7]) - Date.now() / 1000)).toBeLessThan(60);
    f[7] = 'EPOCH';
    return f.join('---');
  };
  const expectNoWrite = async () => {
    expect((await agent()).external_transferconf).toBe('');
    expect(await db().selectFrom('vicidial_3way_press_multi').selectAll().execute()).toEqual([]);
  };

  it('hangs up the 3-way side, both sides, or leaves the 3-way (oracle tc.01, tc.02, tc.18)', async () => {
    for (const value of ['HANGUP_XFER', 'HANGUP_BOTH', 'LEAVE_3WAY_CALL']) {
      expect((await tc({ value, phone_number: '8500', group_alias: 'NOPE', cid_choice: 'BOGUS' })).body).toBe(ok(`${value}||8500|NO`));
      expect(await stored()).toBe(`${value}---------NO------------EPOCH`);
    }
    const log = await db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id').executeTakeFirstOrThrow();
    expect(log).toMatchObject({ function: 'transfer_conference', agent_user: '1000', value: 'HANGUP_XFER', result: 'SUCCESS', result_reason: 'transfer_conference function set', data: CID });
  });

  it('blind-transfers, leaves a voicemail and dials with dial_override (oracle tc.03, tc.04, tc.11)', async () => {
    expect((await tc({ value: 'BLIND_TRANSFER', phone_number: '8500' })).body).toBe(ok('BLIND_TRANSFER||8500|NO'));
    expect(await stored()).toBe('BLIND_TRANSFER------8500---NO------------EPOCH---');
    expect((await tc({ value: 'LEAVE_VM', phone_number: '8500', ingroup_choices: 'SALESLINE' })).body).toBe(ok('LEAVE_VM|SALESLINE|8500|NO'));
    expect(await stored()).toBe('LEAVE_VM------8500---NO------------EPOCH---');
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '919998888112', dial_override: 'YES' })).body).toBe(ok('DIAL_WITH_CUSTOMER||919998888112|NO'));
    expect(await stored()).toBe('DIAL_WITH_CUSTOMER------919998888112---NO---YES---------EPOCH---');
    expect((await tc({ value: 'PARK_CUSTOMER_DIAL', phone_number: '8500', consultative: 'yes' })).body).toBe(ok('PARK_CUSTOMER_DIAL||8500|NO'));
  });

  it('transfers to an in-group, resolving DEFAULTINGROUP through the call (oracle tc.05, tc.06, tc.30, tc.30b)', async () => {
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'SALESLINE' })).body).toBe(ok('LOCAL_CLOSER|SALESLINE||NO'));
    expect(await stored()).toBe('LOCAL_CLOSER---SALESLINE------NO------------EPOCH---');
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'DEFAULTINGROUP' })).body).toBe(ok('LOCAL_CLOSER|SALESLINE||NO'));
    expect(await stored()).toBe('LOCAL_CLOSER---SALESLINE------NO------------EPOCH---');
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'AGENTDIRECT', phone_number: 'agent1001' })).body).toBe(ok('LOCAL_CLOSER|AGENTDIRECT|agent1001|NO'));
    expect(await stored()).toBe('LOCAL_CLOSER---AGENTDIRECT---agent1001---NO------------EPOCH---');
    // An inbound call takes its in-group's default transfer group.
    await db().updateTable('vicidial_auto_calls').set({ call_type: 'IN', campaign_id: 'TEST_IN' }).execute();
    await db().updateTable('vicidial_inbound_groups').set({ default_xfer_group: 'AGENTDIRECT' }).where('group_id', '=', 'TEST_IN').execute();
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'DEFAULTINGROUP' })).body).toBe(ok('LOCAL_CLOSER|AGENTDIRECT||NO'));
  });

  it('refuses a missing, unknown, inactive or unresolvable in-group without exiting (oracle tc.07, tc.08, tc.29)', async () => {
    const link = '\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n';
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'OLD_IN' })).body).toBe('ERROR: ingroup is not valid - OLD_IN\n');
    expect((await tc({ value: 'LOCAL_CLOSER', close_window_link: '1' })).body).toBe(`ERROR: ingroup is not valid - \n${link}`);
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', consultative: 'YES' })).body).toBe('ERROR: ingroup is not valid - \n');
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: "SALES' OR '1'='1" })).body).toBe('ERROR: ingroup is not valid - SALES OR 11\n');
    await db().updateTable('vicidial_campaigns').set({ default_xfer_group: '---NONE---' }).where('campaign_id', '=', 'TESTCAMP').execute();
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'DEFAULTINGROUP' })).body).toBe('ERROR: ingroup is not valid - ---NONE---\n');
    await db().deleteFrom('vicidial_auto_calls').execute();
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'DEFAULTINGROUP' })).body).toBe('ERROR: ingroup is not valid - \n');
    await expectNoWrite();
  });

  it('dials consultatively through an in-group with alias and cid_choice (oracle tc.09, tc.17)', async () => {
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', ingroup_choices: 'TEST_IN', consultative: 'YES' })).body).toBe(ok('DIAL_WITH_CUSTOMER|TEST_IN||YES'));
    expect(await stored()).toBe('DIAL_WITH_CUSTOMER---TEST_IN------YES------------EPOCH---');
    const res = await tc({ value: 'PARK_CUSTOMER_DIAL', ingroup_choices: 'SALESLINE', consultative: 'YES', group_alias: 'DEFAULTCID', cid_choice: 'AGENT_PHONE' });
    expect(res.body).toBe(ok('PARK_CUSTOMER_DIAL|SALESLINE||YES'));
    expect(await stored()).toBe('PARK_CUSTOMER_DIAL---SALESLINE------YES------DEFAULTCID---3125550000---EPOCH---AGENT_PHONE');
  });

  it('checks group_alias and cid_choice, exiting on failure (oracle tc.12–tc.16)', async () => {
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '8500', group_alias: 'DEFAULTCID', cid_choice: 'CUSTOM_CID' })).body).toBe(ok('DIAL_WITH_CUSTOMER||8500|NO'));
    expect(await stored()).toBe('DIAL_WITH_CUSTOMER------8500---NO------DEFAULTCID---3125550000---EPOCH---CUSTOM_CID');
    await setAgent({ external_transferconf: '' });
    const exitOnly = { close_window_link: '1', phone_number: '919998888112' };
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', cid_choice: 'BOGUS', ...exitOnly })).body).toBe('ERROR: cid_choice is not valid - 1000|BOGUS\n');
    expect((await tc({ value: 'PARK_CUSTOMER_DIAL', group_alias: 'BADCID', ...exitOnly })).body).toBe('ERROR: caller_id_number from group_alias is not valid - 1000|BADCID|\n');
    expect((await tc({ value: 'BLIND_TRANSFER', group_alias: 'NOSUCH', ...exitOnly })).body).toBe('ERROR: group_alias is not valid - 1000|NOSUCH\n');
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'SALESLINE', group_alias: 'BADCID', ...exitOnly })).body).toBe('ERROR: caller_id_number from group_alias is not valid - 1000|BADCID|\n');
    expect((await tc({ value: 'LOCAL_CLOSER', ingroup_choices: 'SALESLINE', cid_choice: 'NONE', ...exitOnly })).body).toBe('ERROR: cid_choice is not valid - 1000|NONE\n');
    const logged = await db().selectFrom('vicidial_api_log').select(['result_reason', 'data']).where('result', '=', 'ERROR').orderBy('api_id').execute();
    expect(logged.map((l) => l.data)).toEqual(['BOGUS', 'BADCID|', 'NOSUCH', 'BADCID|', 'NONE']);
    expect((await agent()).external_transferconf).toBe('');
    // decisions.md: `_` and `-` are kept in group_alias.
    await bed.reset({ vicidial_auto_calls: [autoCall('OUT', 'TESTCAMP')], groups_alias: [{ group_alias_id: 'MY_ALIAS-1', caller_id_number: '3125550001', active: 'Y' }] });
    await setAgent(CALL);
    expect((await tc({ value: 'BLIND_TRANSFER', phone_number: '8500', group_alias: 'MY_ALIAS-1' })).body).toBe(ok('BLIND_TRANSFER||8500|NO'));
    expect(await stored()).toBe('BLIND_TRANSFER------8500---NO------MY_ALIAS-1---3125550001---EPOCH---');
  });

  it('answers not valid for short values or no agent, and names the API user for unknown values (oracle tc.19, tc.20)', async () => {
    expect((await tc({ value: 'HANGUP' })).body).toBe('ERROR: transfer_conference not valid - HANGUP|1000\n');
    expect((await tc({ agent_user: '', value: 'HANGUP_XFER', alt_user: 'X' })).body).toBe('ERROR: transfer_conference not valid - HANGUP_XFER|\n');
    expect((await tc({ value: 'XYZFUNCTION' })).body).toBe('ERROR: value is not valid - XYZFUNCTION|6666\n');
    expect((await tc({ value: 'hangup_xfer' })).body).toBe('ERROR: value is not valid - hangup_xfer|6666\n');
    await expectNoWrite();
  });

  it('needs a live call: a lead and a callerid over 15 characters (oracle tc.21, tc.22, tc.31)', async () => {
    for (const set of [{ lead_id: 0 }, { callerid: 'V11261200000000' }, { callerid: '' }]) {
      await setAgent({ ...CALL, ...set });
      expect((await tc({ value: 'HANGUP_XFER' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    }
    await setAgent({ ...CALL, callerid: 'V112612000000000' });
    expect((await tc({ value: 'HANGUP_XFER' })).body).toBe('SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|V112612000000000|\n');
  });

  it('stores kept multi-dial numbers and reports them (oracle tc.24)', async () => {
    const multi = '2125551212,4075551212,2125551212,12,3125551212';
    const res = await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '8500', multi_dial_phones: multi });
    expect(res.body).toBe(`SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||8500|NO|1000|${CID}|Multi-phones: 3 5 1|\n`);
    const row = await db().selectFrom('vicidial_3way_press_multi').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user: '1000', phone_numbers: '2125551212,4075551212,3125551212', phone_numbers_ct: 3, status: 'NEW' });
    expect(row.call_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await db().selectFrom('vicidial_api_log').select('data').orderBy('api_id', 'desc').executeTakeFirstOrThrow()).data).toBe(`${CID}|Multi-phones: 3 5 1`);
    await db().updateTable('vicidial_3way_press_multi').set({ status: 'DONE' }).execute();
    expect((await tc({ value: 'HANGUP_BOTH', multi_dial_phones: '555555,55555' })).body).toBe(ok('HANGUP_BOTH|||NO').replace(/\|\n$/, '|Multi-phones: 1 2 2|\n'));
    expect(await db().selectFrom('vicidial_3way_press_multi').select(['phone_numbers', 'status']).execute()).toEqual([{ phone_numbers: '555555', status: 'NEW' }]);
    expect((await tc({ value: 'HANGUP_BOTH', multi_dial_phones: '1234' })).body).toBe(ok('HANGUP_BOTH|||NO'));
    expect((await tc({ value: 'HANGUP_BOTH', multi_dial_phones: '1234,12,1234567890123456789' })).body).toBe(ok('HANGUP_BOTH|||NO'));
  });

  it('filters and de-duplicates multi-dial numbers by substring', () => {
    expect(multiDialPhones('1234')).toBeUndefined();
    expect(multiDialPhones('5555555,55555,666666,,123456789012345678')).toEqual({ kept: ['5555555', '666666', '123456789012345678'], given: 5 });
  });

  it('refuses multi-dial while a 3-way press call is active, with md_check (oracle tc.25)', async () => {
    await bed.reset({
      vicidial_auto_calls: [autoCall('OUT', 'TESTCAMP')],
      vicidial_3way_press_live: [{ call_date: ago(60), user: '1000', status: 'LIVE' }, { call_date: ago(60), user: '1000', status: 'HUNGUP' }, { call_date: ago(3600), user: '1000', status: 'LIVE' }],
    });
    await setAgent(CALL);
    const res = await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '8500', multi_dial_phones: '2125551212', md_check: 'YES', close_window_link: '1' });
    expect(res.body).toBe('ERROR: agent_user has previous active 3-way calls - 1000|1|0|YES\n');
    expect((await db().selectFrom('vicidial_api_log').select('data').orderBy('api_id', 'desc').executeTakeFirstOrThrow()).data).toBe('1|0|YES');
    await expectNoWrite();
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '8500', multi_dial_phones: '2125551212', md_check: 'NO' })).body)
      .toBe(`SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||8500|NO|1000|${CID}|Multi-phones: 1 1 1|\n`);
  });

  it('refuses while a 3-way call is in the conference, with tw_check, after the multi-dial write (oracle tc.26, tc.27)', async () => {
    expect((await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '8500', tw_check: 'YES' })).body).toBe(ok('DIAL_WITH_CUSTOMER||8500|NO'));
    await bed.reset({
      vicidial_auto_calls: [autoCall('OUT', 'TESTCAMP')],
      live_sip_channels: [{ channel: 'Local/8500@default-0001', server_ip: '10.10.10.15', channel_group: 'DC1126120000000001W', extension: '8600051' },
        { channel: 'SIP/other', server_ip: '10.10.10.15', channel_group: 'DC1126120000000002W', extension: '8600099' }],
    });
    await setAgent(CALL);
    const res = await tc({ value: 'DIAL_WITH_CUSTOMER', phone_number: '8500', tw_check: 'YES', multi_dial_phones: '2125551212' });
    expect(res.body).toBe('ERROR: agent_user has current active 3-way call - 1000|1|0|YES\n');
    expect((await agent()).external_transferconf).toBe('');
    expect(await db().selectFrom('vicidial_3way_press_multi').select('phone_numbers').execute()).toEqual([{ phone_numbers: '2125551212' }]);
  });

  it('cuts the stored string at 120 characters and echoes the number whole (oracle tc.28)', async () => {
    const phone = '9'.repeat(150);
    expect((await tc({ value: 'BLIND_TRANSFER', phone_number: phone })).body).toBe(ok(`BLIND_TRANSFER||${phone}|NO`));
    expect((await agent()).external_transferconf).toBe(`BLIND_TRANSFER------${phone}`.slice(0, 120));
    expect((await tc({ value: 'BLIND_TRANSFER', phone_number: "85'00; DROP TABLE x--" })).body).toBe(ok('BLIND_TRANSFER||8500DROPTABLEx|NO'));
  });

  it('resolves alt_user, goes on after an unknown one, needs a logged-in agent (oracle tc.23) and the permission', async () => {
    expect((await tc({ agent_user: '', alt_user: 'CRM1000', value: 'HANGUP_XFER' })).body).toBe(ok('HANGUP_XFER|||NO'));
    await setAgent({ external_transferconf: '' });
    expect((await tc({ agent_user: '', alt_user: 'NOPE', value: 'HANGUP_XFER' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect((await tc({ agent_user: '1002', value: 'HANGUP_XFER' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await db().updateTable('vicidial_users').set({ api_allowed_functions: ' park_call ' }).where('user', '=', '6670').execute();
    expect((await tc({ user: '6670', value: 'HANGUP_XFER' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - HANGUP_XFER|6670|transfer_conference|LIMITED\n');
    await expectNoWrite();
  });
});
