// Call control through the Agent API, seen on the agent's screen: transfers and 3-way legs,
// hold, recording, tones, playback, calling the agent's phone, voicemail, remote-agent hangup
// and the fronter commands. Agent 1000 is on an inbound call in Chromium; a second agent, when
// one is needed, works through the screen's own endpoints (/agent/login, /agent/action).
import type { Page } from '@playwright/test';
import type { AgentSnapshot } from '../contract/agent.js';
import { expect, loginAgent, statePill, test, type Sim } from './fixtures.js';
import { shot } from './shots.js';

interface SimState {
  agents: { user: string; lead_id: number; callerid: string; conf_exten: string; status: string }[];
  calls: { callerid: string; campaign_id: string; status: string }[];
  events: { event: string; user: string; detail: string }[];
}

/** Agent 1000 logs in, goes ready and takes a call from TEST_IN; returns the call id and lead. */
async function onInboundCall(page: Page, sim: Sim): Promise<{ callerid: string; leadId: number }> {
  await loginAgent(page, { user: '1000', pass: '1234', campaign: 'TESTCAMP' });
  await page.getByRole('button', { name: 'Go ready' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', /^(ready|closer)$/);
  const { callerid } = await sim.inbound({ ingroup: 'TEST_IN' });
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  const state = (await sim.state()) as SimState;
  const leadId = state.agents.find((a) => a.user === '1000')!.lead_id;
  return { callerid, leadId };
}

/** A second agent through the screen's endpoints, waiting on SALESLINE only. */
async function secondAgent(baseURL: string, user = '1001') {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${baseURL}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = await post('/agent/login', { user, pass: '1234', campaign: 'TESTCAMP', ingroups: ['SALESLINE'] });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  expect((await post('/agent/action', { action: 'resume' }, token)).status).toBe(200);
  const snapshot = async () =>
    (await (await fetch(`${baseURL}/agent/snapshot`, { headers: { Authorization: `Bearer ${token}` } })).json()) as AgentSnapshot;
  return { user, snapshot };
}

const chip = (page: Page, name: string) => page.getByTestId(`chip-${name}`);

test('a 3-way call through the API: the leg rings, connects, shows in the panel, and is hung up', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  expect(await api({ function: 'transfer_conference', agent_user: '1000', value: 'DIAL_WITH_CUSTOMER', phone_number: '8500' }))
    .toMatch(/^SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER\|\|8500\|/);
  await expect(chip(page, 'threeway')).toHaveAttribute('data-leg', 'ringing');
  await expect(chip(page, 'threeway')).toContainText('3-way: 8500');
  // The panel opens by itself with the leg, its state and what can be done.
  const leg = page.getByTestId('three-way-leg');
  await expect(leg).toBeVisible();
  await expect(chip(page, 'threeway')).toHaveAttribute('data-leg', 'live');
  await expect(leg).toHaveAttribute('data-leg', 'live');
  await expect(page.getByTestId('three-way-state')).toHaveText('Connected');
  await expect(page.getByTestId('three-way-complete')).toBeEnabled();
  await expect(page.getByTestId('three-way-hangup-both')).toHaveText('Hang up both');
  await page.screenshot({ path: shot('transfer-panel.png'), animations: 'disabled' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shot('transfer-panel-1280-at-125.png'), animations: 'disabled' });
  await page.setViewportSize({ width: 1440, height: 900 });

  expect(await api({ function: 'transfer_conference', agent_user: '1000', value: 'HANGUP_XFER' })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'threeway')).toHaveCount(0);
  await expect(leg).toHaveCount(0);
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  await expect(page.getByTestId('activity-list')).toContainText('3rd party hung up');
});

test('BLIND_TRANSFER sends the customer away and opens the outcome step', async ({ page, api, sim }) => {
  const { callerid } = await onInboundCall(page, sim);
  expect(await api({ function: 'transfer_conference', agent_user: '1000', value: 'BLIND_TRANSFER', phone_number: '3125559000' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect(page.getByTestId('dispo-panel')).toBeVisible();
  await expect(page.getByTestId('activity-list')).toContainText('Call sent to 3125559000');
  const state = (await sim.state()) as SimState;
  expect(state.calls.find((c) => c.callerid === callerid)).toBeUndefined();
});

test('LOCAL_CLOSER to SALESLINE: agent 1000 chooses the outcome, the call rings through to agent 1001', async ({ page, api, sim, baseURL }) => {
  const { callerid, leadId } = await onInboundCall(page, sim);
  const closer = await secondAgent(baseURL!);
  expect(await api({ function: 'transfer_conference', agent_user: '1000', value: 'LOCAL_CLOSER', ingroup_choices: 'SALESLINE' }))
    .toMatch(/^SUCCESS: transfer_conference function set - LOCAL_CLOSER\|SALESLINE\|/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect(page.getByTestId('activity-list')).toContainText('Call sent to SALESLINE');
  await expect.poll(async () => (await closer.snapshot()).agent.state).toBe('incall');
  const taken = await closer.snapshot();
  expect(taken.call).toMatchObject({ callerid, ingroup: 'SALESLINE' });
  expect(taken.lead?.lead_id).toBe(leadId);
});

test('park_call: the customer on hold with the time on park, then taken back', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  expect(await api({ function: 'park_call', agent_user: '1000', value: 'PARK_CUSTOMER' })).toBe('SUCCESS: park_call function set - PARK_CUSTOMER|1000\n');
  await expect(chip(page, 'park')).toContainText('Customer on hold');
  await expect(chip(page, 'park')).toContainText('on park');
  await expect(page.getByTestId('chip-park-time')).toHaveText(/^0:0[2-9]$/, { timeout: 5_000 });
  await expect(page.getByTestId('take-back')).toBeVisible();
  expect(await api({ function: 'park_call', agent_user: '1000', value: 'GRAB_CUSTOMER' })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'park')).toHaveCount(0);
  await expect(page.getByTestId('activity-list')).toContainText('Customer taken back from hold');
});

test('recording START shows the file and id that STATUS names; STOP removes it', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  expect(await api({ function: 'recording', agent_user: '1000', value: 'START' })).toMatch(/^SUCCESS: recording function sent/);
  const recording = chip(page, 'recording');
  await expect(recording).toBeVisible();
  const id = await recording.getAttribute('data-recording-id');
  expect(id).toMatch(/^\d+$/);
  await expect(page.getByTestId('chip-recording-id')).toHaveText(`id ${id}`);
  const shown = (await page.getByTestId('chip-recording-file').textContent())!;
  const status = await api({ function: 'recording', agent_user: '1000', value: 'STATUS' });
  const [, , rid, filename] = /^NOTICE: recording active - (1000)\|(\d+)\|([^|]+)\|/.exec(status) ?? [];
  expect(rid).toBe(id);
  expect(filename.length > 22 ? `${filename.slice(0, 22)}…` : filename).toBe(shown);
  await expect(page.getByTestId('record-stop')).toHaveText('Stop recording');

  expect(await api({ function: 'recording', agent_user: '1000', value: 'STOP' })).toMatch(/^SUCCESS/);
  await expect(recording).toHaveCount(0);
  await expect(page.getByTestId('record')).toHaveText('Record');
});

test('send_dtmf: the activity shows the tones, P as # and S as *', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  expect(await api({ function: 'send_dtmf', agent_user: '1000', value: '12P3S' })).toBe('SUCCESS: send_dtmf function set - 12P3S|1000\n');
  const entry = page.getByTestId('activity-list').locator('[data-key="activity.dtmf"]');
  await expect(entry).toContainText('Tones sent: 12#3*');
  await expect(entry).toContainText('6666 via test');
});

test('audio_playback: playing, paused, stopped', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  expect(await api({ function: 'audio_playback', agent_user: '1000', stage: 'PLAY', value: 'welcome_offer' })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'playback')).toHaveAttribute('data-playback', 'playing');
  await expect(chip(page, 'playback')).toContainText('Playing');
  await expect(chip(page, 'playback')).toContainText('welcome_offer');
  expect(await api({ function: 'audio_playback', agent_user: '1000', stage: 'PAUSE' })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'playback')).toHaveAttribute('data-playback', 'paused');
  await expect(chip(page, 'playback')).toContainText('Playback paused');
  expect(await api({ function: 'audio_playback', agent_user: '1000', stage: 'STOP' })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'playback')).toHaveCount(0);
});

test('recording, hold and playback show together in the status bar', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  const commands: Record<string, string>[] = [
    { function: 'recording', value: 'START', stage: '_MIDCALL' },
    { function: 'park_call', value: 'PARK_CUSTOMER' },
    { function: 'audio_playback', stage: 'PLAY', value: 'hold_message' },
  ];
  for (const params of commands) expect(await api({ agent_user: '1000', ...params })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'recording')).toBeVisible();
  await expect(page.getByTestId('chip-recording-file')).toHaveText(/…$/);
  await expect(chip(page, 'park')).toBeVisible();
  await expect(chip(page, 'playback')).toBeVisible();
  await expect(page.getByTestId('chip-park-time')).toHaveText(/^0:0[1-9]$/);
  await page.screenshot({ path: shot('status-chips.png'), animations: 'disabled' });
  // 1280 px at 125 % zoom: the chips keep their words, file names move to the tooltips.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shot('status-chips-1280-at-125.png'), animations: 'disabled' });
  // A logout leaves both running in the simulated switch: stop them so the next test starts clean.
  const stops: Record<string, string>[] = [{ function: 'recording', value: 'STOP' }, { function: 'audio_playback', stage: 'STOP' }];
  for (const params of stops) {
    expect(await api({ agent_user: '1000', ...params })).toMatch(/^SUCCESS/);
  }
  await expect(chip(page, 'recording')).toHaveCount(0);
  await expect(chip(page, 'playback')).toHaveCount(0);
});

test('call_agent rings the agent phone back into the session', async ({ page, api, sim }) => {
  await onInboundCall(page, sim);
  expect(await api({ function: 'call_agent', agent_user: '1000', value: 'CALL' })).toBe('SUCCESS: call_agent function sent - 1000\n');
  const conf = ((await sim.state()) as SimState).agents.find((a) => a.user === '1000')!.conf_exten;
  await expect.poll(async () => ((await sim.state()) as SimState).events.some((e) => e.event === 'originate' && e.detail.includes(conf))).toBe(true);
});

test('vm_message, then LEAVE_VM: the customer goes to voicemail and the call ends', async ({ page, api, sim }) => {
  const { leadId } = await onInboundCall(page, sim);
  expect(await api({ function: 'vm_message', agent_user: '1000', value: 'custom_vm_1' }))
    .toBe(`SUCCESS: vm_message function set - 1000|${leadId}|custom_vm_1|\n`);
  expect(await api({ function: 'transfer_conference', agent_user: '1000', value: 'LEAVE_VM' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect(page.getByTestId('activity-list')).toContainText('Customer sent to voicemail');
  await expect.poll(async () => ((await sim.state()) as SimState).events.some((e) => e.event === 'leave_vm' && e.user === '1000')).toBe(true);
});

test('ra_call_control HANGUP frees the agent at once', async ({ page, api, sim }) => {
  const { callerid } = await onInboundCall(page, sim);
  expect(await api({ function: 'ra_call_control', agent_user: '1000', value: callerid, stage: 'HANGUP' }))
    .toBe(`SUCCESS: ra_call_control hungup - 1000|${callerid}|HANGUP\n`);
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('lead-empty')).toBeVisible();
});

test('force_fronter_leave_3way sends the fronter to the outcome step', async ({ page, api, sim, baseURL }) => {
  const { leadId } = await onInboundCall(page, sim);
  const closer = await secondAgent(baseURL!);
  await sim.inbound({ ingroup: 'SALESLINE', lead_id: leadId });
  await expect.poll(async () => (await closer.snapshot()).lead?.lead_id).toBe(leadId);
  expect(await api({ function: 'force_fronter_leave_3way', agent_user: closer.user, value: 'LOCAL_ONLY' }))
    .toBe('SUCCESS: force_fronter_leave_3way SENT - 1000');
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect(page.getByTestId('activity-list')).toContainText('You left the 3-way call');
});

test('force_fronter_audio_stop stops the playback in the fronter session', async ({ page, api, sim, baseURL }) => {
  const { leadId } = await onInboundCall(page, sim);
  const closer = await secondAgent(baseURL!);
  await sim.inbound({ ingroup: 'SALESLINE', lead_id: leadId });
  await expect.poll(async () => (await closer.snapshot()).lead?.lead_id).toBe(leadId);
  expect(await api({ function: 'audio_playback', agent_user: '1000', stage: 'PLAY', value: 'fronter_pitch' })).toMatch(/^SUCCESS/);
  await expect(chip(page, 'playback')).toContainText('fronter_pitch');
  expect(await api({ function: 'force_fronter_audio_stop', agent_user: closer.user, value: 'LOCAL_ONLY' }))
    .toBe('SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY||1001|1000\n');
  await expect(chip(page, 'playback')).toHaveCount(0);
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
});

test('from the panel: a warm transfer to a number rings, connects and is completed', async ({ page, sim }) => {
  await onInboundCall(page, sim);
  await page.getByRole('button', { name: 'Transfer / 3-way' }).click();
  const panel = page.getByTestId('transfer-panel');
  await expect(panel.getByRole('heading', { name: 'Transfer / 3-way call' })).toBeVisible();
  await panel.getByTestId('transfer-target').fill('85');
  await panel.getByTestId('transfer-go').click();
  await expect(panel.getByRole('alert')).toHaveText('Enter a phone number: digits only, 3 to 18.');
  await panel.getByTestId('transfer-target').fill('312 555 8500');
  await expect(panel.getByTestId('transfer-warm')).toBeChecked();
  await page.screenshot({ path: shot('transfer-setup.png'), animations: 'disabled' });
  await panel.getByRole('button', { name: 'Dial 312 555 8500' }).click();
  await expect(page.getByTestId('three-way-leg')).toHaveAttribute('data-leg', 'live');
  await expect(chip(page, 'threeway')).toContainText('3125558500');

  // Tones go into the call from the keypad.
  await panel.getByText('Keypad tones').click();
  for (const key of ['4', '2', '#']) await panel.getByRole('button', { name: `Key ${key}` }).click();
  await expect(panel.getByTestId('keypad-tones')).toHaveValue('42#');
  await panel.getByTestId('keypad-send').click();
  await expect(page.getByTestId('activity-list')).toContainText('Tones sent: 42#');

  await page.getByTestId('three-way-complete').click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('activity-list')).toContainText('You left the 3-way call');
});

test('from the panel: a cold transfer to another agent goes to that agent only', async ({ page, sim, baseURL }) => {
  const { leadId } = await onInboundCall(page, sim);
  const other = await secondAgent(baseURL!, '1002');
  await page.getByRole('button', { name: 'Transfer / 3-way' }).click();
  const panel = page.getByTestId('transfer-panel');
  await panel.getByTestId('transfer-kind-agent').check();
  await expect(panel.getByTestId('transfer-warm')).toBeDisabled();
  await expect(panel.getByTestId('transfer-cold')).toBeChecked();
  await panel.getByLabel('Agent user').fill('1002');
  await panel.getByRole('button', { name: 'Transfer to 1002' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect.poll(async () => (await other.snapshot()).lead?.lead_id).toBe(leadId);
});

test('hold and record from the controls bar', async ({ page, sim }) => {
  await onInboundCall(page, sim);
  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(chip(page, 'park')).toBeVisible();
  await page.getByRole('button', { name: 'Take back' }).click();
  await expect(chip(page, 'park')).toHaveCount(0);
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(chip(page, 'recording')).toBeVisible();
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect(chip(page, 'recording')).toHaveCount(0);
});
