import { describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const DIAL = { agent_user: '1000', function: 'external_dial', phone_code: '1', search: 'YES', preview: 'NO', focus: 'YES' };
const AGENT_1001 = { user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', extension: 'SIP/cc101', status: 'PAUSED', lead_id: 0, campaign_id: 'MANCAMP' };

describe.each(testDialects())('external_dial on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const db = () => bed.database.db;
  const stored = async (user = '1000') =>
    (await db().selectFrom('vicidial_live_agents').select('external_dial').where('user', '=', user).executeTakeFirstOrThrow()).external_dial;
  const queue = () => db().selectFrom('vicidial_manual_dial_queue').selectAll().execute();
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').limit(1).executeTakeFirstOrThrow();
  const agent = (set: Record<string, unknown>) => db().updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();
  const dial = (extra: Record<string, string> = {}) => bed.api({ ...DIAL, value: '7275551212', ...extra });
  /** The SUCCESS line with its epoch replaced by <epoch>, and the epoch. */
  const success = (body: string) => {
    const m = /\|(\d{10})\|/.exec(body);
    return { line: body.replace(/\|\d{10}\|/, '|<epoch>|'), epoch: m?.[1] ?? 'none' };
  };
  /** An error path: nothing stored, no queue row. */
  const unchanged = async () => {
    expect(await stored()).toBe('');
    expect(await queue()).toEqual([]);
  };

  it('stores the 14-field dial string for a number (dial.01) and logs the details', async () => {
    const res = await dial();
    const { line, epoch } = success(res.body);
    expect(line).toBe('SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES||<epoch>||||\n');
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!!${epoch}!!!!!!!`);
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: '7275551212', result: 'SUCCESS', data: `1|YES|NO|YES||${epoch}||||` });
  });

  it('dials a lead: its number and phone_code, overriding value (dial.03, dial.11)', async () => {
    let r = success((await bed.api({ ...DIAL, phone_code: '', lead_id: '1' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 3125551001|1000|1|YES|NO|YES||<epoch>||||\n');
    expect(await stored()).toBe(`3125551001!1!YES!NO!YES!!${r.epoch}!!!!!1!!`);
    expect((await lastLog()).value).toBe('3125551001');
    r = success((await dial({ lead_id: '2', phone_code: '44' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 3125551002|1000|1|YES|NO|YES||<epoch>||||\n');
  });

  it('dials the ALT and ADDR3 numbers of a lead, and finds the SEARCH field (dial.05)', async () => {
    let r = success((await dial({ value: '', lead_id: '1', alt_dial: 'ADDR3' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 3125553001|1000|1|YES|NO|YES||<epoch>||||ADDR3\n');
    expect(await stored()).toBe(`3125553001!1!YES!NO!YES!!${r.epoch}!!!!!1!ADDR3!`);
    r = success((await dial({ value: '', lead_id: '1', alt_dial: 'ALT' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 3125552001|1000|1|YES|NO|YES||<epoch>||||ALT\n');
    r = success((await dial({ value: '3125552001', lead_id: '1', alt_dial: 'SEARCH' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 3125552001|1000|1|YES|NO|YES||<epoch>||||ALT\n');
    expect(await stored()).toBe(`3125552001!1!YES!NO!YES!!${r.epoch}!!!!!1!ALT!`);
    r = success((await dial({ value: '3125551001', lead_id: '1', alt_dial: 'SEARCH' })).body);
    expect(r.line).toMatch(/\|MAIN\n$/);
  });

  it('answers the lead errors with the value already blanked (dial.07, dial.09)', async () => {
    expect((await dial({ value: '9999999999', lead_id: '1', alt_dial: 'SEARCH' })).body).toBe('ERROR: phone number lead_id search not found - 1000||1|\n');
    expect(await lastLog()).toMatchObject({ value: '', data: '|1|' });
    expect((await bed.api({ ...DIAL, lead_id: '5' })).body).toBe('ERROR: phone number is not valid - 1000||5|\n');
    expect((await bed.api({ ...DIAL, lead_id: '2', alt_dial: 'ALT' })).body).toBe('ERROR: phone number is not valid - 1000||2|ALT\n');
    expect((await bed.api({ ...DIAL, lead_id: '999' })).body).toBe('ERROR: lead_id is not valid - 1000|999\n');
    await unchanged();
  });

  it('answers not valid with all eight fields (dial.13, dial.15, dial.17, dial.41)', async () => {
    expect((await bed.api({ ...DIAL, value: '7275551212', preview: '', focus: '' })).body).toBe('ERROR: external_dial not valid - 7275551212|1|YES||||1000|\n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', value: '7275551212', data: '1|YES|||' });
    expect((await dial({ value: '7' })).body).toBe('ERROR: external_dial not valid - 7|1|YES|NO|YES||1000|\n');
    expect((await dial({ value: 'manualnext' })).body).toBe('ERROR: external_dial not valid - |1|YES|NO|YES||1000|\n');
    expect((await dial({ agent_user: '1' })).body).toBe('ERROR: external_dial not valid - 7275551212|1|YES|NO|YES||1|\n');
    expect((await dial({ agent_user: '', alt_user: 'X' })).body).toBe('ERROR: external_dial not valid - 7275551212|1|YES|NO|YES|||X\n');
    expect((await dial({ search: 'Y' })).body).toBe('ERROR: external_dial not valid - 7275551212|1|Y|NO|YES||1000|\n');
    await unchanged();
  });

  it('takes any two-character search/preview/focus, digits of a formatted number, and MANUALNEXT', async () => {
    let r = success((await dial({ value: '(727) 555-1212', search: 'XX', preview: 'maybe', focus: 'no' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 7275551212|1000|1|XX|maybe|no||<epoch>||||\n');
    r = success((await dial({ value: 'MANUALNEXT' })).body);
    expect(await stored()).toBe(`MANUALNEXT!1!YES!NO!YES!!${r.epoch}!!!!!!!`);
  });

  it('checks permission, alt_user and login in order', async () => {
    expect((await dial({ user: '6668' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 7275551212|6668|external_dial|ADMIN\n');
    expect((await dial({ agent_user: '', alt_user: 'NOPE' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect((await dial({ agent_user: '1002' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await unchanged();
    expect(success((await dial({ agent_user: '', alt_user: 'CRM1000' })).body).line)
      .toBe('SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES||<epoch>||||\n');
  });

  it('needs PAUSED without a lead in STANDARD mode (dial.18, dial.19) and agentcall_manual=1 (dial.35)', async () => {
    await agent({ status: 'READY' });
    expect((await dial()).body).toBe('ERROR: agent_user is not paused - 1000\n');
    await agent({ status: 'PAUSED', lead_id: 1 });
    expect((await dial()).body).toBe('ERROR: agent_user is not paused - 1000\n');
    expect(await lastLog()).toMatchObject({ value: '7275551212', data: '' });
    await agent({ lead_id: 0 });
    await db().updateTable('vicidial_users').set({ agentcall_manual: '0' }).where('user', '=', '1000').execute();
    expect((await dial()).body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1000\n');
    await unchanged();
  });

  it('lets a valid dial_ingroup bypass readiness; an unknown one is dropped with a NOTICE (dial.29-31)', async () => {
    let r = success((await dial({ dial_ingroup: 'SALESLINE' })).body);
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!!${r.epoch}!!!!!!!SALESLINE`);
    await agent({ status: 'READY', external_dial: '' });
    r = success((await dial({ dial_ingroup: 'SALESLINE' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES||<epoch>||||\n');
    await agent({ external_dial: '' });
    expect((await dial({ dial_ingroup: 'NOPE_IN' })).body).toBe('NOTICE: defined dial_ingroup not found - NOPE_IN\nERROR: agent_user is not paused - 1000\n');
    await agent({ status: 'PAUSED' });
    const res = await dial({ dial_ingroup: 'NOPE_IN' });
    r = success(res.body);
    expect(r.line).toBe('NOTICE: defined dial_ingroup not found - NOPE_IN\nSUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES||<epoch>||||\n');
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!!${r.epoch}!!!!!!!`);
  });

  it('queues the dial in QUEUE mode whatever the agent status, once per number (dial.21, dial.23)', async () => {
    await bed.reset({ vicidial_live_agents: [{ ...AGENT_1001, status: 'READY' }] });
    await db().updateTable('vicidial_users').set({ agentcall_manual: '1' }).where('user', '=', '1001').execute();
    const r = success((await dial({ agent_user: '1001' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 7275551212|1001|1|YES|NO|YES||<epoch>||||\n');
    const rows = await queue();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user: '1001', phone_number: '7275551212', status: 'READY', external_dial: `7275551212!1!YES!NO!YES!!${r.epoch}!!!!!!!` });
    expect(rows[0].entry_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await stored('1001')).toBe('');
    expect((await dial({ agent_user: '1001' })).body).toBe('ERROR: phone_number is already in this agents manual dial queue - 1001|7275551212\n');
    expect(await queue()).toHaveLength(1);
    await db().updateTable('vicidial_users').set({ agentcall_manual: '0' }).where('user', '=', '1001').execute();
    expect((await dial({ agent_user: '1001', value: '3125550000' })).body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1001\n');
    expect(await queue()).toHaveLength(1);
  });

  it('takes the caller id of a group_alias, and refuses unknown or empty ones (dial.24-26)', async () => {
    const r = success((await dial({ group_alias: 'DEFAULTCID' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES||<epoch>||DEFAULTCID|3125550000|\n');
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!!${r.epoch}!!DEFAULTCID!3125550000!!!!`);
    await agent({ external_dial: '' });
    const res = await dial({ group_alias: 'BADCID', close_window_link: '1' });
    expect(res.body).toBe('ERROR: caller_id_number from group_alias is not valid - 1000|BADCID|\n');
    expect(await lastLog()).toMatchObject({ data: 'BADCID|' });
    expect((await dial({ group_alias: 'NOPE' })).body).toBe('ERROR: group_alias is not valid - 1000|NOPE\n');
    await db().insertInto('groups_alias').values({ group_alias_id: 'TINY', caller_id_number: '3' }).execute();
    expect((await dial({ group_alias: 'TINY' })).body).toBe('ERROR: caller_id_number from group_alias is not valid - 1000|TINY|3\n');
    await unchanged();
    // decisions.md: `_` and `-` stay in group_alias, so such ids match.
    await db().insertInto('groups_alias').values({ group_alias_id: 'MY_CID-2', caller_id_number: '3125550002' }).execute();
    expect((await dial({ group_alias: 'MY_CID-2' })).body).toMatch(/\|\|MY_CID-2\|3125550002\|\n$/);
  });

  it('allows outbound_cid only with outbound_cid_any=API_ONLY (dial.27, dial.28)', async () => {
    expect((await dial({ outbound_cid: '3125551234' })).body).toBe('ERROR: outbound_cid is not allowed on this system - 1000|3125551234|DISABLED\n');
    expect(await lastLog()).toMatchObject({ data: '3125551234|DISABLED' });
    await unchanged();
    await db().updateTable('system_settings').set({ outbound_cid_any: 'API_ONLY' }).execute();
    const r = success((await dial({ outbound_cid: '3125551234', group_alias: 'DEFAULTCID' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES||<epoch>||-FORCE-|3125551234|\n');
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!!${r.epoch}!!-FORCE-!3125551234!!!!`);
  });

  it('strips the 99 of a vtiger_callback number (dial.39); with Vtiger on, no activity can be found', async () => {
    const r = success((await dial({ value: '99123', vtiger_callback: 'YES' })).body);
    expect(r.line).toBe('SUCCESS: external_dial function set - 123|1000|1|YES|NO|YES||<epoch>||||\n');
    expect(await stored()).toBe(`123!1!YES!NO!YES!!${r.epoch}!!!!!!!`);
    await agent({ external_dial: '' });
    await db().updateTable('system_settings').set({ enable_vtiger_integration: '1' }).execute();
    expect((await dial({ value: '99123', vtiger_callback: 'YES' })).body).toBe('ERROR: vtiger callback activity does not exist in vtiger system - 123\n');
    await unchanged();
  });

  it('stores hostile vendor_id and dial_prefix verbatim and cuts the string at 100 (dial.36-38)', async () => {
    let r = success((await dial({ vendor_id: "O'Brien\"; DROP TABLE x -- \\" })).body);
    expect(r.line).toBe(`SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|YES|O'Brien" DROP TABLE x -- \\|<epoch>||||\n`);
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!O'Brien" DROP TABLE x -- \\!${r.epoch}!!!!!!!`);
    r = success((await dial({ vendor_id: 'a!b', dial_prefix: '9_1' })).body);
    expect(await stored()).toBe(`7275551212!1!YES!NO!YES!a!b!${r.epoch}!91!!!!!!`);
    const digits = '1'.repeat(150);
    r = success((await dial({ value: digits })).body);
    expect(r.line).toBe(`SUCCESS: external_dial function set - ${digits}|1000|1|YES|NO|YES||<epoch>||||\n`);
    expect(await stored()).toBe(digits.slice(0, 100));
    expect(await db().selectFrom('vicidial_list').select('lead_id').execute()).toHaveLength(5);
  });
});
