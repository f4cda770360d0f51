import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const ADD = { agent_user: '1000', function: 'external_add_lead', phone_code: '1' };
const NOW = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

describe.each(testDialects())('external_add_lead on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const db = () => bed.database.db;
  const newLeads = () => db().selectFrom('vicidial_list').selectAll().where('lead_id', '>', 5).orderBy('lead_id').execute();
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').limit(1).executeTakeFirstOrThrow();
  const add = (extra: Record<string, string>) => bed.api({ ...ADD, ...extra });
  /** The reply with the new lead id replaced by <id>, and the new lead. */
  const added = async (body: string) => {
    const leads = await newLeads();
    expect(leads).toHaveLength(1);
    return { line: body.replace(`|${leads[0].lead_id}|`, '|<id>|'), lead: leads[0] };
  };

  it('inserts the lead into the campaign manual-dial list (add.01)', async () => {
    const res = await add({ phone_number: '3125550101', first_name: 'Bob', last_name: 'Smith' });
    const { line, lead } = await added(res.body);
    expect(line).toBe('SUCCESS: lead added - 3125550101|TESTCAMP|101|<id>|1000\n');
    expect(lead).toMatchObject({
      status: 'NEW', user: '6666', list_id: 101, phone_code: '1', phone_number: '3125550101', first_name: 'Bob', last_name: 'Smith',
      vendor_lead_code: '', source_id: '', title: '', middle_initial: '', address1: '', city: '', state: '', gender: '',
      date_of_birth: '0000-00-00', alt_phone: '', email: '', comments: '', called_since_last_reset: 'N', rank: 0, owner: '', called_count: 0,
    });
    expect(Number(lead.gmt_offset_now)).toBe(0);
    for (const col of ['entry_date', 'modify_date', 'last_local_call_time'] as const) expect(lead[col]).toMatch(NOW);
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: '3125550101', result: 'SUCCESS', result_reason: 'lead added', data: `3125550101|101|${lead.lead_id}` });
  });

  it('takes value over phone_number (add.02, add.03), and adds duplicates (add.27)', async () => {
    const { line } = await added((await add({ value: '3125550103', phone_number: '3125550104' })).body);
    expect(line).toBe('SUCCESS: lead added - 3125550103|TESTCAMP|101|<id>|1000\n');
    await db().deleteFrom('vicidial_list').where('lead_id', '>', 5).execute();
    expect((await added((await add({ phone_number: '3125551001' })).body)).line).toBe('SUCCESS: lead added - 3125551001|TESTCAMP|101|<id>|1000\n');
  });

  it('answers not valid without phone_code, number or agent (add.11, add.12)', async () => {
    expect((await add({ phone_code: '', phone_number: '3125550106', close_window_link: '1' })).body).toBe('ERROR: external_add_lead not valid - 3125550106||1000|\n');
    expect(await lastLog()).toMatchObject({ value: '3125550106', data: '3125550106|' });
    expect((await add({})).body).toBe('ERROR: external_add_lead not valid - |1|1000|\n');
    expect((await add({ phone_number: '3' })).body).toBe('ERROR: external_add_lead not valid - |1|1000|\n');
    expect((await add({ agent_user: '1', phone_number: '3125550106' })).body).toBe('ERROR: external_add_lead not valid - 3125550106|1|1|\n');
    expect((await add({ agent_user: '', alt_user: 'C', phone_number: '3125550106' })).body).toBe('ERROR: external_add_lead not valid - 3125550106|1||C\n');
    expect(await newLeads()).toEqual([]);
  });

  it('checks permission, alt_user and login (add.13, add.26)', async () => {
    expect((await add({ user: '6668', phone_number: '3125550107' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 3125550107|6668|external_add_lead|ADMIN\n');
    expect((await add({ agent_user: '1002', phone_number: '3125550107' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await add({ agent_user: '', alt_user: 'NOPE', phone_number: '3125550107' })).body)
      .toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect(await newLeads()).toEqual([]);
    expect((await added((await add({ agent_user: '', alt_user: 'CRM1000', phone_number: '3125550107' })).body)).line)
      .toBe('SUCCESS: lead added - 3125550107|TESTCAMP|101|<id>|1000\n');
  });

  it('checks the system DNC only with dnc_check YES or Y (add.04, add.05, add.10)', async () => {
    for (const check of ['YES', 'Y']) {
      expect((await add({ phone_number: '3125559999', dnc_check: check })).body).toBe('ERROR: add_lead PHONE NUMBER IN DNC - 3125559999|1000\n');
      expect(await lastLog()).toMatchObject({ result_reason: 'add_lead PHONE NUMBER IN DNC', data: '3125559999' });
    }
    expect(await newLeads()).toEqual([]);
    expect((await added((await add({ phone_number: '3125559999', dnc_check: 'yes' })).body)).line)
      .toBe('SUCCESS: lead added - 3125559999|TESTCAMP|101|<id>|1000\n');
    await db().deleteFrom('vicidial_list').where('lead_id', '>', 5).execute();
    expect((await added((await add({ phone_number: '3125559999' })).body)).line).toBe('SUCCESS: lead added - 3125559999|TESTCAMP|101|<id>|1000\n');
  });

  it('checks the campaign DNC, or the other campaign it names (add.07, add.09)', async () => {
    expect((await add({ phone_number: '3125558888', campaign_dnc_check: 'YES' })).body).toBe('ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125558888|TESTCAMP|1000\n');
    expect(await lastLog()).toMatchObject({ data: '3125558888|TESTCAMP' });
    await db().insertInto('vicidial_campaign_dnc').values({ phone_number: '3125557777', campaign_id: 'MANCAMP' }).execute();
    expect((await added((await add({ phone_number: '3125557777', campaign_dnc_check: 'Y' })).body)).line)
      .toBe('SUCCESS: lead added - 3125557777|TESTCAMP|101|<id>|1000\n');
    await db().deleteFrom('vicidial_list').where('lead_id', '>', 5).execute();
    await db().updateTable('vicidial_campaigns').set({ use_other_campaign_dnc: 'MANCAMP' }).where('campaign_id', '=', 'TESTCAMP').execute();
    expect((await add({ phone_number: '3125557777', campaign_dnc_check: 'YES' })).body).toBe('ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125557777|TESTCAMP|1000\n');
    expect(await newLeads()).toEqual([]);
  });

  it('prints both DNC lines when the number is in both lists (add.08)', async () => {
    await db().insertInto('vicidial_dnc').values({ phone_number: '3125558888' }).execute();
    const res = await add({ phone_number: '3125558888', dnc_check: 'YES', campaign_dnc_check: 'YES' });
    expect(res.body).toBe('ERROR: add_lead PHONE NUMBER IN DNC - 3125558888|1000\nERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125558888|TESTCAMP|1000\n');
    expect(await db().selectFrom('vicidial_api_log').select('result_reason').where('function', '=', 'external_add_lead').execute()).toHaveLength(2);
    expect(await newLeads()).toEqual([]);
  });

  it('answers campaign manual dial list undefined when the campaign is missing (add.23)', async () => {
    await db().updateTable('vicidial_live_agents').set({ campaign_id: 'NOCAMP' }).where('user', '=', '1000').execute();
    expect((await add({ phone_number: '3125550116' })).body).toBe('ERROR: campaign manual dial list undefined - 3125550116||1000\n');
    expect(await lastLog()).toMatchObject({ value: '3125550116', data: '' });
    expect(await newLeads()).toEqual([]);
  });

  it('adds to the list of the agent\'s own campaign (add.22)', async () => {
    await bed.reset({ vicidial_live_agents: [{ user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', status: 'PAUSED', campaign_id: 'MANCAMP' }] });
    const { line, lead } = await added((await add({ agent_user: '1001', phone_number: '7275550122' })).body);
    expect(line).toBe('SUCCESS: lead added - 7275550122|MANCAMP|102|<id>|1001\n');
    expect(lead.list_id).toBe(102);
  });

  it('stores every field; vendor_id replaces vendor_lead_code; gmt_offset_now is not stored (add.14)', async () => {
    const res = await add({
      phone_number: '3125550120', phone_code: '44', vendor_lead_code: 'VLC', vendor_id: 'VID-9', source_id: 'SRC', title: 'Dr',
      first_name: 'Ann', middle_initial: 'Q', last_name: 'Lee', address1: '1 Main St', address2: 'Apt 2', address3: 'x@y.z/3',
      city: 'Chicago', state: 'IL', province: 'Cook', postal_code: '60601', country_code: 'USA', gender: 'F', date_of_birth: '1980-2-29',
      alt_phone: '3125550121', email: 'ann@example.com', security_phrase: 'secret', comments: 'hello', rank: '7', owner: 'team1',
      gmt_offset_now: '-5.00',
    });
    const { line, lead } = await added(res.body);
    expect(line).toBe('SUCCESS: lead added - 3125550120|TESTCAMP|101|<id>|1000\n');
    expect(lead).toMatchObject({
      phone_code: '44', vendor_lead_code: 'VID-9', source_id: 'SRC', title: 'Dr', first_name: 'Ann', middle_initial: 'Q', last_name: 'Lee',
      address1: '1 Main St', address2: 'Apt 2', address3: 'x@y.z/3', city: 'Chicago', state: 'IL', province: 'Cook', postal_code: '60601',
      country_code: 'USA', gender: 'F', date_of_birth: '1980-02-29', alt_phone: '3125550121', email: 'ann@example.com',
      security_phrase: 'secret', comments: 'hello', rank: 7, owner: 'team1',
    });
    expect(Number(lead.gmt_offset_now)).toBe(0);
  });

  it('stores junk the way non-strict MySQL did: bad date, rank, gender; cut to widths (add.19, add.24)', async () => {
    const res = await add({ phone_number: '3125550113', first_name: 'F'.repeat(200), rank: 'abc', owner: '<b>x</b>', gender: 'X', date_of_birth: '1980-02-30', state: 'Illinois' });
    const { line, lead } = await added(res.body);
    expect(line).toBe('SUCCESS: lead added - 3125550113|TESTCAMP|101|<id>|1000\n');
    expect(lead).toMatchObject({ first_name: 'F'.repeat(30), rank: 0, owner: 'bx/b', gender: '', date_of_birth: '0000-00-00', state: 'Il' });
  });

  it('keeps quotes, backslashes and SQL as plain data (add.15-17, add.28: the real INSERT failed)', async () => {
    const res = await add({
      phone_number: '3125550110', first_name: "O'Brien", last_name: "D'Arcy", comments: 'say "hi" \\',
      vendor_lead_code: "x', status='DNC", source_id: 'a"); DELETE FROM vicidial_list; --',
    });
    const { line, lead } = await added(res.body);
    expect(line).toBe('SUCCESS: lead added - 3125550110|TESTCAMP|101|<id>|1000\n');
    expect(lead).toMatchObject({ first_name: "O'Brien", last_name: "D'Arcy", comments: 'say "hi" \\', vendor_lead_code: "x', status='DNC", status: 'NEW',
      source_id: 'a") DELETE FROM vicidial_list --' });
    expect(await db().selectFrom('vicidial_list').select('lead_id').execute()).toHaveLength(6);
  });

  it('filters the phone number and turns + into spaces in text (add.20, add.21, add.25)', async () => {
    let { line, lead } = await added((await bed.api('source=test&user=6666&pass=1234&agent_user=1000&function=external_add_lead&phone_code=1'
      + '&phone_number=%2B1%20(312)%20555-0114&first_name=Mary+Ann&comments=a%2Bb+c&vendor_id=v%2B1')).body);
    expect(line).toBe('SUCCESS: lead added - 13125550114|TESTCAMP|101|<id>|1000\n');
    expect(lead).toMatchObject({ phone_number: '13125550114', first_name: 'Mary Ann', comments: 'a b c', vendor_lead_code: 'v 1' });
    await db().deleteFrom('vicidial_list').where('lead_id', '>', 5).execute();
    ({ line, lead } = await added((await add({ phone_number: 'AGENTDIRECT*#' })).body));
    expect(line).toBe('SUCCESS: lead added - AGENTDIRECT*#|TESTCAMP|101|<id>|1000\n');
  });

  it('answers lead insertion failed when the database refuses the row', async () => {
    const trigger = dialect === 'sqlite'
      ? "CREATE TRIGGER refuse_lead BEFORE INSERT ON vicidial_list BEGIN SELECT RAISE(ABORT, 'refused'); END"
      : "CREATE TRIGGER refuse_lead BEFORE INSERT ON vicidial_list FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'";
    await sql.raw(trigger).execute(db());
    try {
      expect((await add({ phone_number: '3125550111' })).body).toBe('ERROR: lead insertion failed - 3125550111|TESTCAMP|101|1000\n');
      const log = await lastLog();
      expect(log).toMatchObject({ value: '3125550111', result: 'ERROR', result_reason: 'lead insertion failed' });
      expect(log.data).toMatch(/^3125550111\|101\|.*phone_number='3125550111'.*refused/);
    } finally {
      await sql.raw('DROP TRIGGER refuse_lead').execute(db());
    }
    expect(await newLeads()).toEqual([]);
  });
});
