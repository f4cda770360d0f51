import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const SW = { agent_user: '1000', function: 'switch_lead' };
const INBOUND = { status: 'INCALL', lead_id: 1, callerid: 'Y1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' } as const;

describe.each(testDialects())('switch_lead on %s', (dialect) => {
  const bed = useApiBed(dialect);
  beforeEach(async () => {
    await agent(INBOUND);
  });

  const db = () => bed.database.db;
  const agent = (set: Record<string, unknown>) => db().updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();
  const stored = async () =>
    (await db().selectFrom('vicidial_live_agents').select('external_lead_id').where('user', '=', '1000').executeTakeFirstOrThrow()).external_lead_id;
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').limit(1).executeTakeFirstOrThrow();
  const sw = (extra: Record<string, string>) => bed.api({ ...SW, ...extra });

  it('switches to a lead by lead_id (sw.01)', async () => {
    expect((await sw({ lead_id: '2' })).body).toBe('SUCCESS: switch_lead function set - 1000|2|VLC1002|TESTCAMP|1|\n');
    expect(await stored()).toBe(2);
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: '', result: 'SUCCESS', data: '2|VLC1002|TESTCAMP|1' });
  });

  it('switches by vendor_lead_code to the newest lead with it (sw.02)', async () => {
    await db().insertInto('vicidial_list').values({ lead_id: 50, list_id: 101, phone_number: '3125550050', vendor_lead_code: 'VLC1003' }).execute();
    expect((await sw({ vendor_lead_code: 'VLC1003' })).body).toBe('SUCCESS: switch_lead function set - 1000|50|VLC1003|TESTCAMP|1|\n');
    expect(await stored()).toBe(50);
    expect((await sw({ lead_id: '0', vendor_lead_code: 'VLC1002' })).body).toBe('SUCCESS: switch_lead function set - 1000|2|VLC1002|TESTCAMP|1|\n');
  });

  it('lets lead_id win when both are given (decisions.md; the real server chose the code, sw.03)', async () => {
    expect((await sw({ lead_id: '2', vendor_lead_code: 'VLC1003' })).body).toBe('SUCCESS: switch_lead function set - 1000|2|VLC1002|TESTCAMP|1|\n');
    expect(await stored()).toBe(2);
  });

  it('answers not valid without a lead or an agent (sw.09, sw.10)', async () => {
    expect((await sw({})).body).toBe('ERROR: switch_lead not valid - ||1000\n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'switch_lead not valid', data: '' });
    expect((await sw({ lead_id: '0' })).body).toBe('ERROR: switch_lead not valid - 0||1000\n');
    expect((await sw({ agent_user: '', lead_id: '2' })).body).toBe('ERROR: switch_lead not valid - 2||\n');
    expect((await sw({ agent_user: '', alt_user: 'X', lead_id: '2' })).body).toBe('ERROR: switch_lead not valid - 2||\n');
    expect(await stored()).toBe(0);
  });

  it('checks permission (lead_id first), alt_user and login', async () => {
    expect((await sw({ user: '6668', lead_id: '2' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 2|6668|switch_lead|ADMIN\n');
    expect((await sw({ agent_user: '1002', lead_id: '2' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await sw({ agent_user: '', alt_user: 'NOPE', lead_id: '2' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect(await stored()).toBe(0);
    expect((await sw({ agent_user: '', alt_user: 'CRM1000', lead_id: '2' })).body).toBe('SUCCESS: switch_lead function set - 1000|2|VLC1002|TESTCAMP|1|\n');
  });

  it('needs a live call: a lead and a callerid longer than 15 characters (sw.08)', async () => {
    await agent({ status: 'PAUSED', lead_id: 0, callerid: '' });
    expect((await sw({ lead_id: '2' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    await agent({ lead_id: 1, callerid: 'Y11261200000000' });
    expect((await sw({ lead_id: '2' })).body).toBe('ERROR: agent_user does not have a live call - 1000\n');
    expect(await stored()).toBe(0);
  });

  it('refuses an outbound call, without a trailing newline (sw.05)', async () => {
    await agent({ callerid: 'V1126120000000000001' });
    const res = await sw({ lead_id: '2', close_window_link: '1' });
    expect(res.body).toBe('ERROR: agent call is not inbound - 1000|V1126120000000000001'
      + '\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n');
    expect(await lastLog()).toMatchObject({ result_reason: 'agent call is not inbound', data: '' });
    expect(await stored()).toBe(0);
  });

  it('needs the campaign and its inbound lead search (sw.06, sw.07, sw.13, sw.14)', async () => {
    await agent({ campaign_id: 'NOCAMP' });
    expect((await sw({ lead_id: '2' })).body).toBe('ERROR: campaign not found - 1000|NOCAMP\n');
    await agent({ campaign_id: 'TESTCAMP' });
    for (const setting of ['ENABLED', 'DISABLED'] as const) {
      await db().updateTable('vicidial_campaigns').set({ agent_lead_search: setting }).where('campaign_id', '=', 'TESTCAMP').execute();
      expect((await sw({ lead_id: '2' })).body).toBe('ERROR: campaign does not allow inbound lead search - 1000|TESTCAMP\n');
    }
    expect(await stored()).toBe(0);
    await db().updateTable('vicidial_campaigns').set({ agent_lead_search: 'LIVE_CALL_INBOUND' }).where('campaign_id', '=', 'TESTCAMP').execute();
    expect((await sw({ lead_id: '3' })).body).toBe('SUCCESS: switch_lead function set - 1000|3|VLC1003|TESTCAMP|1|\n');
  });

  it('answers lead not found (sw.04), also for a hostile vendor_lead_code (sw.11: HTTP 500 on the real server)', async () => {
    expect((await sw({ lead_id: '999' })).body).toBe('ERROR: switch-to lead not found - 1000|999|\n');
    expect((await sw({ vendor_lead_code: "VLC'1003" })).body).toBe("ERROR: switch-to lead not found - 1000||VLC'1003\n");
    expect((await sw({ vendor_lead_code: "x' OR '1'='1" })).body).toBe("ERROR: switch-to lead not found - 1000||x' OR '1'='1\n");
    expect((await sw({ vendor_lead_code: 'a;b#c+d\\' })).body).toBe('ERROR: switch-to lead not found - 1000||abc d\\\n');
    expect(await stored()).toBe(0);
    const long = 'V'.repeat(300);
    expect((await sw({ vendor_lead_code: long })).body).toBe(`ERROR: switch-to lead not found - 1000||${long}\n`);
    expect(await db().selectFrom('vicidial_list').select('lead_id').execute()).toHaveLength(5);
  });
});
