// A CRM drives agent 1000's screen through the Agent API: each function's main path, told
// by what the agent sees (agent-screen.md §3.1–§3.9, §3.19, §3.21, §3.22; §6.4's effects).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, loginAgent, statePill, test, type ApiParams, type BackEnd, type Sim } from './fixtures.js';
import { shot } from './shots.js';

const AGENT = { user: '1000', pass: '1234', campaign: 'TESTCAMP' };
type Api = (params: ApiParams) => Promise<string>;

/** Agent 1000 in the screen, set ready by the API, talking to the lead on an inbound call. */
async function onInboundCall(page: Page, api: Api, sim: Sim, lead: { lead_id?: number; phone_number?: string }) {
  await loginAgent(page, AGENT);
  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', /^(ready|closer)$/);
  const { callerid } = await sim.inbound({ ingroup: 'TEST_IN', ...lead });
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  return callerid;
}

/** A row as the back end stored it (the e2e back end's SQLite file, read only). */
function row<T>(backEnd: BackEnd, query: string, ...params: unknown[]): T | undefined {
  const db = new Database(join(backEnd.dataDir, 'vicidial.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

test('external_pause RESUME sets the agent ready and PAUSE pauses, attributed to the API user', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', /^(ready|closer)$/);
  await expect(statePill(page)).toContainText('Ready');
  const toast = page.getByTestId('remote-toast').filter({ hasText: 'You were set ready' });
  await expect(toast).toContainText('6666 via test');

  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('remote-toast').filter({ hasText: 'You were paused' })).toContainText('6666 via test');
  await expect(page.getByTestId('activity-list')).toContainText('You were paused · 6666 via test');
});

test('pause_code shows the reason on the paused pill', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  expect(await api({ function: 'pause_code', agent_user: '1000', value: 'LUNCH' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('pause-code')).toHaveText('Lunch');
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
});

test('PAUSE during a call waits for the outcome, then pauses', async ({ page, api, sim }) => {
  await onInboundCall(page, api, sim, { lead_id: 2 });
  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('pause-after-call')).toHaveText('Pause after this call');
  await expect(page.getByTestId('pause-after-call-set')).toBeVisible();
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');

  await page.getByRole('button', { name: 'Hang up' }).click();
  await expect(page.getByTestId('dispo-pause-after').getByRole('checkbox')).toBeChecked();
  await page.getByTestId('dispo-NI').click();
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('pause-after-call')).toHaveCount(0);
});

test('external_hangup during a call opens the outcome step with the customer still shown', async ({ page, api, sim }) => {
  await onInboundCall(page, api, sim, { lead_id: 1 });
  expect(await api({ function: 'external_hangup', agent_user: '1000', value: '1' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await expect(page.getByTestId('dispo-panel')).toBeVisible();
  await expect(page.getByTestId('lead-name')).toHaveText('Alice Anders');
  await expect(page.getByTestId('activity-list')).toContainText('Call hung up · 6666 via test');
});

test('external_status during the outcome step saves it and closes the picker', async ({ page, api, sim, backEnd }) => {
  await onInboundCall(page, api, sim, { phone_number: '3125556001' });
  const leadId = Number(await page.getByTestId('lead-panel').getAttribute('data-lead-id'));
  expect(await api({ function: 'external_hangup', agent_user: '1000', value: '1' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('dispo-panel')).toBeVisible();

  expect(await api({ function: 'external_status', agent_user: '1000', value: 'SALE' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('dispo-panel')).toBeHidden();
  await expect(statePill(page)).toHaveAttribute('data-state', /^(ready|closer)$/);
  await expect(page.getByTestId('activity-list')).toContainText('Outcome saved: SALE · 6666 via test');
  expect(row<{ status: string }>(backEnd, 'SELECT status FROM vicidial_list WHERE lead_id = ?', leadId)?.status).toBe('SALE');
});

test('external_status with a callback schedules it and closes the picker', async ({ page, api, sim, backEnd }) => {
  await onInboundCall(page, api, sim, { phone_number: '3125556002' });
  const leadId = Number(await page.getByTestId('lead-panel').getAttribute('data-lead-id'));
  expect(await api({ function: 'external_hangup', agent_user: '1000', value: '1' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('dispo-panel')).toBeVisible();

  const reply = await api({
    function: 'external_status', agent_user: '1000', value: 'CALLBK', callback_datetime: '2030-01-15 10:30:00',
    callback_type: 'USERONLY', callback_comments: 'Call after lunch',
  });
  expect(reply).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('dispo-panel')).toBeHidden();
  await expect(page.getByTestId('activity-list')).toContainText('Outcome saved: CALLBK');
  expect(row<{ status: string }>(backEnd, 'SELECT status FROM vicidial_list WHERE lead_id = ?', leadId)?.status).toBe('CBHOLD');
  const callback = row<{ status: string; lead_status: string; callback_time: string; recipient: string; comments: string }>(
    backEnd, 'SELECT status, lead_status, callback_time, recipient, comments FROM vicidial_callbacks WHERE lead_id = ?', leadId);
  expect(callback).toEqual({ status: 'ACTIVE', lead_status: 'CALLBK', callback_time: '2030-01-15 10:30:00', recipient: 'USERONLY', comments: 'Call after lunch' });
});

test('logout shows the logged-out page', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  expect(await api({ function: 'logout', agent_user: '1000', value: 'LOGOUT' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('logged-out')).toHaveAttribute('data-reason', 'ended');
  await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
});

test('external_dial with focus shows "Placing call to", then the call with its lead', async ({ page, api, backEnd }) => {
  // Ring for a while, so the alert and the ringing call can be seen together.
  await fetch(`${backEnd.url}/sim/dial-outcomes`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone_number: '3125551002', ring_ms: 4000 }),
  });
  await loginAgent(page, AGENT);
  const reply = await api({ function: 'external_dial', agent_user: '1000', value: '3125551002', phone_code: '1', search: 'YES', preview: 'NO', focus: 'YES' });
  expect(reply).toMatch(/^SUCCESS/);
  const alert = page.getByTestId('focus-alert');
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('heading')).toHaveText('Placing call to 312-555-1002');
  await expect(page.getByTestId('call-banner')).toHaveAttribute('data-call', 'ringing');
  await page.screenshot({ path: shot('agent-focus-alert.png'), animations: 'disabled' });

  await expect(page.getByTestId('call-banner')).toHaveAttribute('data-call', 'live', { timeout: 8_000 });
  await expect(page.getByTestId('call-name')).toHaveText('Bruno Barros');
  await expect(page.getByTestId('lead-panel')).toHaveAttribute('data-lead-id', '2');
  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(alert).toHaveCount(0);
});

test('external_dial preview shows the preview panel; DIALONLY dials the lead', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  const reply = await api({ function: 'external_dial', agent_user: '1000', lead_id: '1', search: 'NO', preview: 'YES', focus: 'NO' });
  expect(reply).toMatch(/^SUCCESS/);
  const preview = page.getByTestId('preview-panel');
  await expect(preview).toBeVisible();
  await expect(statePill(page)).toHaveAttribute('data-state', 'preview');
  await expect(page.getByTestId('preview-name')).toHaveText('Alice Anders');
  await expect(page.getByTestId('preview-dial')).toHaveText('Dial 312-555-1001');
  await expect(page.getByTestId('preview-dial-alt')).toHaveText('Dial alternate 312-555-2001');
  await expect(page.getByTestId('preview-dial-address3')).toHaveCount(0);
  await expect(page.getByTestId('lead-phone')).toHaveText('312-555-1001');
  await expect(page.getByTestId('preview-dial')).toBeFocused();
  await page.screenshot({ path: shot('agent-preview.png'), animations: 'disabled' });

  expect(await api({ function: 'preview_dial_action', agent_user: '1000', value: 'DIALONLY' })).toMatch(/^SUCCESS/);
  await expect(preview).toBeHidden();
  await expect(statePill(page)).toHaveAttribute('data-state', /^(dialing|incall)$/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall', { timeout: 8_000 });
  await expect(page.getByTestId('call-name')).toHaveText('Alice Anders');
});

test('preview_dial_action SKIP takes the preview away', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  expect(await api({ function: 'external_dial', agent_user: '1000', lead_id: '3', search: 'NO', preview: 'YES', focus: 'NO' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('preview-name')).toHaveText('Chloe Chen');
  // Lead 3 has no alternate number: no button for one.
  await expect(page.getByTestId('preview-dial-alt')).toHaveCount(0);
  expect(await api({ function: 'preview_dial_action', agent_user: '1000', value: 'SKIP' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('preview-panel')).toHaveCount(0);
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('lead-empty')).toBeVisible();
  await expect(page.getByTestId('remote-toast').filter({ hasText: 'Preview skipped' })).toContainText('6666 via test');
});

test('the agent can act on a preview from the screen', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  expect(await api({ function: 'external_dial', agent_user: '1000', lead_id: '3', search: 'NO', preview: 'YES', focus: 'NO' })).toMatch(/^SUCCESS/);
  await page.getByTestId('preview-skip').click();
  await expect(page.getByTestId('preview-panel')).toHaveCount(0);
  expect(await api({ function: 'external_dial', agent_user: '1000', lead_id: '3', search: 'NO', preview: 'YES', focus: 'NO' })).toMatch(/^SUCCESS/);
  // Focus is on "Dial": Enter dials the main number.
  await expect(page.getByTestId('preview-dial')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall', { timeout: 8_000 });
  await expect(page.getByTestId('call-name')).toHaveText('Chloe Chen');
});

test('external_add_lead, then external_dial of that lead, shows its customer', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  const added = await api({ function: 'external_add_lead', agent_user: '1000', phone_number: '3125557001', phone_code: '1', first_name: 'Ester', last_name: 'Nunes', city: 'Joliet' });
  const leadId = /^SUCCESS: lead added - 3125557001\|TESTCAMP\|101\|(\d+)\|1000/.exec(added)?.[1];
  expect(leadId, added).toBeTruthy();
  expect(await api({ function: 'external_dial', agent_user: '1000', lead_id: leadId!, search: 'NO', preview: 'NO', focus: 'NO' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('lead-panel')).toHaveAttribute('data-lead-id', leadId!);
  await expect(page.getByTestId('lead-name')).toHaveText('Ester Nunes');
  await expect(page.getByTestId('lead-city')).toHaveText('Joliet');
  await expect(page.getByTestId('call-name')).toHaveText('Ester Nunes', { timeout: 8_000 });
});

test('update_fields changes the customer in place, highlighted', async ({ page, api, sim }) => {
  await onInboundCall(page, api, sim, { phone_number: '3125558001' });
  const panel = page.getByTestId('lead-panel');
  const leadId = await panel.getAttribute('data-lead-id');
  const reply = await api({ function: 'update_fields', agent_user: '1000', first_name: 'Dora', last_name: 'Diaz', city: 'Springfield', comments: 'Moved house' });
  expect(reply).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('lead-name')).toHaveText('Dora Diaz');
  await expect(page.getByTestId('lead-city')).toHaveText('Springfield');
  await expect(page.getByTestId('lead-city')).toHaveClass(/flash/);
  await expect(page.getByTestId('lead-comments')).toHaveText('Moved house');
  await expect(panel).toHaveAttribute('data-lead-id', leadId!);
  await expect(page.getByTestId('call-name')).toHaveText('Dora Diaz');
  await expect(page.getByTestId('activity-list')).toContainText('6666 via test');
});

test('switch_lead during an inbound call shows the other customer', async ({ page, api, sim }) => {
  await onInboundCall(page, api, sim, { lead_id: 1 });
  await expect(page.getByTestId('lead-name')).toHaveText('Alice Anders');
  const reply = await api({ function: 'switch_lead', agent_user: '1000', lead_id: '2' });
  expect(reply).toMatch(/^SUCCESS: switch_lead function set/);
  await expect(page.getByTestId('lead-panel')).toHaveAttribute('data-lead-id', '2');
  await expect(page.getByTestId('lead-name')).toHaveText('Bruno Barros');
  await expect(page.getByTestId('call-name')).toHaveText('Bruno Barros');
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  await expect(page.getByTestId('activity-list')).toContainText('Customer changed from lead 1 to lead 2');
});

test('change_ingroups changes the queues shown, and a call of a new queue reaches the agent', async ({ page, api, sim }) => {
  await loginAgent(page, AGENT);
  const chip = page.getByTestId('ingroups');
  await expect(chip).toHaveAttribute('data-ingroups', 'SALESLINE TEST_IN');
  expect(await api({ function: 'change_ingroups', agent_user: '1000', value: 'REMOVE', blended: 'NO', ingroup_choices: ' SALESLINE -' })).toMatch(/^SUCCESS/);
  await expect(chip).toHaveAttribute('data-ingroups', 'TEST_IN');
  await expect(chip).toContainText('Queues TEST_IN');
  await expect(chip).not.toContainText('outbound');
  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'closer');

  // A call for a queue the agent no longer takes waits, and is not counted for this agent.
  await sim.inbound({ ingroup: 'SALESLINE', lead_id: 3 });
  await expect(page.getByTestId('calls-waiting')).toHaveAttribute('data-count', '0');
  await expect(statePill(page)).toHaveAttribute('data-state', 'closer');

  const reply = await api({ function: 'change_ingroups', agent_user: '1000', value: 'ADD', blended: 'NO', ingroup_choices: ' SALESLINE -' });
  expect(reply).toMatch(/^SUCCESS/);
  await expect(chip).toHaveAttribute('data-ingroups', 'TEST_IN SALESLINE');
  await expect(page.getByTestId('remote-toast').filter({ hasText: 'Inbound queues changed' }).last()).toContainText('6666 via test');
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  await expect(page.getByTestId('call-name')).toHaveText('Chloe Chen');
  await expect(page.getByTestId('call-banner')).toContainText('via SALESLINE');
});

test('calls_in_queue_count matches the waiting count on the screen', async ({ page, api, sim }) => {
  await loginAgent(page, AGENT);
  expect(await api({ function: 'change_ingroups', agent_user: '1000', value: 'CHANGE', blended: 'NO', ingroup_choices: ' TEST_IN -' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('ingroups')).toHaveAttribute('data-ingroups', 'TEST_IN');
  const count = () => api({ function: 'calls_in_queue_count', agent_user: '1000', value: 'DISPLAY' });
  await expect(page.getByTestId('calls-waiting')).toHaveAttribute('data-count', '0');
  expect(await count()).toBe('SUCCESS: calls_in_queue_count - 0');

  // The agent is paused: calls for its queue wait; a call for another queue is not its.
  const calls = [await sim.inbound({ ingroup: 'TEST_IN', phone_number: '3125559001' }), await sim.inbound({ ingroup: 'TEST_IN', phone_number: '3125559002' })];
  const other = await sim.inbound({ ingroup: 'SALESLINE', phone_number: '3125559003' });
  await expect(page.getByTestId('calls-waiting')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('calls-waiting')).toContainText('Waiting 2');
  expect(await count()).toBe('SUCCESS: calls_in_queue_count - 2');

  await sim.customerHangup(calls[0]!.callerid);
  await expect(page.getByTestId('calls-waiting')).toHaveAttribute('data-count', '1');
  expect(await count()).toBe('SUCCESS: calls_in_queue_count - 1');
  for (const call of [calls[1]!, other]) await sim.customerHangup(call.callerid);
  await expect(page.getByTestId('calls-waiting')).toHaveAttribute('data-count', '0');
});

test('st_login_log and st_get_agent_active_lead agree with the screen', async ({ page, api, sim }) => {
  await onInboundCall(page, api, sim, { lead_id: 1 });
  const leadId = await page.getByTestId('lead-panel').getAttribute('data-lead-id');
  expect(await api({ function: 'st_login_log', value: 'CRM-ANA', vendor_id: 'TEAM7' })).toBe('SUCCESS: st_login_log user found - 1000\n');
  await expect(page.getByTestId('agent-name')).toContainText('Agent 1000');

  const active = await api({ function: 'st_get_agent_active_lead', value: 'CRM-ANA', vendor_id: 'TEAM7' });
  const [user, phone, lead, vendorCode] = active.replace(/^SUCCESS: st_get_agent_active_lead lead found - /, '').trim().split('|');
  expect(active).toMatch(/^SUCCESS: st_get_agent_active_lead lead found - /);
  expect({ user, phone, lead, vendorCode }).toEqual({ user: '1000', phone: '3125551001', lead: leadId, vendorCode: 'VLC00001' });
  await expect(page.getByTestId('lead-phone')).toHaveText('312-555-1001');
  await expect(page.getByTestId('lead-reference')).toHaveText('VLC00001');
});
