// vm_message's custom voicemail (agent-screen.md §3.20): with the campaign's (or the lead's
// list's) answering-machine message `LTTagent`, sending the customer to voicemail plays the
// newest message left for the lead in the last day and marks it played, on both dialects.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { formatDateTime } from '../clock.js';
import { useBed } from './effects.harness.js';
import { playLeadMessage } from './voicemail.js';

describe.each(testDialects())('voicemail message on %s', (dialect) => {
  const t = useBed(dialect);
  const messages = () => t.db.selectFrom('vicidial_lead_messages').select(['message_entry', 'played']).orderBy('call_date').execute();
  const ago = (s: number) => formatDateTime(new Date(Date.now() - s * 1000));
  const leave = async () => playLeadMessage(t.db, t.app.sw, (await t.row())!);

  it('plays the newest message of the last day for the lead and marks it played', async () => {
    await t.onCall();
    await t.db.updateTable('vicidial_campaigns').set({ am_message_exten: 'LTTagent' }).where('campaign_id', '=', 'TESTCAMP').execute();
    await t.db.insertInto('vicidial_lead_messages').values([
      { lead_id: 1, call_date: ago(2 * 86400), user: '6666', message_entry: 'stale' },
      { lead_id: 1, call_date: ago(600), user: '6666', message_entry: 'older' },
      { lead_id: 2, call_date: ago(10), user: '6666', message_entry: 'other-lead' },
    ]).execute();
    expect(await t.api({ agent_user: '1000', function: 'vm_message', value: 'EXship01|EXship02' }))
      .toBe('SUCCESS: vm_message function set - 1000|1|EXship01|EXship02|\n');
    expect(await leave()).toBe('EXship01|EXship02');
    expect(await messages()).toEqual([
      { message_entry: 'stale', played: 0 }, { message_entry: 'older', played: 0 },
      { message_entry: 'other-lead', played: 0 }, { message_entry: 'EXship01|EXship02', played: 1 },
    ]);
    expect((await t.events('vm_message')).map((e) => [e.user, e.detail])).toEqual([['1000', 'EXship01|EXship02']]);
  });

  it("plays nothing unless the answering-machine message is LTTagent; the list's override wins", async () => {
    await t.onCall();
    expect(await t.api({ agent_user: '1000', function: 'vm_message', value: 'EXship01' })).toMatch(/^SUCCESS/);
    expect(await leave()).toBeUndefined();
    expect(await messages()).toEqual([{ message_entry: 'EXship01', played: 0 }]);
    const { list_id } = await t.db.selectFrom('vicidial_list').select('list_id').where('lead_id', '=', 1).executeTakeFirstOrThrow();
    await t.db.updateTable('vicidial_lists').set({ am_message_exten_override: 'LTTagent' }).where('list_id', '=', list_id).execute();
    expect(await leave()).toBe('EXship01');
    expect(await messages()).toEqual([{ message_entry: 'EXship01', played: 1 }]);
    expect(await t.events('vm_message')).toHaveLength(1);
  });

  it('transfer_conference LEAVE_VM plays the message and marks it played', async () => {
    await t.onCall();
    await t.db.updateTable('vicidial_campaigns').set({ am_message_exten: 'LTTagent' }).where('campaign_id', '=', 'TESTCAMP').execute();
    expect(await t.api({ agent_user: '1000', function: 'vm_message', value: 'EXship01' })).toMatch(/^SUCCESS/);
    expect(await t.api({ agent_user: '1000', function: 'transfer_conference', value: 'LEAVE_VM' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await messages()).toEqual([{ message_entry: 'EXship01', played: 1 }]);
    expect((await t.events('vm_message')).map((e) => e.detail)).toEqual(['EXship01']);
    expect((await t.events('leave_vm'))).toHaveLength(1);
  });
});
