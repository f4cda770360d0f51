// An agent's session told as a story: log in, take a call, choose its outcome, pause
// with a reason, come back, log out — and what the login page says when it refuses.
import { expect, loginAgent, statePill, test } from './fixtures.js';
import { shot } from './shots.js';

test('an agent takes an inbound call from login to logout', async ({ page, sim }) => {
  await loginAgent(page, { user: '1000', pass: '1234', campaign: 'TESTCAMP' });
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  await page.screenshot({ path: shot('agent-paused-after-login.png'), animations: 'disabled' });
  await expect(page.getByTestId('simulated')).toHaveText('Simulated telephony');
  await expect(page.getByTestId('lead-empty')).toBeVisible();

  await page.getByRole('button', { name: 'Go ready' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');
  await expect(statePill(page)).toContainText('Ready');

  const { callerid } = await sim.inbound({ ingroup: 'TEST_IN', lead_id: 1 });
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  const banner = page.getByTestId('call-banner');
  await expect(banner).toContainText('Alice Anders');
  await expect(banner).toContainText('312-555-1001');
  await expect(banner).toContainText('Inbound');
  const lead = page.getByTestId('lead-panel');
  await expect(lead).toHaveAttribute('data-lead-id', '1');
  await expect(page.getByTestId('lead-comments')).toHaveText('Prefers calls after 5 pm');

  await page.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByTestId('detail-callerid')).toHaveText(callerid);
  await expect(page.getByTestId('detail-session')).toHaveText(/^\d{7}$/);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('call-timer')).toHaveText(/^0:0[1-9]$/, { timeout: 4_000 });
  await page.screenshot({ path: shot('agent-on-call.png'), animations: 'disabled' });
  // 1280 px at 125 % zoom leaves 1024 CSS px; and the dark scheme.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: shot('agent-on-call-1280-at-125.png'), animations: 'disabled' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: shot('agent-on-call-dark-1920.png'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('button', { name: 'Hang up' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  const dispo = page.getByTestId('dispo-panel');
  await expect(dispo).toBeVisible();
  // The customer stays on screen while the agent chooses the outcome.
  await expect(page.getByTestId('lead-name')).toHaveText('Alice Anders');
  await page.screenshot({ path: shot('agent-disposition.png'), animations: 'disabled' });

  // The hotkey shown on SALE picks it; Enter saves.
  const sale = page.getByTestId('dispo-SALE');
  const hotkey = (await sale.locator('kbd').textContent())!.trim();
  await page.keyboard.press(hotkey.toLowerCase());
  await expect(sale).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Enter');
  await expect(dispo).toBeHidden();
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('lead-empty')).toBeVisible();

  await page.getByTestId('pause').click();
  await page.getByRole('menuitemradio', { name: 'Break' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('pause-code')).toHaveText('Break');

  await page.getByRole('button', { name: 'Go ready' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('pause-code')).toHaveCount(0);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByTestId('logged-out')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You are logged out' })).toBeVisible();
});

test('a callback outcome asks when to call back', async ({ page, sim }) => {
  await loginAgent(page, { user: '1002', pass: '1234', campaign: 'TESTCAMP' });
  await page.getByRole('button', { name: 'Go ready' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');
  const { callerid } = await sim.inbound({ ingroup: 'TEST_IN', lead_id: 3 });
  await expect(page.getByTestId('call-banner')).toContainText('Chloe Chen');

  // The customer hangs up: the screen says so loudly and offers the outcome step.
  await sim.customerHangup(callerid);
  await expect(statePill(page)).toHaveAttribute('data-state', 'dead');
  await page.getByRole('button', { name: 'Disposition now' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');

  await page.getByTestId('dispo-CALLBK').click();
  await page.getByTestId('dispo-pause-after').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await expect(page.getByText('Choose when to call back.')).toBeVisible();
  await page.getByTestId('callback-when').fill('2030-01-15T10:30');
  await page.getByLabel('Notes for the callback').fill('Wants the premium plan');
  await page.screenshot({ path: shot('agent-callback.png'), animations: 'disabled' });
  await page.getByRole('button', { name: 'Save outcome' }).click();
  // "Pause after this call" was ticked: paused, not ready.
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
});

test('changes made through the Agent API show on the screen, attributed', async ({ page, api }) => {
  await loginAgent(page, { user: '1001', pass: '1234', campaign: 'TESTCAMP' });
  await page.getByRole('button', { name: 'Go ready' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');

  expect(await api({ function: 'external_pause', agent_user: '1001', value: 'PAUSE' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  await expect(page.getByTestId('last-activity')).toContainText('6666 via test');

  expect(await api({ function: 'logout', agent_user: '1001', value: 'LOGOUT' })).toMatch(/^SUCCESS/);
  await expect(page.getByTestId('logged-out')).toHaveAttribute('data-reason', 'ended');
});

test('a wrong password is refused on the login page', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('User').fill('1000');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong user or password.');
  await page.screenshot({ path: shot('login-wrong-password.png'), animations: 'disabled' });
  await expect(page.getByTestId('state-pill')).toHaveCount(0);
});

test('a campaign the user may not use is refused', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('User').fill('1003');
  await page.getByLabel('Password').fill('1234');
  await page.getByRole('button', { name: 'Continue' }).click();
  // Only the allowed campaign is offered…
  await expect(page.getByRole('radio', { name: /TESTCAMP/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /MANCAMP/ })).toHaveCount(0);

  // …and if a forbidden one is asked for anyway (say, withdrawn between the two steps),
  // the back end refuses it and the page says why.
  await page.getByRole('button', { name: 'Change user' }).click();
  await page.route('**/agent/login-options', async (route) => {
    const reply = await route.fetch();
    const options = (await reply.json()) as { campaigns: unknown[] };
    options.campaigns.push({ id: 'MANCAMP', name: 'Manual dialing', allowInbound: false });
    await route.fulfill({ response: reply, json: options });
  });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: /MANCAMP/ }).check();
  await page.screenshot({ path: shot('login-campaign-choice.png'), animations: 'disabled' });
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('You may not log in to this campaign. Choose another one.');
  await expect(page.getByTestId('state-pill')).toHaveCount(0);
});
