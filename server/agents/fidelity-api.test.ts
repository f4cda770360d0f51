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
});
