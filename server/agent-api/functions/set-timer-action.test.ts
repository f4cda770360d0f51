import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('set_timer_action on %s', (dialect) => {
  let before: unknown;
  const db = () => bed.database.db;
  const agent = () => db().selectFrom('vicidial_live_agents').selectAll().where('user', '=', '1000').executeTakeFirstOrThrow();
  const timer = async () => {
    const a = await agent();
    return [a.external_timer_action, a.external_timer_action_message, a.external_timer_action_seconds, a.external_timer_action_destination];
  };
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').executeTakeFirstOrThrow();
  const untouched = async () => expect(await agent()).toEqual(before);

  const bed = useApiBed(dialect);
  beforeEach(async () => { before = await agent(); });

  it('stores action, message and seconds (sta.01)', async () => {
    const res = await bed.api('source=test&user=6666&pass=1234&agent_user=1000&function=set_timer_action&value=MESSAGE_ONLY&notes=test+message&rank=15');
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: set_timer_action lead updated - 6666|1000|MESSAGE_ONLY|test message|15\n');
    expect(await timer()).toEqual(['MESSAGE_ONLY', 'test message', 15, '']);
    expect((await agent()).last_update_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await lastLog()).toMatchObject({
      user: '6666', function: 'set_timer_action', agent_user: '1000', value: 'MESSAGE_ONLY', result: 'SUCCESS',
      result_reason: 'set_timer_action lead updated', data: '6666|1000|MESSAGE_ONLY|test message|15',
    });
  });

  it('stores 0 seconds and an empty message when they are missing (sta.02)', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'set_timer_action', value: 'WEBFORM' })).body)
      .toBe('SUCCESS: set_timer_action lead updated - 6666|1000|WEBFORM||\n');
    expect(await timer()).toEqual(['WEBFORM', '', 0, '']);
  });

  it('keeps an existing destination, and accepts an undocumented value (sta.04)', async () => {
    await db().updateTable('vicidial_live_agents').set({ external_timer_action_destination: '8300' }).where('user', '=', '1000').execute();
    expect((await bed.api({ agent_user: '1000', function: 'set_timer_action', value: 'HANGUP', rank: '0' })).body)
      .toBe('SUCCESS: set_timer_action lead updated - 6666|1000|HANGUP||0\n');
    expect(await timer()).toEqual(['HANGUP', '', 0, '8300']);
  });

  it('filters HTML in notes and the sign of rank (sta.07)', async () => {
    const res = await bed.api('source=test&user=6666&pass=1234&agent_user=1000&function=set_timer_action&value=MESSAGE_ONLY&notes=%3Cb%3Ehi%3C/b%3E!+there.&rank=-10');
    expect(res.body).toBe('SUCCESS: set_timer_action lead updated - 6666|1000|MESSAGE_ONLY|bhib there.|10\n');
    expect(await timer()).toEqual(['MESSAGE_ONLY', 'bhib there.', 10, '']);
  });

  it('answers not valid for a short value or no agent (sta.03, sta.08)', async () => {
    expect((await bed.api({ agent_user: '1000', function: 'set_timer_action', value: 'X' })).body).toBe('ERROR: set_timer_action not valid - 1000|X\n');
    expect(await lastLog()).toMatchObject({ result: 'ERROR', result_reason: 'set_timer_action not valid', value: 'X', data: '1000|X' });
    expect((await bed.api({ function: 'set_timer_action', value: 'MESSAGE_ONLY' })).body).toBe('ERROR: set_timer_action not valid - |MESSAGE_ONLY\n');
    expect((await bed.api({ alt_user: 'CRM1000', function: 'set_timer_action', value: 'WEBFORM' })).body).toBe('ERROR: set_timer_action not valid - |WEBFORM\n');
    expect((await bed.api({ agent_user: '1000', function: 'set_timer_action' })).body).toBe('ERROR: set_timer_action not valid - 1000|\n');
    expect((await bed.api({ agent_user: '1000', function: 'set_timer_action', value: 'X;.' })).body).toBe('ERROR: set_timer_action not valid - 1000|X\n');
    await untouched();
  });

  it('checks the function permission after validity', async () => {
    expect((await bed.api({ user: '6668', agent_user: '1000', function: 'set_timer_action', value: 'WEBFORM' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - WEBFORM|6668|set_timer_action|ADMIN\n');
    expect((await bed.api({ user: '6668', agent_user: '1000', function: 'set_timer_action', value: 'W' })).body)
      .toBe('ERROR: set_timer_action not valid - 1000|W\n');
    await untouched();
  });

  it('answers not logged in (sta.06)', async () => {
    expect((await bed.api({ agent_user: '1002', function: 'set_timer_action', value: 'WEBFORM' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await untouched();
  });

  it('needs an API user with modify_campaigns=1, checked after the login (sta.05)', async () => {
    expect((await bed.api({ user: '6670', agent_user: '1000', function: 'set_timer_action', value: 'WEBFORM' })).body)
      .toBe('ERROR: user is not allowed to modify campaign settings - 1000|6670\n');
    expect(await lastLog()).toMatchObject({ user: '6670', agent_user: '1000', value: 'WEBFORM', result: 'ERROR', result_reason: 'user is not allowed to modify campaign settings', data: '' });
    expect((await bed.api({ user: '6670', agent_user: '1002', function: 'set_timer_action', value: 'WEBFORM' })).body)
      .toBe('ERROR: agent_user is not logged in - 1002\n');
    await untouched();
  });

  it('cuts over-long values to their columns and echoes them in full', async () => {
    const value = `D1_DIAL_${'Q'.repeat(30)}`;
    const notes = 'n'.repeat(300);
    const res = await bed.api({ agent_user: '1000', function: 'set_timer_action', value, notes, rank: '123456789012' });
    expect(res.body).toBe(`SUCCESS: set_timer_action lead updated - 6666|1000|${value}|${notes}|123456789012\n`);
    expect(await timer()).toEqual([value.slice(0, 20), notes.slice(0, 255), 8388607, '']);
  });

  it('stores quotes-free, SQL-harmless text', async () => {
    const res = await bed.api({ agent_user: '1000', function: 'set_timer_action', value: "WEBFORM'--", notes: `x"); DELETE FROM vicidial_live_agents; -- 'y'`, rank: "5' OR 1=1" });
    expect(res.body).toBe('SUCCESS: set_timer_action lead updated - 6666|1000|WEBFORM--|x DELETE FROM vicidial_live_agents -- y|511\n');
    expect(await timer()).toEqual(['WEBFORM--', 'x DELETE FROM vicidial_live_agents -- y', 511, '']);
    expect(await db().selectFrom('vicidial_live_agents').select('user').execute()).toHaveLength(1);
  });
});
