import { describe, expect, it } from 'vitest';
import { apiLogRows, liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('external_status on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const AUTH = 'source=test&user=6666&pass=1234&agent_user=1000&function=external_status';
  const agent = () => liveAgentRow(bed);
  const logs = () => apiLogRows(bed);
  const call = (params: Record<string, string>) => bed.api({ function: 'external_status', ...params });
  /** A raw query after the usual auth; returns the body and the stored column. */
  async function raw(query: string): Promise<[string, string]> {
    const res = await bed.api(`${AUTH}&${query}`);
    return [res.body, (await agent()).external_status];
  }
  async function unchanged(params: Record<string, string>): Promise<string> {
    const before = await agent();
    const res = await call(params);
    expect(await agent()).toEqual(before);
    return res.body;
  }

  it('stores a plain status (oracle st.01)', async () => {
    expect(await raw('value=A')).toEqual(['SUCCESS: external_status function set - A|1000\n', 'A']);
    expect(await logs()).toMatchObject([{ function: 'external_status', agent_user: '1000', value: 'A', result: 'SUCCESS', result_reason: 'external_status function set', data: '' }]);
  });

  it('composes a callback for a system callback status and logs the composed value (oracle st.03)', async () => {
    const v = 'CALLBK!2026-12-01 12:00:00!USERONLY!call back later!';
    expect(await raw('value=CALLBK&callback_datetime=2026-12-01+12:00:00&callback_type=USERONLY&callback_comments=call+back+later'))
      .toEqual([`SUCCESS: external_status function set - ${v}|1000\n`, v]);
    expect((await logs())[0]).toMatchObject({ value: v });
  });

  it('knows the campaign callback statuses of the agent campaign (oracle st.05)', async () => {
    const v = 'APPTCB!2026-12-01 12:00:00!ANYONE!!';
    expect(await raw('value=APPTCB&callback_datetime=2026-12-01+12:00:00&callback_type=ANYONE')).toEqual([`SUCCESS: external_status function set - ${v}|1000\n`, v]);
    await bed.database.db.updateTable('vicidial_live_agents').set({ campaign_id: 'MANCAMP' }).where('user', '=', '1000').execute();
    expect(await raw('value=APPTCB&callback_datetime=2026-12-01+12:00:00')).toEqual(['SUCCESS: external_status function set - APPTCB|1000\n', 'APPTCB']);
  });

  it('ignores callback fields for other statuses or a short datetime (oracle st.06, st.07, st.08)', async () => {
    expect(await raw('value=A&callback_datetime=2026-12-01+12:00:00&callback_type=USERONLY&callback_comments=x')).toEqual(['SUCCESS: external_status function set - A|1000\n', 'A']);
    expect(await raw('value=XFERD&callback_datetime=2026-12-01+12:00:00')).toEqual(['SUCCESS: external_status function set - XFERD|1000\n', 'XFERD']);
    expect(await raw('value=CALLBK')).toEqual(['SUCCESS: external_status function set - CALLBK|1000\n', 'CALLBK']);
    expect(await raw('value=CALLBK&callback_datetime=2026-12-01+1')).toEqual(['SUCCESS: external_status function set - CALLBK|1000\n', 'CALLBK']);
    expect(await raw('value=CALLBK&callback_datetime=2026-12-01+12')).toEqual(['SUCCESS: external_status function set - CALLBK!2026-12-01 12!ANYONE!!|1000\n', 'CALLBK!2026-12-01 12!ANYONE!!']);
  });

  it('defaults a short or lower-case callback_type to ANYONE and keeps other words (oracle st.12)', async () => {
    expect((await raw('value=CALLBK&callback_datetime=2026-12-01+12:00:00&callback_type=useronly'))[1]).toBe('CALLBK!2026-12-01 12:00:00!ANYONE!!');
    expect((await raw('value=CALLBK&callback_datetime=2026-12-01+12:00:00&callback_type=ANY'))[1]).toBe('CALLBK!2026-12-01 12:00:00!ANYONE!!');
    expect((await raw('value=CALLBK&callback_datetime=2026-12-01+12:00:00&callback_type=SOMEONE'))[1]).toBe('CALLBK!2026-12-01 12:00:00!SOMEONE!!');
  });

  it('cuts comments to 200 characters; the column to 255 (oracle st.11, st.18)', async () => {
    const c = 'c'.repeat(250);
    const v = `CALLBK!2026-12-01 12:00:00!ANYONE!${'c'.repeat(200)}!`;
    expect(await raw(`value=CALLBK&callback_datetime=2026-12-01+12:00:00&callback_comments=${c}`)).toEqual([`SUCCESS: external_status function set - ${v}|1000\n`, v]);
    const long = 'X'.repeat(300);
    expect(await raw(`value=${long}`)).toEqual([`SUCCESS: external_status function set - ${long}|1000\n`, 'X'.repeat(255)]);
    expect((await logs())[1]).toMatchObject({ value: 'X'.repeat(255) }); // the log column's width
  });

  it('appends qm_dispo_code in both forms (oracle st.09, st.10)', async () => {
    expect(await raw('value=A&qm_dispo_code=1234')).toEqual(['SUCCESS: external_status function set - A!!!!1234|1000\n', 'A!!!!1234']);
    expect(await raw('value=CALLBK&callback_datetime=2026-12-01+12:00:00&qm_dispo_code=1234'))
      .toEqual(['SUCCESS: external_status function set - CALLBK!2026-12-01 12:00:00!ANYONE!!1234|1000\n', 'CALLBK!2026-12-01 12:00:00!ANYONE!!1234']);
  });

  it('filters junk: quotes and spaces in value, letters kept in the datetime (oracle st.13, st.17, st.20)', async () => {
    expect(await raw('value=A%20B%3BC%27D')).toEqual(['SUCCESS: external_status function set - ABCD|1000\n', 'ABCD']);
    expect(await raw('value=CALLBK&callback_datetime=2026-12-01+12:00:00%3Cscript%3E%27%3B'))
      .toEqual(['SUCCESS: external_status function set - CALLBK!2026-12-01 12:00:00script!ANYONE!!|1000\n', 'CALLBK!2026-12-01 12:00:00script!ANYONE!!']);
    expect(await raw('value=A|B-C_D')).toEqual(['SUCCESS: external_status function set - A|B-C_D|1000\n', 'A|B-C_D']);
    expect(await raw("value=CALLBK&callback_datetime=2026-12-01+12:00:00&callback_comments=it%27s+%22ok%22%3B+DROP")).toEqual([
      'SUCCESS: external_status function set - CALLBK!2026-12-01 12:00:00!ANYONE!its ok DROP!|1000\n', 'CALLBK!2026-12-01 12:00:00!ANYONE!its ok DROP!']);
  });

  it('does not check the status (oracle st.19)', async () => {
    expect(await raw('value=ZZZZ')).toEqual(['SUCCESS: external_status function set - ZZZZ|1000\n', 'ZZZZ']);
  });

  it('answers not valid without a value or an agent', async () => {
    expect(await unchanged({ agent_user: '1000' })).toBe('ERROR: external_status not valid - |1000\n');
    expect(await unchanged({ value: 'A' })).toBe('ERROR: external_status not valid - A|\n');
    expect(await unchanged({ value: 'A', alt_user: 'C' })).toBe('ERROR: external_status not valid - A|\n');
    expect((await logs())[0]).toMatchObject({ result: 'ERROR', result_reason: 'external_status not valid', value: '' });
  });

  it('answers not logged in with the value as sent (oracle st.15)', async () => {
    expect(await unchanged({ agent_user: '1002', value: 'A', qm_dispo_code: '1' })).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect(await logs()).toMatchObject([{ agent_user: '1002', value: 'A', result: 'ERROR', result_reason: 'agent_user is not logged in' }]);
  });

  it('resolves alt_user, and goes on after an unknown one', async () => {
    expect((await call({ alt_user: 'CRM1000', value: 'A' })).body).toBe('SUCCESS: external_status function set - A|1000\n');
    await bed.reset();
    expect(await unchanged({ alt_user: 'NOPE', value: 'A' })).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
  });

  it('allows a restricted user with the function, refuses one without (oracle st.21)', async () => {
    expect((await call({ user: '6668', agent_user: '1000', value: 'A' })).body).toBe('SUCCESS: external_status function set - A|1000\n');
    await bed.reset();
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6668').execute();
    expect(await unchanged({ user: '6668', agent_user: '1000', value: 'A' }))
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - A|6668|external_status|ADMIN\n');
  });
});
