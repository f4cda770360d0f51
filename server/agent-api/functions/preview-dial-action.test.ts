import { describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const PDA = { agent_user: '1000', function: 'preview_dial_action' };

describe.each(testDialects())('preview_dial_action on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const db = () => bed.database.db;
  const stored = async () =>
    (await db().selectFrom('vicidial_live_agents').select('external_dial').where('user', '=', '1000').executeTakeFirstOrThrow()).external_dial;
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').limit(1).executeTakeFirstOrThrow();
  const campaign = (set: Record<string, string>) => db().updateTable('vicidial_campaigns').set(set).where('campaign_id', '=', 'TESTCAMP').execute();
  const agent = (set: Record<string, unknown>) => db().updateTable('vicidial_live_agents').set(set).where('user', '=', '1000').execute();
  const pda = (value: string, extra: Record<string, string> = {}) => bed.api({ ...PDA, value, ...extra });

  it('stores each of the five actions in external_dial (pda.01-05)', async () => {
    for (const value of ['SKIP', 'DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH']) {
      const res = await pda(value);
      expect(res.body).toBe(`SUCCESS: preview_dial_action function set - ${value}|1000|${value}\n`);
      expect(await stored()).toBe(value);
      expect(await lastLog()).toMatchObject({ agent_user: '1000', value, result: 'SUCCESS', result_reason: 'preview_dial_action function set', data: value });
      const row = await db().selectFrom('vicidial_live_agents').select('last_update_time').where('user', '=', '1000').executeTakeFirstOrThrow();
      expect(row.last_update_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
  });

  it('answers not valid for unknown, lower-case, short or agent-less requests (pda.06, pda.07)', async () => {
    expect((await pda('BOGUS')).body).toBe('ERROR: preview_dial_action not valid - BOGUS||1000|\n');
    expect(await lastLog()).toMatchObject({ value: 'BOGUS', data: '' });
    expect((await pda('skip')).body).toBe('ERROR: preview_dial_action not valid - ||1000|\n');
    expect((await pda('SKI')).body).toBe('ERROR: preview_dial_action not valid - SKI||1000|\n');
    expect((await pda('SKIPX')).body).toBe('ERROR: preview_dial_action not valid - SKIPX||1000|\n');
    expect((await pda('SKIP', { agent_user: '1' })).body).toBe('ERROR: preview_dial_action not valid - SKIP||1|\n');
    expect((await pda('SKIP', { agent_user: '', alt_user: 'C' })).body).toBe('ERROR: preview_dial_action not valid - SKIP|||C\n');
    expect(await stored()).toBe('');
  });

  it('reduces the value to A-Z and 0-9 before checking it', async () => {
    expect((await pda('S-K_I|P')).body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    expect((await lastLog()).value).toBe('SKIP');
  });

  it('checks permission, alt_user and login (pda.15)', async () => {
    expect((await pda('SKIP', { user: '6668' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - SKIP|6668|preview_dial_action|ADMIN\n');
    expect((await pda('SKIP', { agent_user: '1002' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await pda('SKIP', { agent_user: '', alt_user: 'NOPE' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect(await stored()).toBe('');
    expect((await pda('SKIP', { agent_user: '', alt_user: 'CRM1000' })).body).toBe('SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
  });

  it('applies the campaign settings first (pda.08-11)', async () => {
    await campaign({ manual_preview_dial: 'DISABLED' });
    await db().updateTable('vicidial_users').set({ agentcall_manual: '0' }).where('user', '=', '1000').execute();
    const res = await pda('DIALONLY', { close_window_link: '1' });
    expect(res.body).toBe('ERROR: preview dialing not allowed on this campaign - 1000|TESTCAMP|DISABLED\n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', data: 'TESTCAMP|DISABLED' });
    await db().updateTable('vicidial_users').set({ agentcall_manual: '1' }).where('user', '=', '1000').execute();
    await campaign({ manual_preview_dial: 'PREVIEW_ONLY' });
    expect((await pda('SKIP')).body).toBe('ERROR: preview dial skipping not allowed on this campaign - 1000|TESTCAMP|PREVIEW_ONLY\n');
    expect(await lastLog()).toMatchObject({ data: 'TESTCAMP|PREVIEW_ONLY' });
    await campaign({ alt_number_dialing: 'N' });
    for (const value of ['ALTDIAL', 'ADR3DIAL', 'FINISH']) {
      expect((await pda(value)).body).toBe('ERROR: alt number dialing not allowed on this campaign - 1000|TESTCAMP|N\n');
    }
    expect(await lastLog()).toMatchObject({ data: 'TESTCAMP|N' });
    expect(await stored()).toBe('');
    expect((await pda('DIALONLY')).body).toBe('SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
  });

  it('needs PAUSED, with or without a lead (pda.12, pda.13), and agentcall_manual=1 (pda.14)', async () => {
    await agent({ status: 'READY' });
    expect((await pda('SKIP')).body).toBe('ERROR: agent_user is not paused - 1000\n');
    await agent({ status: 'INCALL', lead_id: 1 });
    expect((await pda('SKIP')).body).toBe('ERROR: agent_user is not paused - 1000\n');
    await db().updateTable('vicidial_users').set({ agentcall_manual: '0' }).where('user', '=', '1000').execute();
    await agent({ status: 'PAUSED' });
    expect((await pda('SKIP')).body).toBe('ERROR: agent_user is not allowed to place manual dial calls - 1000\n');
    expect(await stored()).toBe('');
    await db().updateTable('vicidial_users').set({ agentcall_manual: '1' }).where('user', '=', '1000').execute();
    expect((await pda('DIALONLY')).body).toBe('SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
  });

  it('ignores hostile extras: quotes and SQL never reach the value', async () => {
    const res = await bed.api(`source=test&user=6666&pass=1234&agent_user=1000&function=preview_dial_action&value=SKIP%27%3B%20DROP%20TABLE%20vicidial_list%3B--`);
    expect(res.body).toBe('ERROR: preview_dial_action not valid - SKIPDROPTABLE||1000|\n');
    expect(await db().selectFrom('vicidial_list').select('lead_id').execute()).toHaveLength(5);
    expect((await pda('SKIP', { agent_user: "1000' OR '1'='1" })).body).toBe('ERROR: agent_user is not logged in - 1000OR11\n');
    expect(await stored()).toBe('');
  });
});
