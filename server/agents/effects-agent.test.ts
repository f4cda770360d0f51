// Agent-state and screen commands are CARRIED OUT by the server (decisions.md "Semantics of
// SUCCESS"), whether they arrive through /agc/api.php or by direct SQL on
// vicidial_live_agents, and exactly once: the switch state, the agent row and the snapshot
// change, and further ticks change nothing.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { VIAS, useBed } from './effects.harness.js';

describe.each(testDialects())('agent commands carried out on %s', (dialect) => {
  const t = useBed(dialect);
  const lead = (id: number) => t.db.selectFrom('vicidial_list').selectAll().where('lead_id', '=', id).executeTakeFirstOrThrow();
  const log = async (user = '1000') => (await t.db.selectFrom('vicidial_agent_log').select(['status', 'sub_status']).where('user', '=', user).orderBy('agent_log_id').execute());

  it.each(VIAS)('external_hangup (%s): the customer is hung up, the agent is in the disposition', async (via) => {
    const { token, callerid } = await t.onCall();
    await t.command(via, '1000', { function: 'external_hangup', value: '1' }, { external_hangup: '1' });
    await t.tick();
    expect(await t.db.selectFrom('vicidial_auto_calls').selectAll().where('callerid', '=', callerid).execute()).toEqual([]);
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 1, callerid: '', external_hangup: '0' });
    expect((await t.events('agent_hangup')).map((e) => e.detail)).toEqual([via === 'api' ? 'api:6666' : 'api:SQL']);
    const s = await t.snapshot(token);
    expect(s.agent.state).toBe('dispo');
    expect(s.call).toBeNull();
    expect(s.lead?.lead_id).toBe(1);
    await t.settled();
    expect((await log()).filter((l) => l.status === 'HANGUP')).toHaveLength(1);
  });

  it.each(VIAS)('external_status (%s) waits for the hangup, then saves a callback: CBHOLD lead, one vicidial_callbacks row', async (via) => {
    const { token } = await t.onCall();
    await t.command(via, '1000', { function: 'external_status', value: 'CALLBK', callback_datetime: '2026-12-01 12:00:00', callback_type: 'USERONLY', callback_comments: 'call later' },
      { external_status: 'CALLBK!2026-12-01 12:00:00!USERONLY!call later!' });
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', external_status: 'CALLBK!2026-12-01 12:00:00!USERONLY!call later!' });
    await t.act(token, { action: 'hangup' });
    await t.tick();
    expect(await t.db.selectFrom('vicidial_callbacks').selectAll().execute()).toEqual([
      expect.objectContaining({ lead_id: 1, status: 'ACTIVE', callback_time: '2026-12-01 12:00:00', recipient: 'USERONLY', comments: 'call later', lead_status: 'CALLBK', user: '1000', campaign_id: 'TESTCAMP' }),
    ]);
    expect((await lead(1)).status).toBe('CBHOLD');
    expect(await t.row()).toMatchObject({ status: 'CLOSER', lead_id: 0, external_status: '' });
    const s = await t.snapshot(token);
    expect(s.agent.state).toBe('closer');
    expect(s.lead).toBeNull();
    await t.settled();
  });

  it.each(VIAS)('external_pause (%s): PAUSE now, PAUSE after the call, RESUME', async (via) => {
    const token = await t.login();
    await t.act(token, { action: 'resume' });
    const pause = (value: string) => t.command(via, '1000', { function: 'external_pause', value }, { external_pause: `${value}!${Math.floor(Date.now() / 1000)}` });
    await pause('PAUSE');
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'PAUSED', external_pause: '' });
    expect((await t.snapshot(token)).agent.state).toBe('paused');
    await t.settled();
    await pause('RESUME');
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'CLOSER', external_pause: '' });
    expect((await t.snapshot(token)).agent.state).toBe('closer');
    // During a call: stored, shown as "pause after call", applied after the disposition.
    await t.inbound('TEST_IN', { lead_id: 2 });
    await t.tick();
    await pause('PAUSE');
    await t.tick();
    expect((await t.snapshot(token)).agent).toMatchObject({ state: 'incall', pauseAfterCall: true });
    await t.act(token, { action: 'hangup' });
    await t.tick();
    expect((await t.snapshot(token)).agent).toMatchObject({ state: 'dispo', pauseAfterCall: true });
    await t.act(token, { action: 'dispo', status: 'SALE' });
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 0, external_pause: '' });
    await t.settled();
    expect((await log()).map((l) => l.status)).toEqual(['LOGIN', 'READY', 'PAUSE', 'READY', 'INCALL', 'HANGUP', 'DISPO']);
  });

  it.each(VIAS)('logout (%s): at once when idle; during a call only after the disposition', async (via) => {
    const token = await t.login();
    await t.command(via, '1000', { function: 'logout', value: 'LOGOUT' }, { external_pause: 'LOGOUT' });
    await t.tick();
    expect(await t.row()).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/agent/snapshot', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await t.events('agent_left'))).toHaveLength(1);

    const { token: again } = await t.onCall('1000', 2);
    await t.command(via, '1000', { function: 'logout', value: 'LOGOUT' }, { external_pause: 'LOGOUT' });
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', external_pause: 'LOGOUT' });
    await t.act(again, { action: 'hangup' });
    await t.tick();
    expect((await t.snapshot(again)).agent.state).toBe('dispo');
    await t.act(again, { action: 'dispo', status: 'SALE' });
    expect((await lead(2)).status).toBe('SALE');
    expect(await t.row()).toBeUndefined();
    expect((await log()).slice(-3).map((l) => l.status)).toEqual(['HANGUP', 'DISPO', 'LOGOUT']);
    expect((await log()).filter((l) => l.status === 'LOGOUT')).toHaveLength(2);
    await t.settled();
  });

  it.each(VIAS)('pause_code (%s): the paused agent gets the code', async (via) => {
    const token = await t.login();
    await t.command(via, '1000', { function: 'pause_code', value: 'BREAK' }, { external_pause_code: 'BREAK' });
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'PAUSED', pause_code: 'BREAK', external_pause_code: '' });
    expect((await t.snapshot(token)).agent.pauseCode).toBe('BREAK');
    expect((await log()).at(-1)).toEqual({ status: 'PCODE', sub_status: 'BREAK' });
    await t.settled();
  });

  const dialString = (fields: Record<number, string>) => Array.from({ length: 14 }, (_, i) => fields[i] ?? (i === 2 || i === 3 || i === 4 ? 'NO' : i === 6 ? String(Date.now()) : '')).join('!');

  it.each(VIAS)('external_dial (%s): a number rings, then answers; focus=YES queues a focus effect', async (via) => {
    const token = await t.login();
    await t.app.inject({ method: 'POST', url: '/sim/dial-outcomes', payload: { phone_number: '3125550199', outcome: 'ANSWER', ring_ms: 60_000 } });
    await t.command(via, '1000', { function: 'external_dial', value: '3125550199', phone_code: '1', search: 'NO', preview: 'NO', focus: 'YES' },
      { external_dial: dialString({ 0: '3125550199', 1: '1', 4: 'YES' }) });
    await t.tick();
    const agent = await t.row();
    expect(agent).toMatchObject({ status: 'INCALL', external_dial: '', comments: 'MANUAL' });
    expect(await t.db.selectFrom('vicidial_auto_calls').select(['status', 'phone_number', 'call_type', 'agent_grab']).where('callerid', '=', agent!.callerid).execute())
      .toEqual([{ status: 'SENT', phone_number: '3125550199', call_type: 'OUT', agent_grab: '1000' }]);
    let s = await t.snapshot(token);
    expect(s.agent.state).toBe('dialing');
    expect(s.call).toMatchObject({ direction: 'outbound', phoneNumber: '3125550199', state: 'ringing' });
    expect(s.effects.filter((e) => e.kind === 'focus').map((e) => e.payload)).toEqual([expect.objectContaining({ number: '3125550199', phoneCode: '1' })]);
    await t.settled();
    await t.db.updateTable('sim_dial_outcomes').set({ ring_ms: 0 }).execute();
    await t.tick();
    s = await t.snapshot(token);
    expect(s.agent.state).toBe('incall');
    expect((await t.events('dial'))).toHaveLength(1);
    await t.settled();
  });

  it.each(VIAS)('external_dial (%s) of a lead_id with alt_dial=ALT dials that lead\'s alt phone', async (via) => {
    const token = await t.login();
    await t.command(via, '1000', { function: 'external_dial', lead_id: '1', alt_dial: 'ALT', search: 'NO', preview: 'NO', focus: 'NO' },
      { external_dial: dialString({ 0: '3125552001', 1: '1', 11: '1', 12: 'ALT' }) });
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 1 });
    expect((await t.snapshot(token)).call?.phoneNumber).toBe('3125552001');
    await t.settled();
  });

  it('external_dial MANUALNEXT dials the oldest NEW lead of the campaign', async () => {
    const token = await t.login();
    expect(await t.api({ agent_user: '1000', function: 'external_dial', value: 'MANUALNEXT', search: 'NO', preview: 'NO', focus: 'NO' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 1 });
    expect((await t.snapshot(token)).lead?.first_name).toBe('Alice');
    await t.settled();
  });

  it.each([
    ['DIALONLY', '3125551001'], ['ALTDIAL', '3125552001'], ['ADR3DIAL', '3125553001'], ['SKIP', null], ['FINISH', null],
  ])('external_dial preview=YES, then preview_dial_action %s', async (action, dialled) => {
    const token = await t.login();
    expect(await t.api({ agent_user: '1000', function: 'external_dial', value: '3125551001', search: 'YES', preview: 'YES', focus: 'NO' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 0, preview_lead_id: 1, external_dial: '' });
    let s = await t.snapshot(token);
    expect(s.agent.state).toBe('preview');
    expect(s.lead?.lead_id).toBe(1);
    expect(await t.db.selectFrom('vicidial_auto_calls').selectAll().execute()).toEqual([]);
    await t.settled();
    expect(await t.api({ agent_user: '1000', function: 'preview_dial_action', value: action })).toMatch(/^SUCCESS/);
    await t.tick();
    s = await t.snapshot(token);
    if (dialled) {
      expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 1, preview_lead_id: 0, external_dial: '' });
      expect(s.call?.phoneNumber).toBe(dialled);
    } else {
      expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 0, preview_lead_id: 0, external_dial: '' });
      expect(s.agent.state).toBe('paused');
      expect(s.lead).toBeNull();
    }
    await t.settled();
  });

  it('external_dial preview=YES of a number with no lead previews a new lead of the manual-dial list', async () => {
    const token = await t.login();
    expect(await t.api({ agent_user: '1000', function: 'external_dial', value: '3125558888', search: 'NO', preview: 'YES', focus: 'NO', vendor_id: 'V88' })).toMatch(/^SUCCESS/);
    await t.tick();
    const agent = await t.row();
    expect(agent).toMatchObject({ status: 'PAUSED', lead_id: 0, external_dial: '' });
    expect(await lead(agent!.preview_lead_id)).toMatchObject({ phone_number: '3125558888', list_id: 101, status: 'NEW', vendor_lead_code: 'V88' });
    expect((await t.snapshot(token))).toMatchObject({ agent: { state: 'preview' }, lead: { phone_number: '3125558888' }, call: null });
    await t.settled();
  });

  it('preview_dial_action in alt-dial mode (disposition open): ALTDIAL dials the alt phone, FINISH leaves the disposition open', async () => {
    const { token } = await t.onCall();
    await t.act(token, { action: 'hangup' });
    expect(await t.api({ agent_user: '1000', function: 'preview_dial_action', value: 'ALTDIAL' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 1, external_dial: '' });
    expect((await t.snapshot(token)).call?.phoneNumber).toBe('3125552001');
    await t.settled();
    await t.act(token, { action: 'hangup' });
    expect(await t.api({ agent_user: '1000', function: 'preview_dial_action', value: 'FINISH' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 1, external_dial: '' });
    expect((await t.snapshot(token)).agent.state).toBe('dispo');
    await t.settled();
  });

  it('QUEUE mode: queued dials are moved into external_dial one at a time while the agent is paused with no lead', async () => {
    const token = await t.login('1000', { campaign: 'MANCAMP', ingroups: [] });
    expect(await t.api({ agent_user: '1000', function: 'external_dial', value: '7275551212', search: 'NO', preview: 'NO', focus: 'NO' })).toMatch(/^SUCCESS/);
    expect(await t.api({ agent_user: '1000', function: 'external_dial', value: '7275550000', search: 'NO', preview: 'NO', focus: 'NO' })).toMatch(/^SUCCESS/);
    expect((await t.row())!.external_dial).toBe('');
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 4, external_dial: '' });
    const queue = () => t.db.selectFrom('vicidial_manual_dial_queue').select(['phone_number', 'status']).orderBy('mdq_id').execute();
    expect(await queue()).toEqual([{ phone_number: '7275551212', status: 'QUEUE' }, { phone_number: '7275550000', status: 'READY' }]);
    expect((await t.snapshot(token)).call?.phoneNumber).toBe('7275551212');
    await t.settled();
    await t.act(token, { action: 'hangup' });
    await t.tick();
    expect(await queue()).toHaveLength(2);
    await t.act(token, { action: 'dispo', status: 'A' });
    await t.tick();
    expect(await queue()).toEqual([{ phone_number: '7275550000', status: 'QUEUE' }]);
    expect((await t.snapshot(token)).call?.phoneNumber).toBe('7275550000');
    await t.settled();
  });

  it('external_add_lead, then external_dial of the new lead', async () => {
    const token = await t.login();
    const added = await t.api({ agent_user: '1000', function: 'external_add_lead', phone_number: '3125557777', phone_code: '1', first_name: 'Nina' });
    const leadId = Number(/^SUCCESS: lead added - 3125557777\|TESTCAMP\|101\|(\d+)\|1000/.exec(added)?.[1]);
    expect(leadId).toBeGreaterThan(5);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 0 });
    expect(await t.api({ agent_user: '1000', function: 'external_dial', lead_id: String(leadId), search: 'NO', preview: 'NO', focus: 'NO' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: leadId });
    expect((await t.snapshot(token)).lead).toMatchObject({ lead_id: leadId, first_name: 'Nina', phone_number: '3125557777' });
    await t.settled();
  });

  it.each(VIAS)('switch_lead (%s): the live call now belongs to the other lead', async (via) => {
    const { token, callerid } = await t.onCall();
    await t.command(via, '1000', { function: 'switch_lead', lead_id: '2' }, { external_lead_id: 2 });
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 2, callerid, external_lead_id: 0 });
    expect((await t.db.selectFrom('vicidial_auto_calls').select('lead_id').where('callerid', '=', callerid).executeTakeFirstOrThrow()).lead_id).toBe(2);
    const s = await t.snapshot(token);
    expect(s.lead?.lead_id).toBe(2);
    expect(s.activity[0]).toMatchObject({ key: 'activity.leadSwitched', values: expect.objectContaining({ from: '1', to: '2' }) });
    await t.settled();
  });

  it.each(VIAS)('update_fields (%s): the lead changes and only the named panels reload', async (via) => {
    const { token } = await t.onCall();
    if (via === 'sql') await t.db.updateTable('vicidial_list').set({ first_name: 'Zed' }).where('lead_id', '=', 1).execute();
    await t.command(via, '1000', { function: 'update_fields', first_name: 'Zed', formreload: '1', scriptreload: '1' },
      { external_update_fields: '1', external_update_fields_data: 'first_name,formreload,scriptreload' });
    await t.tick();
    expect((await lead(1)).first_name).toBe('Zed');
    expect(await t.row()).toMatchObject({ external_update_fields: '0', external_update_fields_data: '' });
    const s = await t.snapshot(token);
    expect(s.lead?.first_name).toBe('Zed');
    expect(s.effects.filter((e) => e.kind === 'reload').map((e) => e.payload.panels)).toEqual([['formreload', 'scriptreload']]);
    await t.settled();
    // Fields only: no panel reload.
    await t.command(via, '1000', { function: 'update_fields', last_name: 'Zulu' }, { external_update_fields: '1', external_update_fields_data: 'last_name' });
    await t.tick();
    expect((await t.snapshot(token)).effects.filter((e) => e.kind === 'reload')).toHaveLength(1);
  });

  it.each(VIAS)('change_ingroups (%s): the new group\'s queued calls reach the agent, the removed group\'s do not', async (via) => {
    const token = await t.login();
    await t.act(token, { action: 'resume' });
    const sales = await t.inbound('SALESLINE', { lead_id: 2 });
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'CLOSER', lead_id: 0 });
    await t.command(via, '1000', { function: 'change_ingroups', value: 'CHANGE', blended: 'NO', ingroup_choices: ' SALESLINE -' },
      { external_ingroups: ' SALESLINE -', external_blended: '0', external_igb_set_user: 'SQL', manager_ingroup_set: 'SET' });
    await t.tick();
    expect(await t.row()).toMatchObject({ closer_campaigns: ' SALESLINE -', manager_ingroup_set: 'Y', status: 'INCALL', callerid: sales.callerid, lead_id: 2 });
    expect(await t.db.selectFrom('vicidial_live_inbound_agents').select('group_id').where('user', '=', '1000').execute()).toEqual([{ group_id: 'SALESLINE' }]);
    const s = await t.snapshot(token);
    expect(s.agent.ingroups).toEqual(['SALESLINE']);
    expect(s.call).toMatchObject({ ingroup: 'SALESLINE', callerid: sales.callerid });
    await t.settled();
    await t.act(token, { action: 'hangup' });
    await t.act(token, { action: 'dispo', status: 'SALE' });
    const old = await t.inbound('TEST_IN', { lead_id: 1 });
    await t.tick(2);
    expect(await t.row()).toMatchObject({ status: 'CLOSER', lead_id: 0 });
    expect(await t.db.selectFrom('vicidial_auto_calls').select('status').where('callerid', '=', old.callerid).executeTakeFirstOrThrow()).toEqual({ status: 'LIVE' });
    expect(await t.db.selectFrom('vicidial_user_closer_log').selectAll().where('user', '=', '1000').execute()).toHaveLength(1);
  });
});
