// Call-control and screen-effect commands are CARRIED OUT in the simulated switch
// (decisions.md "Semantics of SUCCESS", "Telephony"), whether they arrive through
// /agc/api.php or by direct SQL, exactly once: vicidial_auto_calls, parked_channels,
// recording_log, sim_legs, live_channels and sim_switch_events change, the agent row and the
// snapshot show it, and further ticks change nothing.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { formatDateTime } from '../clock.js';
import { VIAS, sleep, useBed } from './effects.harness.js';

describe.each(testDialects())('call commands carried out on %s', (dialect) => {
  const t = useBed(dialect);
  const call = (callerid: string) => t.db.selectFrom('vicidial_auto_calls').selectAll().where('callerid', '=', callerid).executeTakeFirst();
  const legs = () => t.db.selectFrom('sim_legs').select(['number', 'state']).orderBy('leg_id').execute();
  const ageLegs = () => t.db.updateTable('sim_legs').set({ started_ms: Date.now() - 5000 }).execute();
  const xfer = (via: 'api' | 'sql', value: string, extra: Record<string, string> = {}) => {
    const phone = extra.phone_number ?? '';
    const group = extra.ingroup_choices ?? '';
    const stored = group ? `${value}---${group}---${phone}---NO------------1---` : `${value}------${phone}---NO---NO---------1---`;
    return t.command(via, '1000', { function: 'transfer_conference', value, ...extra }, { external_transferconf: stored });
  };
  /** A second agent waiting (CLOSER) on `ingroups`. */
  const closer = async (user: string, ingroups: string[], resume = true) => {
    const token = await t.login(user, { ingroups });
    if (resume) await t.act(token, { action: 'resume' });
    return token;
  };

  it.each(VIAS)('transfer_conference (%s): DIAL_WITH_CUSTOMER rings then answers; HANGUP_XFER; HANGUP_BOTH', async (via) => {
    const { token, callerid } = await t.onCall();
    await xfer(via, 'DIAL_WITH_CUSTOMER', { phone_number: '3125550177' });
    await t.tick();
    expect(await legs()).toEqual([{ number: '3125550177', state: 'ringing' }]);
    expect((await t.events('xfer_dial')).map((e) => e.detail)).toEqual(['3125550177']);
    expect((await t.snapshot(token)).threeWay).toEqual({ number: '3125550177', state: 'ringing' });
    await t.settled();
    await ageLegs();
    await t.tick();
    expect((await t.snapshot(token)).threeWay).toEqual({ number: '3125550177', state: 'live' });
    await xfer(via, 'HANGUP_XFER');
    await t.tick();
    expect(await legs()).toEqual([{ number: '3125550177', state: 'ended' }]);
    let s = await t.snapshot(token);
    expect(s.threeWay).toBeNull();
    expect(s.agent.state).toBe('incall');
    await t.settled();
    await xfer(via, 'DIAL_WITH_CUSTOMER', { phone_number: '3125550178' });
    await t.tick();
    await xfer(via, 'HANGUP_BOTH');
    await t.tick();
    expect(await call(callerid)).toBeUndefined();
    expect((await legs()).map((l) => l.state)).toEqual(['ended', 'ended']);
    s = await t.snapshot(token);
    expect(s).toMatchObject({ call: null, threeWay: null, agent: { state: 'dispo' } });
    await t.settled();
  });

  it('BLIND_TRANSFER: the customer is gone to the number, the agent is in the disposition', async () => {
    const { token, callerid } = await t.onCall();
    await xfer('api', 'BLIND_TRANSFER', { phone_number: '3125550000' });
    await t.tick();
    expect(await call(callerid)).toBeUndefined();
    expect((await t.events('blind_transfer')).map((e) => e.detail)).toEqual(['3125550000']);
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 1, callerid: '' });
    expect((await t.snapshot(token)).agent.state).toBe('dispo');
    await t.settled();
  });

  it('LOCAL_CLOSER: the customer is queued in the in-group and routed to a READY agent of it', async () => {
    const { token, callerid } = await t.onCall();
    await closer('1001', ['TEST_IN']);
    const other = await closer('1002', ['SALESLINE']);
    await xfer('api', 'LOCAL_CLOSER', { ingroup_choices: 'SALESLINE' });
    await t.tick();
    expect(await call(callerid)).toMatchObject({ campaign_id: 'SALESLINE', status: 'CLOSER', agent_grab: '1002', call_type: 'IN' });
    expect(await t.row('1002')).toMatchObject({ status: 'INCALL', callerid, lead_id: 1 });
    expect(await t.row('1001')).toMatchObject({ status: 'CLOSER', lead_id: 0 });
    expect((await t.snapshot(token)).agent.state).toBe('dispo');
    const s = await t.snapshot(other);
    expect(s.call).toMatchObject({ callerid, ingroup: 'SALESLINE', state: 'live' });
    expect(s.lead?.lead_id).toBe(1);
    await t.settled();
  });

  it('LOCAL_CLOSER to AGENTDIRECT: only the named agent gets the call, when ready', async () => {
    const { callerid } = await t.onCall();
    await closer('1001', ['AGENTDIRECT']);
    const named = await closer('1002', ['SALESLINE'], false);
    await xfer('api', 'LOCAL_CLOSER', { ingroup_choices: 'AGENTDIRECT', phone_number: '1002' });
    await t.tick(2);
    expect(await call(callerid)).toMatchObject({ campaign_id: 'AGENTDIRECT', status: 'LIVE', agent_only: '1002' });
    expect(await t.row('1001')).toMatchObject({ status: 'CLOSER', lead_id: 0 });
    await t.act(named, { action: 'resume' });
    await t.tick();
    expect(await t.row('1002')).toMatchObject({ status: 'INCALL', callerid, lead_id: 1 });
    expect((await t.snapshot(named)).call?.callerid).toBe(callerid);
    await t.settled();
  });

  it.each(VIAS)('LEAVE_VM (%s) and LEAVE_3WAY_CALL: the agent leaves, the disposition opens', async (via) => {
    const first = await t.onCall();
    await xfer(via, 'LEAVE_VM');
    await t.tick();
    expect(await call(first.callerid)).toBeUndefined();
    expect((await t.events('leave_vm'))).toHaveLength(1);
    expect((await t.snapshot(first.token)).agent.state).toBe('dispo');
    await t.settled();
    await t.act(first.token, { action: 'dispo', status: 'A' });
    await t.inbound('TEST_IN', { lead_id: 2 });
    await t.tick();
    const { callerid } = (await t.row())!;
    await xfer(via, 'DIAL_WITH_CUSTOMER', { phone_number: '3125550179' });
    await t.tick();
    await xfer(via, 'LEAVE_3WAY_CALL');
    await t.tick();
    // The customer stays with the third party; the agent is out of it.
    expect(await call(callerid)).toMatchObject({ status: 'XFER', agent_grab: '' });
    expect((await t.events('leave_3way')).map((e) => e.detail)).toEqual(['3125550179']);
    expect(await t.snapshot(first.token)).toMatchObject({ call: null, threeWay: null, agent: { state: 'dispo' }, lead: { lead_id: 2 } });
    await t.settled();
  });

  it('PARK_CUSTOMER_DIAL: the customer is parked while the third party rings', async () => {
    const { token, callerid } = await t.onCall();
    await xfer('api', 'PARK_CUSTOMER_DIAL', { phone_number: '3125550180' });
    await t.tick();
    expect(await t.db.selectFrom('parked_channels').select(['channel_group', 'extension', 'parked_by']).execute())
      .toEqual([{ channel_group: callerid, extension: 'park', parked_by: '1000' }]);
    const s = await t.snapshot(token);
    expect(s.park).toMatchObject({ kind: 'customer' });
    expect(s.threeWay).toEqual({ number: '3125550180', state: 'ringing' });
    await t.settled();
  });

  it.each(VIAS)('park_call (%s): every value', async (via) => {
    const { token, callerid } = await t.onCall();
    const park = async (value: string) => {
      await t.command(via, '1000', { function: 'park_call', value }, { external_park: value });
      await t.tick();
      const s = await t.snapshot(token);
      const parked = await t.db.selectFrom('parked_channels').select('extension').where('channel_group', '=', callerid).execute();
      const leg = (await legs()).at(-1)?.state ?? null;
      await t.settled();
      return { park: s.park?.kind ?? null, parked: parked.map((p) => p.extension), leg, threeWay: s.threeWay?.state ?? null };
    };
    expect(await park('PARK_CUSTOMER')).toEqual({ park: 'customer', parked: ['park'], leg: null, threeWay: null });
    expect(await park('GRAB_CUSTOMER')).toEqual({ park: null, parked: [], leg: null, threeWay: null });
    expect(await park('PARK_IVR_CUSTOMER')).toEqual({ park: 'ivr', parked: ['IVR'], leg: null, threeWay: null });
    expect(await park('GRAB_IVR_CUSTOMER')).toEqual({ park: null, parked: [], leg: null, threeWay: null });
    await xfer(via, 'DIAL_WITH_CUSTOMER', { phone_number: '3125550181' });
    await t.tick();
    await ageLegs();
    await t.tick();
    expect(await park('PARK_XFER')).toEqual({ park: 'xfer', parked: [], leg: 'parked', threeWay: 'parked' });
    expect(await park('GRAB_XFER')).toEqual({ park: null, parked: [], leg: 'live', threeWay: 'live' });
    expect(await park('SWAP_PARK_CUSTOMER')).toEqual({ park: 'customer', parked: ['park'], leg: 'live', threeWay: 'live' });
    expect(await park('SWAP_PARK_XFER')).toEqual({ park: 'xfer', parked: [], leg: 'parked', threeWay: 'parked' });
    expect(await park('HANGUP_XFER_GRAB_CUSTOMER')).toEqual({ park: null, parked: [], leg: 'ended', threeWay: null });
    expect((await t.events()).filter((e) => e.event === 'park' || e.event === 'grab' || e.event === 'park_ivr').map((e) => `${e.event} ${e.detail}`)).toEqual([
      'park customer', 'grab customer', 'park_ivr customer', 'grab customer', 'park xfer', 'grab xfer', 'park customer', 'grab xfer',
      'park xfer', 'grab customer',
    ]);
    expect((await t.events('xfer_hangup')).map((e) => e.detail)).toEqual(['3125550181']);
  });

  it.each(VIAS)('recording (%s): START writes recording_log and the id; STATUS answers with it; STOP ends it', async (via) => {
    const { token } = await t.onCall();
    await t.command(via, '1000', { function: 'recording', value: 'START' }, { external_recording: 'START' });
    await t.tick();
    const rec = await t.db.selectFrom('recording_log').selectAll().executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ user: '1000', lead_id: 1, extension: '8600051', end_epoch: null });
    expect(rec.filename).toMatch(/^\d{8}-\d{6}_1000$/);
    expect((await t.row())!.external_recording).toBe(String(rec.recording_id));
    expect((await t.snapshot(token)).recording).toMatchObject({ id: rec.recording_id, filename: rec.filename });
    expect(await t.api({ agent_user: '1000', function: 'recording', value: 'STATUS' })).toContain(`NOTICE: recording active - 1000|${rec.recording_id}|${rec.filename}|`);
    await t.settled();
    await t.command(via, '1000', { function: 'recording', value: 'STOP' }, { external_recording: 'STOP' });
    await t.tick();
    expect((await t.db.selectFrom('recording_log').select('end_epoch').executeTakeFirstOrThrow()).end_epoch).not.toBeNull();
    expect((await t.row())!.external_recording).toBe('');
    expect((await t.snapshot(token)).recording).toBeNull();
    expect(await t.api({ agent_user: '1000', function: 'recording', value: 'STATUS' })).toContain('NOTICE: not recording - 1000|');
    expect((await t.events()).filter((e) => e.event.startsWith('recording_')).map((e) => e.event)).toEqual(['recording_started', 'recording_stopped']);
    await t.settled();
  });

  it.each(VIAS)('send_dtmf (%s): P→#, S→*, Q→, in the switch\'s dtmf event', async (via) => {
    await t.onCall();
    await t.command(via, '1000', { function: 'send_dtmf', value: '12P3S4Q' }, { external_dtmf: '12P3S4Q' });
    await t.tick();
    expect((await t.events('dtmf')).map((e) => e.detail)).toEqual(['12#3*4,']);
    expect((await t.row())!.external_dtmf).toBe('');
    await t.settled();
  });

  it('audio_playback: PLAY, PAUSE, RESUME, RESTART, STOP in live_channels and the snapshot', async () => {
    const token = await t.login();
    const stage = async (s: string) => {
      expect(await t.api({ agent_user: '1000', function: 'audio_playback', stage: s, value: 'hello' })).toMatch(/^SUCCESS/);
      await t.tick();
      await t.settled();
      const chans = await t.db.selectFrom('live_channels').select(['channel', 'channel_group', 'extension', 'channel_data']).execute();
      return { chans, playback: (await t.snapshot(token)).playback };
    };
    const played = await stage('PLAY');
    expect(played.chans).toEqual([{ channel: expect.stringMatching(/^IAX2\/ASTplay-\d+$/), channel_group: 'PLAYING', extension: '8600051', channel_data: 'hello' }]);
    expect(played.playback).toEqual({ file: 'hello', state: 'playing' });
    expect((await stage('PAUSE')).playback).toEqual({ file: 'hello', state: 'paused' });
    expect((await stage('RESUME')).playback).toEqual({ file: 'hello', state: 'playing' });
    expect((await stage('PAUSE')).playback?.state).toBe('paused');
    expect((await stage('RESTART')).playback).toEqual({ file: 'hello', state: 'playing' });
    expect(await stage('STOP')).toEqual({ chans: [], playback: null });
    expect((await t.events('playback')).map((e) => e.detail)).toEqual(['PLAY hello', 'PAUSE hello', 'RESUME hello', 'PAUSE hello', 'RESTART hello', 'STOP hello']);
    expect(await t.db.selectFrom('vicidial_manager').select('status').where('status', '!=', 'SENT').execute()).toEqual([]);
  });

  it('call_agent: the login Originate is carried out', async () => {
    await t.login();
    expect(await t.api({ agent_user: '1000', function: 'call_agent', value: 'CALL' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.db.selectFrom('vicidial_manager').select(['action', 'status']).execute()).toEqual([{ action: 'Originate', status: 'SENT' }]);
    expect((await t.events('originate')).map((e) => e.detail)).toEqual(['SIP/1000 -> 8600051']);
    await t.settled();
  });

  it('ra_call_control: HANGUP ends the call; INGROUPTRANSFER queues the customer in the in-group', async () => {
    const first = await t.onCall();
    expect(await t.api({ agent_user: '1000', function: 'ra_call_control', value: first.callerid, stage: 'HANGUP' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await call(first.callerid)).toBeUndefined();
    expect((await t.events('hangup'))).toHaveLength(1);
    expect(await t.row()).toMatchObject({ lead_id: 0, callerid: '' });
    await t.settled();
    await closer('1002', ['SALESLINE']);
    const { callerid } = await t.inbound('TEST_IN', { lead_id: 2 });
    await t.tick();
    expect(await t.api({ agent_user: '1000', function: 'ra_call_control', value: callerid, stage: 'INGROUPTRANSFER', ingroup_choices: 'SALESLINE' })).toMatch(/^SUCCESS/);
    await t.tick();
    expect(await t.row('1002')).toMatchObject({ status: 'INCALL', lead_id: 2 });
    expect((await t.events('redirect'))).toHaveLength(1);
    await t.settled();
  });

  it('force_fronter_leave_3way: the fronter on the same lead leaves and goes to the disposition', async () => {
    const fronter = await t.onCall();
    await closer('1002', ['SALESLINE']);
    await t.inbound('SALESLINE', { lead_id: 1 });
    await t.tick();
    expect(await t.api({ agent_user: '1002', function: 'force_fronter_leave_3way', value: 'LOCAL_ONLY' })).toBe('SUCCESS: force_fronter_leave_3way SENT - 1000');
    await t.tick();
    expect((await t.snapshot(fronter.token)).agent.state).toBe('dispo');
    expect(await t.row('1002')).toMatchObject({ status: 'INCALL', lead_id: 1 });
    expect((await t.events('leave_3way')).map((e) => e.user)).toEqual(['1000']);
    await t.settled();
  });

  it('send_notification: delivered once to each matching agent, also one who logs in inside the minute, none after it', async () => {
    const a = await t.login('1000');
    const b = await t.login('1001');
    const notes = async (token: string) => (await t.snapshot(token)).effects.filter((e) => e.kind === 'notification').map((e) => e.payload.text).sort();
    const send = (recipient: string, recipient_type: string, text: string) =>
      t.api({ function: 'send_notification', recipient, recipient_type, notification_text: text });
    for (const [r, type, text] of [['1000', 'USER', 'u'], ['AGENTS', 'USER_GROUP', 'g'], ['TESTCAMP', 'CAMPAIGN', 'c']]) expect(await send(r, type, text)).toMatch(/^SUCCESS/);
    await sleep(300);
    await t.tick();
    expect(await notes(a)).toEqual(['c', 'g', 'u']);
    expect(await notes(b)).toEqual(['c', 'g']);
    const late = await t.login('1002');
    await sleep(300);
    await t.tick();
    await sleep(300);
    await t.tick();
    expect(await notes(late)).toEqual(['c', 'g']);
    expect(await notes(a)).toEqual(['c', 'g', 'u']);
    expect(await t.db.selectFrom('agent_screen_effects').selectAll().where('kind', '=', 'notification').execute()).toHaveLength(7);
    // Past the one-minute window: nobody new gets them.
    await t.db.updateTable('vicidial_agent_notifications').set({ notification_date: formatDateTime(new Date(Date.now() - 61_000)) }).execute();
    const tooLate = await t.login('6666', { campaign: 'TESTCAMP', ingroups: [] });
    await sleep(300);
    await t.tick();
    expect(await notes(tooLate)).toEqual([]);
  });

  it.each(VIAS)('set_timer_action (%s) queues a timer effect; refresh_panel a reload of the named panels', async (via) => {
    const { token } = await t.onCall();
    await t.command(via, '1000', { function: 'set_timer_action', value: 'MESSAGE_ONLY', notes: 'Wrap up', rank: '30' },
      { external_timer_action: 'MESSAGE_ONLY', external_timer_action_message: 'Wrap up', external_timer_action_seconds: 30 });
    await t.command(via, '1000', { function: 'refresh_panel', formreload: '1', chatreload: '1' }, { external_update_fields: '1', external_update_fields_data: 'formreload,chatreload' });
    await t.tick();
    const effects = (await t.snapshot(token)).effects;
    expect(effects.filter((e) => e.kind === 'timer').map((e) => e.payload)).toEqual([expect.objectContaining({ action: 'MESSAGE_ONLY', message: 'Wrap up', seconds: 30 })]);
    expect(effects.filter((e) => e.kind === 'reload').map((e) => [...(e.payload.panels as string[])].sort())).toEqual([['chatreload', 'formreload']]);
    expect(await t.row()).toMatchObject({ external_timer_action: '', external_update_fields: '0' });
    await t.settled();
  });
});
