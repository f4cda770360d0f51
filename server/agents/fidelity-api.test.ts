// Fidelity of functions whose effect api.php itself carries out or refuses (api-reference.md
// §2.21, §2.24): transfer_conference's DEFAULTINGROUP as the real server resolves it, and
// ra_call_control's call-log and agent updates. Every table the real server writes is
// checked, on both dialects.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { useBed } from './effects.harness.js';

describe.each(testDialects())('API fidelity on %s', (dialect) => {
  const t = useBed(dialect);
  const call = (callerid: string) => t.db.selectFrom('vicidial_auto_calls').selectAll().where('callerid', '=', callerid).executeTakeFirst();

  it('transfer_conference DEFAULTINGROUP with no vicidial_auto_calls row: the group is empty and refused, nothing is carried out', async () => {
    const { token, callerid } = await t.onCall();
    await t.db.deleteFrom('vicidial_auto_calls').where('callerid', '=', callerid).execute();
    const before = await t.digest();
    expect(await t.api({ agent_user: '1000', function: 'transfer_conference', value: 'LOCAL_CLOSER', ingroup_choices: 'DEFAULTINGROUP' }))
      .toBe('ERROR: ingroup is not valid - \n');
    await t.tick();
    expect(await t.digest()).toEqual(before);
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 1, callerid, external_transferconf: '' });
    // The screen shows the call as dead (its customer leg is gone), not transferred.
    expect((await t.snapshot(token)).agent.state).toBe('dead');
  });

  it('transfer_conference: any value containing DEFAULTINGROUP is resolved through the call, and the transfer is carried out', async () => {
    const { token, callerid } = await t.onCall();
    const other = await t.login('1002', { ingroups: ['SALESLINE'] });
    await t.act(other, { action: 'resume' });
    // The call came in on TEST_IN, whose default transfer group is SALESLINE.
    expect(await t.api({ agent_user: '1000', function: 'transfer_conference', value: 'LOCAL_CLOSER', ingroup_choices: 'xDEFAULTINGROUPx' }))
      .toBe(`SUCCESS: transfer_conference function set - LOCAL_CLOSER|SALESLINE||NO|1000|${callerid}|\n`);
    await t.tick();
    expect(await call(callerid)).toMatchObject({ campaign_id: 'SALESLINE', status: 'CLOSER', agent_grab: '1002' });
    expect(await t.row('1002')).toMatchObject({ status: 'INCALL', callerid, lead_id: 1 });
    expect((await t.snapshot(token)).agent.state).toBe('dispo');
    await t.settled();
  });

  it('ra_call_control HANGUP: the call log is closed, the lead takes the status, the agent is READY as api.php leaves it', async () => {
    const { callerid } = await t.onCall();
    expect(await t.row()).toMatchObject({ status: 'INCALL', closer_campaigns: ' TEST_IN -', outbound_autodial: 'N' });
    const logRows = await t.db.selectFrom('vicidial_agent_log').select('agent_log_id').execute();
    expect(await t.api({ agent_user: '1000', function: 'ra_call_control', value: callerid, stage: 'HANGUP', status: 'SALE' }))
      .toBe(`SUCCESS: ra_call_control hungup - 1000|${callerid}|HANGUP\n`);
    // Real api.php: READY even for an agent taking in-groups only (oracle ra.01), no agent-log row.
    expect(await t.row()).toMatchObject({ status: 'READY', lead_id: 0, callerid: '', uniqueid: '', channel: '' });
    expect(await t.db.selectFrom('vicidial_agent_log').select('agent_log_id').execute()).toEqual(logRows);
    expect(await call(callerid)).toBeUndefined();
    const [log] = await t.db.selectFrom('vicidial_closer_log').select(['lead_id', 'status', 'end_epoch', 'length_in_sec', 'start_epoch']).execute();
    expect(log).toMatchObject({ lead_id: 1, status: 'SALE' });
    expect(Number(log.end_epoch)).toBeGreaterThanOrEqual(Number(log.start_epoch));
    expect(log.length_in_sec).toBe(Number(log.end_epoch) - Number(log.start_epoch));
    expect(await t.db.selectFrom('vicidial_list').select('status').where('lead_id', '=', 1).executeTakeFirst()).toEqual({ status: 'SALE' });
    expect(await t.db.selectFrom('vicidial_manager').select(['action', 'callerid']).execute())
      .toEqual([{ action: 'Hangup', callerid: `HAPI${callerid.slice(4)}` }]);
  });

  it('ra_call_control on an outbound call closes the call\'s vicidial_log row with the agent user', async () => {
    const { callerid } = await t.onCall();
    const row = (await t.row())!;
    await t.db.updateTable('vicidial_auto_calls').set({ call_type: 'OUT', campaign_id: 'TESTCAMP' }).where('callerid', '=', callerid).execute();
    await t.db.insertInto('vicidial_log').values({
      uniqueid: row.uniqueid, lead_id: 1, campaign_id: 'TESTCAMP', call_date: '2026-01-01 10:00:00', start_epoch: Math.floor(Date.now() / 1000) - 30,
      status: 'INCALL', user: '1000', phone_number: '3125551001',
    }).execute();
    expect(await t.api({ agent_user: '1000', function: 'ra_call_control', value: callerid, stage: 'HANGUP' }))
      .toBe(`SUCCESS: ra_call_control hungup - 1000|${callerid}|HANGUP\n`);
    const [log] = await t.db.selectFrom('vicidial_log').select(['status', 'user', 'length_in_sec', 'end_epoch']).execute();
    expect(log).toMatchObject({ status: 'RAXFER', user: '1000' });
    expect(log.length_in_sec).toBeGreaterThanOrEqual(30);
    expect(await t.db.selectFrom('vicidial_list').select('status').where('lead_id', '=', 1).executeTakeFirst()).toEqual({ status: 'RAXFER' });
  });
});
