// The supervisor console told as a story, with two browsers side by side: a supervisor
// pauses agents, cheers one with confetti and corrects a lead field, and the agent's screen
// shows each; users the API refuses are refused here in the API's own words.
import type { Browser, Page } from '@playwright/test';
import { expect, loginAgent, statePill, test } from './fixtures.js';
import { shot } from './shots.js';

async function openConsole(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/supervisor');
  return page;
}

async function signIn(page: Page, user: string, pass: string) {
  await page.getByLabel('API user').fill(user);
  await page.getByLabel('Password').fill(pass);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function send(page: Page, fn: string, fields: Record<string, string>) {
  await page.getByTestId('sv-function').selectOption(fn);
  for (const [name, value] of Object.entries(fields)) {
    const field = page.getByTestId(`sv-param-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('sv-send').click();
}

const reply = (page: Page, agent: string) => page.locator(`[data-testid="sv-reply"][data-agent="${agent}"]`);

test('a supervisor pauses agents, sends confetti and updates a lead, and the agent sees each', async ({ page: agent, browser, baseURL, sim, context }) => {
  const second = await context.newPage();
  await loginAgent(agent, { user: '1000', pass: '1234', campaign: 'TESTCAMP' });
  await loginAgent(second, { user: '1001', pass: '1234', campaign: 'TESTCAMP' });
  for (const p of [agent, second]) {
    await p.getByRole('button', { name: 'Go ready' }).click();
    await expect(statePill(p)).toHaveAttribute('data-state', 'ready');
  }

  const sup = await openConsole(browser, baseURL);
  await signIn(sup, '6666', '1234');
  await expect(sup.getByTestId('sv-who')).toHaveText('Signed in as 6666 · API user');
  const row = sup.getByTestId('sv-agent-1000');
  await expect(row).toHaveAttribute('data-state', 'ready');
  await expect(row).toContainText('Ana Souza');
  await expect(sup.getByTestId('sv-agent-1001')).toHaveAttribute('data-state', 'ready');

  // The form comes from the function's own declaration, described in the chosen language.
  await sup.getByTestId('sv-function').selectOption('external_pause');
  await expect(sup.getByTestId('sv-summary')).toContainText('Pauses or resumes the agent');
  await expect(sup.getByTestId('sv-param-value').locator('option')).toHaveText(['— not sent —', 'PAUSE', 'RESUME']);

  // One function to two agents: a reply for each, and both screens pause.
  await sup.getByRole('checkbox', { name: 'Select 1000' }).check();
  await sup.getByRole('checkbox', { name: 'Select 1001' }).check();
  await expect(sup.getByTestId('sv-send')).toHaveText('Send to 2 agents');
  await send(sup, 'external_pause', { value: 'PAUSE' });
  for (const user of ['1000', '1001']) {
    await expect(reply(sup, user)).toHaveAttribute('data-outcome', 'SUCCESS');
    await expect(reply(sup, user).getByTestId('sv-reply-body')).toHaveText(new RegExp(`^SUCCESS: external_pause function set - PAUSE\\|\\d{10}\\|${user}\\n$`));
    await expect(reply(sup, user).getByTestId('sv-curl')).toHaveText(new RegExp(`^curl -sS -X POST 'http://127\\.0\\.0\\.1:\\d+/agc/api\\.php' --data 'source=supervisor&user=6666&pass=\\*{8}&function=external_pause&agent_user=${user}&value=PAUSE'$`));
  }
  await expect(statePill(agent)).toHaveAttribute('data-state', 'paused');
  await expect(statePill(second)).toHaveAttribute('data-state', 'paused');
  await expect(row).toHaveAttribute('data-state', 'paused');
  await expect(row.getByTestId('sv-state')).toContainText('Paused');

  // A notification with confetti, to agent 1000 only.
  await sup.getByRole('checkbox', { name: 'Select 1001' }).uncheck();
  await sup.getByTestId('sv-function').selectOption('send_notification');
  await sup.getByTestId('sv-param-recipient_type').selectOption('USER');
  await expect(sup.getByTestId('sv-param-recipient')).toHaveValue('From the selection: 1000');
  await send(sup, 'send_notification', { notification_text: 'Great call, Ana!', show_confetti: 'Y', duration: '3' });
  await expect(reply(sup, '1000')).toHaveAttribute('data-outcome', 'SUCCESS');
  await expect(reply(sup, '1000').getByTestId('sv-reply-body')).toContainText('SUCCESS: notification queued - 1000|USER|');
  await expect(agent.getByTestId('agent-alert-text')).toHaveText('Great call, Ana!');
  await expect.poll(() => agent.evaluate(() => window.__confettiCalls?.length ?? 0)).toBeGreaterThan(0);
  await expect(second.getByTestId('agent-alert')).toHaveCount(0);
  await agent.getByTestId('agent-alert').getByRole('button', { name: 'OK' }).click();

  // On a call, a lead field changed from the console changes on the agent's screen.
  await send(sup, 'external_pause', { value: 'RESUME' });
  await expect(statePill(agent)).toHaveAttribute('data-state', /^(ready|closer)$/);
  await sim.inbound({ ingroup: 'TEST_IN', lead_id: 1 });
  await expect(statePill(agent)).toHaveAttribute('data-state', 'incall');
  await expect(row.getByTestId('sv-lead')).toContainText('Alice Anders');
  await expect(row.getByTestId('sv-call')).toContainText('312-555-1001');
  await send(sup, 'update_fields', { comments: 'VIP customer, call after 6 pm' });
  await expect(reply(sup, '1000').getByTestId('sv-reply-body')).toContainText("SUCCESS: update_fields lead updated - 6666|1000|1|1|");
  await expect(agent.getByTestId('lead-comments')).toHaveText('VIP customer, call after 6 pm');

  await expect(sup.getByTestId('sv-history').locator('li')).toHaveCount(4);
  await sup.getByTestId('sv-history').locator('li').last().getByRole('button').click();
  await expect(sup.getByTestId('sv-replies')).toHaveAttribute('data-function', 'external_pause');
  await expect(sup.getByTestId('sv-reply')).toHaveCount(2);
  await sup.getByTestId('sv-history').locator('li').first().getByRole('button').click();
  await sup.getByTestId('sv-function').selectOption('update_fields');
  await sup.getByTestId('sv-param-agent_user').scrollIntoViewIfNeeded();
  await sup.screenshot({ path: shot('supervisor-console.png'), fullPage: true, animations: 'disabled' });
  await sup.emulateMedia({ colorScheme: 'dark' });
  await sup.screenshot({ path: shot('supervisor-console-dark.png'), fullPage: true, animations: 'disabled' });
  await sup.emulateMedia({ colorScheme: 'light' });

  // The password is in no URL and no storage of the console.
  expect(sup.url()).not.toContain('1234');
  const stored = await sup.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('1234');
  await sup.context().close();
});

test('users the API refuses are refused in its words; a function the user may not use answers its error', async ({ browser, baseURL }) => {
  const sup = await openConsole(browser, baseURL);
  // 1001 is an agent without vdc_agent_api_access.
  await signIn(sup, '1001', '1234');
  await expect(sup.getByTestId('sv-refusal')).toHaveText('ERROR: Invalid Username/Password: |1001||1|0|GOOD|');
  await expect(sup.getByTestId('sv-signin-error')).toContainText('may not use the Agent API');
  await signIn(sup, '6666', 'wrong');
  await expect(sup.getByTestId('sv-refusal')).toHaveText('ERROR: Invalid Username/Password: |6666||0|1|BAD|');
  await sup.screenshot({ path: shot('supervisor-refused.png'), animations: 'disabled' });

  // 6668 may use external_pause and external_status only.
  await signIn(sup, '6668', '1234');
  await expect(sup.getByTestId('sv-console')).toBeVisible();
  await send(sup, 'update_fields', { agent_user: '1002', comments: 'x' });
  const refused = sup.getByTestId('sv-reply');
  await expect(refused).toHaveAttribute('data-outcome', 'ERROR');
  await expect(refused.getByTestId('sv-reply-body')).toHaveText('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - |6668|update_fields|ADMIN\n');

  // The console speaks Portuguese too, descriptions included.
  await sup.getByTestId('language').selectOption('pt-BR');
  await sup.getByTestId('sv-function').selectOption('external_pause');
  await expect(sup.getByTestId('sv-summary')).toHaveText(/^Pausa ou retoma o agente/);
  await expect(sup.getByRole('heading', { name: 'Agentes conectados' })).toBeVisible();
  await sup.context().close();
});
