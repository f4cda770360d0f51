import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const UF = { agent_user: '1000', function: 'update_fields' };
const INCALL = { status: 'INCALL', lead_id: 1, callerid: 'V1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' } as const;
const OLD_DATE = '2026-01-02 10:00:00';

describe.each(testDialects())('update_fields on %s', (dialect) => {
  const bed = useApiBed(dialect);
  beforeEach(async () => {
    await agent(INCALL);
    await db().updateTable('vicidial_list').set({ modify_date: OLD_DATE, address1: '1 Main St', city: 'Chicago', state: 'IL', gender: 'F', email: 'alice@example.com' })
      .where('lead_id', '=', 1).execute();
  });

  const db = () => bed.database.db;
  const agent = (set: Record<string, unknown>) => db().updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();
  const lead = () => db().selectFrom('vicidial_list').selectAll().where('lead_id', '=', 1).executeTakeFirstOrThrow();
  const flags = () => db().selectFrom('vicidial_live_agents').select(['external_update_fields', 'external_update_fields_data'])
    .where('user', '=', '1000').executeTakeFirstOrThrow();
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').limit(1).executeTakeFirstOrThrow();
  const uf = (extra: Record<string, string>) => bed.api({ ...UF, ...extra });
  /** An error path: neither the lead nor the agent's flags changed. */
  const unchanged = async () => {
    expect(await lead()).toMatchObject({ first_name: 'Alice', last_name: 'Anders', modify_date: OLD_DATE });
    expect(await flags()).toEqual({ external_update_fields: '0', external_update_fields_data: '' });
  };

  it('updates the lead and flags the screen (uf.02)', async () => {
    const res = await uf({ first_name: 'Zed', last_name: 'Zulu' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|first_name,last_name|first_name="Zed",last_name="Zulu"|\n');
    const row = await lead();
    expect(row).toMatchObject({ first_name: 'Zed', last_name: 'Zulu', city: 'Chicago', middle_initial: 'B' });
    expect(row.modify_date).not.toBe(OLD_DATE);
    expect(row.modify_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await flags()).toEqual({ external_update_fields: '1', external_update_fields_data: 'first_name,last_name' });
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: '', result: 'SUCCESS', result_reason: 'update_fields lead updated',
      data: "6666|1000|1|1|1|first_name,last_name|first_name='Zed',last_name='Zulu'|" });
  });

  it('clears a field sent empty (uf.03) and works with a lead on screen while PAUSED (uf.21)', async () => {
    expect((await uf({ address1: '' })).body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|address1|address1=""|\n');
    expect((await lead()).address1).toBe('');
    await agent({ status: 'PAUSED', callerid: '' });
    expect((await uf({ city: 'Paused City' })).body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|city|city="Paused City"|\n');
    expect((await lead()).city).toBe('Paused City');
  });

  it('reloads panels without touching the lead (uf.04, uf.19: emailreload leaves email alone)', async () => {
    expect((await uf({ formreload: '1' })).body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|0|1|formreload||\n');
    expect(await flags()).toEqual({ external_update_fields: '1', external_update_fields_data: 'formreload' });
    const res = await uf({ chatreload: '0', scriptreload: '1', emailreload: 'x', script2reload: '' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|0|1|scriptreload,script2reload,emailreload,chatreload||\n');
    expect(await lead()).toMatchObject({ email: 'alice@example.com', modify_date: OLD_DATE });
  });

  it('detects fields by exact parameter name only (uf.09-11; decisions.md)', async () => {
    expect((await uf({ first_name: 'Frank' })).body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|first_name|first_name="Frank"|\n');
    expect((await uf({ source: 'statement', comments: 'my city note', first_name: 'Zed' })).body)
      .toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|comments,first_name|comments="my city note",first_name="Zed"|\n');
    expect(await lead()).toMatchObject({ state: 'IL', city: 'Chicago', rank: 0, first_name: 'Zed' });
    expect((await uf({ FIRST_NAME: 'Up', value: 'scriptreload', callbacksreload: '1', callback_comments: 'x' })).body)
      .toBe('ERROR: no fields have been defined - 1000\n');
  });

  it('writes every field in the documented order (uf.20)', async () => {
    const all: Record<string, string> = {
      owner: 'o1', rank: '5', vendor_lead_code: 'V9', title: 'Ms', state: 'NY', source_id: 'S9', security_phrase: 'p', province: 'Q',
      postal_code: '10001', phone_number: '2125550100', middle_initial: 'Z', last_name: 'L', gmt_offset_now: '-5.00', gender: 'M',
      first_name: 'F', email: 'e@x.io', date_of_birth: '1970-01-02', country_code: 'US', comments: 'c', city: 'NYC', alt_phone: '2125550101',
      address3: 'a3', address2: 'a2', address1: 'a1', phone_code: '44',
    };
    const res = await uf(all);
    const order = ['phone_code', 'address1', 'address2', 'address3', 'alt_phone', 'city', 'comments', 'country_code', 'date_of_birth', 'email',
      'first_name', 'gender', 'gmt_offset_now', 'last_name', 'middle_initial', 'phone_number', 'postal_code', 'province', 'security_phrase',
      'source_id', 'state', 'title', 'vendor_lead_code', 'rank', 'owner'];
    expect(res.body).toBe(`SUCCESS: update_fields lead updated - 6666|1000|1|1|1|${order.join(',')}|${order.map((f) => `${f}="${all[f]}"`).join(',')}|\n`);
    const row = await lead();
    expect(row).toMatchObject({ ...all, rank: 5, gmt_offset_now: row.gmt_offset_now });
    expect(Number(row.gmt_offset_now)).toBe(-5);
    expect((await flags()).external_update_fields_data).toBe(order.join(','));
  });

  it('reports 0 rows changed when nothing differs, and leaves modify_date', async () => {
    expect((await uf({ first_name: 'Alice', formreload: '1' })).body)
      .toBe('SUCCESS: update_fields lead updated - 6666|1000|1|0|1|first_name,formreload|first_name="Alice"|\n');
    expect((await lead()).modify_date).toBe(OLD_DATE);
  });

  it('answers the check errors in order and changes nothing (uf.01, uf.05-08)', async () => {
    expect((await uf({ agent_user: '', first_name: 'Zed' })).body).toBe('ERROR: agent_user not valid - \n');
    expect((await uf({ agent_user: '', alt_user: 'CRM1000', first_name: 'Zed' })).body).toBe('ERROR: agent_user not valid - \n');
    expect((await uf({ user: '6668', first_name: 'Zed', value: 'v' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - v|6668|update_fields|ADMIN\n');
    expect((await uf({ agent_user: '1002', first_name: 'Zed' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await uf({ user: '6670', first_name: 'Zed' })).body).toBe('ERROR: user is not allowed to modify lead information - 1000|6670\n');
    expect((await uf({})).body).toBe('ERROR: no fields have been defined - 1000\n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'no fields have been defined', data: '' });
    await unchanged();
    await agent({ status: 'PAUSED', lead_id: 0, callerid: '' });
    expect((await uf({ first_name: 'Zed' })).body).toBe('ERROR: agent_user does not have a lead on their screen - 1000\n');
    await unchanged();
  });

  it('stores quotes and would-be SQL as plain text (uf.12, uf.13, uf.17)', async () => {
    let res = await uf({ comments: 'x",first_name="INJECTED' });
    expect(res.body).toBe('SUCCESS: update_fields lead updated - 6666|1000|1|1|1|comments|comments="x",first_name="INJECTED"|\n');
    expect(await lead()).toMatchObject({ comments: 'x",first_name="INJECTED', first_name: 'Alice' });
    res = await uf({ last_name: "O'Neil", vendor_lead_code: '"', source_id: "'; DROP TABLE vicidial_list; --" });
    expect(res.body).toBe(`SUCCESS: update_fields lead updated - 6666|1000|1|1|1|last_name,source_id,vendor_lead_code|last_name="O'Neil",source_id="' DROP TABLE vicidial_list --",vendor_lead_code="""|\n`);
    expect(await lead()).toMatchObject({ last_name: "O'Neil", vendor_lead_code: '"', source_id: "' DROP TABLE vicidial_list --" });
    expect(await db().selectFrom('vicidial_list').select('lead_id').execute()).toHaveLength(5);
  });

  it('filters and stores junk like non-strict MySQL (uf.14-16, uf.18, uf.22)', async () => {
    const res = await uf({ phone_number: '312-ABC-1234', gender: 'male', rank: '-7', first_name: 'José', last_name: 'L'.repeat(200) });
    expect(res.body).toBe(`SUCCESS: update_fields lead updated - 6666|1000|1|1|1|first_name,gender,last_name,phone_number,rank|first_name="Jos",gender="",last_name="${'L'.repeat(200)}",phone_number="312ABC1234",rank="7"|\n`);
    expect(await lead()).toMatchObject({ phone_number: '312ABC1234', gender: '', rank: 7, first_name: 'Jos', last_name: 'L'.repeat(30) });
    await uf({ gender: 'U', date_of_birth: '1990-13-45', rank: '99999' });
    expect(await lead()).toMatchObject({ gender: 'U', date_of_birth: '0000-00-00', rank: 32767 });
  });
});
