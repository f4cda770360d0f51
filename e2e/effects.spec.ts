// What the agent sees when an integrator calls send_notification, refresh_panel,
// set_timer_action and webphone_url: the Agent Alert and its confetti, panels that reload,
// timers that fire at their second, the script, the web form and the webphone.
import type { Browser, Page } from '@playwright/test';
import { enableTestHooks, expect, loginAgent, statePill, test, type ApiParams } from './fixtures.js';
import { shot } from './shots.js';

const AGENT = { user: '1000', pass: '1234', campaign: 'TESTCAMP' };

/** The options objects the screen gave canvas-confetti (src/effects/confetti.ts). */
type ConfettiCall = { particleCount?: number; gravity?: number };
const confettiCalls = (page: Page) => page.evaluate(() => (window as { __confettiCalls?: ConfettiCall[] }).__confettiCalls ?? []);

const notify = (params: ApiParams): ApiParams => ({ function: 'send_notification', recipient: '1000', recipient_type: 'USER', ...params });

/** Logs an agent in through /agent/login and opens the screen with that session, in a new context. */
async function agentInNewContext(browser: Browser, baseURL: string, user: string, campaign: string): Promise<Page> {
  const reply = await fetch(`${baseURL}/agent/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, pass: '1234', campaign }),
  });
  expect(reply.status).toBe(200);
  const { token } = (await reply.json()) as { token: string };
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await enableTestHooks(context);
  await context.addInitScript((session) => sessionStorage.setItem('agent.session', session), JSON.stringify({ token, user }));
  const page = await context.newPage();
  await page.goto('/');
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  return page;
}

/** Agent 1000 on an inbound call with lead 1 (Alice Anders). */
async function onCall(page: Page, sim: { inbound: (c: { ingroup: string; lead_id?: number }) => Promise<{ callerid: string }> }) {
  await loginAgent(page, AGENT);
  await page.getByRole('button', { name: 'Go ready' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'ready');
  const call = await sim.inbound({ ingroup: 'TEST_IN', lead_id: 1 });
  await expect(statePill(page)).toHaveAttribute('data-state', 'incall');
  return call;
}

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a USER notification shows the styled Agent Alert with confetti, one at a time, kept in the history', async ({ page, api, sim }) => {
  await onCall(page, sim);
  const reply = await api(notify({
    notification_text: 'Congratulations on your 10th sale today!', text_size: 18, text_font: 'Georgia', text_weight: 'bold,italic,underline',
    text_color: '9900FF', show_confetti: 'Y', duration: 3, maxParticleCount: 600, particleSpeed: 80,
  }));
  expect(reply).toMatch(/^SUCCESS: notification queued - 1000\|USER\|\d+\n$/);
  await api(notify({ notification_text: 'Team meeting at 3 pm', text_size: 12, text_weight: 'normal', text_color: 'red' }));

  const alert = page.getByRole('alertdialog', { name: 'Agent Alert' });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveCount(1);
  const text = page.getByTestId('agent-alert-text');
  await expect(text).toHaveText('Congratulations on your 10th sale today!');
  await expect(alert.getByRole('img', { name: 'Good news' })).toBeVisible();
  await expect(page.getByTestId('agent-alert-more')).toHaveText('1 more alert waiting');
  const style = await text.evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: s.fontSize, weight: s.fontWeight, fontStyle: s.fontStyle, decoration: s.textDecorationLine, color: s.color, family: s.fontFamily };
  });
  expect(style).toEqual({ size: '24px', weight: '700', fontStyle: 'italic', decoration: 'underline', color: 'rgb(153, 0, 255)', family: 'Georgia, sans-serif' });

  // Confetti from the request: 3 s of bursts (one per 250 ms), 600 particles in all, speed 80.
  await expect.poll(async () => (await confettiCalls(page)).length).toBeGreaterThan(2);
  await page.screenshot({ path: shot('notification-confetti.png') });
  const canvas = page.locator('canvas');
  await expect(canvas).toHaveCSS('pointer-events', 'none');
  // The confetti never blocks a click, and the alert hides neither the customer nor the controls.
  await page.getByRole('tab', { name: 'Script 2' }).click();
  await expect(page.getByRole('tab', { name: 'Script 2' })).toHaveAttribute('aria-selected', 'true');
  const alertBox = await box(page, 'agent-alert');
  expect(overlaps(alertBox, await box(page, 'lead-panel'))).toBe(false);
  expect(overlaps(alertBox, await box(page, 'call-controls'))).toBe(false);
  await expect.poll(async () => (await confettiCalls(page)).length, { timeout: 5_000 }).toBe(12);
  const calls = await confettiCalls(page);
  expect(calls.reduce((n, c) => n + (c.particleCount ?? 0), 0)).toBe(600);
  expect(new Set(calls.map((c) => c.gravity))).toEqual(new Set([3.07]));
  // It stops with its duration (3 s, and the last particles cleared within about a second).
  await expect(canvas).toHaveCount(0, { timeout: 4_000 });

  // 1280 px at 125 % zoom: the alert still leaves the customer and the controls free.
  await page.setViewportSize({ width: 1024, height: 700 });
  const narrow = await box(page, 'agent-alert');
  expect(overlaps(narrow, await box(page, 'lead-panel'))).toBe(false);
  expect(overlaps(narrow, await box(page, 'call-controls'))).toBe(false);
  await page.screenshot({ path: shot('notification-1280-at-125.png'), animations: 'disabled' });
  await page.setViewportSize({ width: 1440, height: 900 });

  await alert.getByRole('button', { name: 'OK' }).click();
  await expect(text).toHaveText('Team meeting at 3 pm');
  await expect(text).toHaveCSS('font-size', '16px');
  await expect(text).toHaveCSS('color', 'rgb(255, 0, 0)');
  await expect(text).toHaveCSS('font-weight', '400');
  await expect(alert.getByRole('img', { name: 'Information' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(alert).toBeHidden();
  expect(await confettiCalls(page)).toHaveLength(12);

  await page.getByRole('tab', { name: /Alerts/ }).click();
  await expect(page.getByTestId('alert-history').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('alert-history').locator('li').first()).toContainText('Team meeting at 3 pm');
});

test('no confetti for an agent who prefers reduced motion; the alert still shows', async ({ page, api }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await loginAgent(page, AGENT);
  await api(notify({ notification_text: 'Well done, everyone!', show_confetti: 'Y', duration: 2 }));
  await expect(page.getByTestId('agent-alert-text')).toHaveText('Well done, everyone!');
  await page.waitForTimeout(1_000);
  expect(await confettiCalls(page)).toHaveLength(0);
  await expect(page.locator('canvas')).toHaveCount(0);
});

test('a CAMPAIGN notification reaches every agent of that campaign and no other', async ({ page, api, browser, baseURL }) => {
  await loginAgent(page, AGENT);
  const other = await agentInNewContext(browser, baseURL!, '1004', 'MANCAMP');
  expect(await api({ function: 'send_notification', recipient: 'TESTCAMP', recipient_type: 'CAMPAIGN', notification_text: 'TESTCAMP: new offer from today' }))
    .toMatch(/^SUCCESS: notification queued - TESTCAMP\|CAMPAIGN\|\d+/);
  await expect(page.getByTestId('agent-alert-text')).toHaveText('TESTCAMP: new offer from today');
  // Notifications are delivered in order: once MANCAMP's arrives, TESTCAMP's has passed agent 1004 by.
  await api({ function: 'send_notification', recipient: 'MANCAMP', recipient_type: 'CAMPAIGN', notification_text: 'MANCAMP only' });
  await expect(other.getByTestId('agent-alert-text')).toHaveText('MANCAMP only');
  await other.getByRole('button', { name: 'OK' }).click();
  await other.getByRole('tab', { name: /Alerts/ }).click();
  await expect(other.getByTestId('alert-history').locator('li')).toHaveText(['MANCAMP only'].map((t) => new RegExp(t)));
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('agent-alert')).toBeHidden();
  await page.getByRole('tab', { name: /Alerts/ }).click();
  await expect(page.getByTestId('alert-history').locator('li')).toHaveCount(1);
  await other.context().close();
});

test('the script shows the lead; refresh_panel reloads only the named panels; callbacksreload opens Callbacks', async ({ page, api, sim }) => {
  await onCall(page, sim);
  const script = page.getByTestId('script-text');
  await expect(script).toContainText('Hello, may I speak with Alice Anders?');
  await expect(script).toContainText('My name is Ana Souza');
  await expect(script).toContainText('We have your address as 1 Main Street, Chicago, IL 60601.');
  await expect(script).not.toContainText('--A--');
  await page.screenshot({ path: shot('panels-script.png') });

  const reloads = async () => Object.fromEntries(await Promise.all(['script', 'script2', 'webform', 'email', 'chat', 'callbacks'].map(
    async (p) => [p, Number(await page.getByTestId(`tabpanel-${p}`).getAttribute('data-reloads'))] as const)));
  expect(await reloads()).toEqual({ script: 0, script2: 0, webform: 0, email: 0, chat: 0, callbacks: 0 });

  expect(await api({ function: 'refresh_panel', agent_user: '1000', scriptreload: 'Y', chatreload: 'Y' }))
    .toBe('SUCCESS: refresh_panel request sent - 6666|1000|1|scriptreload,chatreload|\n');
  await expect(page.getByTestId('tabpanel-script')).toHaveAttribute('data-reloads', '1');
  expect(await reloads()).toEqual({ script: 1, script2: 0, webform: 0, email: 0, chat: 1, callbacks: 0 });
  await expect(page.getByTestId('reloaded-script')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Script', exact: true })).toHaveAttribute('aria-selected', 'true');

  await api({ function: 'refresh_panel', agent_user: '1000', formreload: 'Y', callbacksreload: 'Y', script2reload: 'Y', emailreload: 'Y' });
  await expect(page.getByTestId('tabpanel-callbacks')).toHaveAttribute('data-reloads', '1');
  expect(await reloads()).toEqual({ script: 1, script2: 1, webform: 1, email: 1, chat: 1, callbacks: 1 });
  await expect(page.getByRole('tab', { name: 'Callbacks' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('callbacks-empty')).toHaveText('No scheduled callbacks.');
});

test('the web form carries the lead in its address, in a frame and in its own window', async ({ page, sim }) => {
  await onCall(page, sim);
  await page.getByRole('tab', { name: 'Web form' }).click();
  const frame = page.getByTestId('webform-frame');
  await expect(frame).toHaveAttribute('src', '/webform-demo.html?lead=1&name=Alice');
  await expect(page.frameLocator('[data-testid="webform-frame"]').getByTestId('webform-name')).toHaveText('Alice');
  await expect(page.frameLocator('[data-testid="webform-frame"]').getByTestId('webform-lead')).toHaveText('1');
  await page.screenshot({ path: shot('panels-webform.png') });
  const popup = page.waitForEvent('popup');
  await page.getByTestId('webform-open').click();
  expect(new URL((await popup).url()).pathname + new URL((await popup).url()).search).toBe('/webform-demo.html?lead=1&name=Alice');
});

test('set_timer_action MESSAGE_ONLY appears at its second of the call and not before; not at all once the call ended', async ({ page, api, sim }) => {
  await onCall(page, sim);
  const connected = Date.now();
  expect(await api({ function: 'set_timer_action', agent_user: '1000', value: 'MESSAGE_ONLY', notes: 'Offer the upgrade now', rank: 6 }))
    .toBe('SUCCESS: set_timer_action lead updated - 6666|1000|MESSAGE_ONLY|Offer the upgrade now|6\n');
  const timerBox = page.getByTestId('timer-notification');
  // The call began at most ~2 s before we saw it (second-precision start, one poll): not before 4 s from then.
  await page.waitForTimeout(Math.max(0, connected + 3_500 - Date.now()));
  await expect(timerBox).toHaveCount(0);
  await expect(timerBox).toBeVisible({ timeout: 6_000 });
  await expect(page.getByTestId('call-timer')).toHaveText(/^0:0[6-7]$/);
  await expect(page.getByTestId('timer-message')).toHaveText('Offer the upgrade now');
  await expect(timerBox).toContainText('6 seconds into the call');
  await page.screenshot({ path: shot('timer-notification.png'), animations: 'disabled' });
  await timerBox.getByRole('button', { name: 'Close message' }).click();
  await expect(timerBox).toHaveCount(0);

  await api({ function: 'set_timer_action', agent_user: '1000', value: 'MESSAGE_ONLY', notes: 'Too late', rank: 11 });
  await page.waitForTimeout(1_500);
  await page.getByRole('button', { name: 'Hang up' }).click();
  await expect(statePill(page)).toHaveAttribute('data-state', 'dispo');
  await page.waitForTimeout(4_000);
  await expect(timerBox).toHaveCount(0);
});

test('set_timer_action WEBFORM opens the web form with the lead in its address', async ({ page, api, sim }) => {
  await onCall(page, sim);
  const popup = page.waitForEvent('popup');
  expect(await api({ function: 'set_timer_action', agent_user: '1000', value: 'WEBFORM', rank: 1 })).toBe('SUCCESS: set_timer_action lead updated - 6666|1000|WEBFORM||1\n');
  const url = new URL((await popup).url());
  expect(url.pathname + url.search).toBe('/webform-demo.html?lead=1&name=Alice');
  await expect(page.getByRole('tab', { name: 'Web form' })).toHaveAttribute('aria-selected', 'true');
});

test('webphone_url: the embedded webphone has the URL DISPLAY answers; LAUNCH redirects to it', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  const url = await api({ function: 'webphone_url', agent_user: '1000', value: 'DISPLAY' });
  expect(url).toMatch(/^\/webphone\/index\.html\?phone_login=[^&]+&phone_login=[^&]+&phone_pass=/);
  const q = new URL(url, 'http://x').searchParams;
  expect(Buffer.from(q.get('phone_login')!, 'base64').toString()).toBe('cc100');
  expect(Buffer.from(q.get('phone_pass')!, 'base64').toString()).toBe('1234');
  expect(Buffer.from(q.get('server_ip')!, 'base64').toString()).toBe('10.10.10.15');
  expect(Buffer.from(q.get('options')!, 'base64').toString()).toMatch(/^INITIAL_LOAD--DIALPAD_Y--AUTOANSWER_Y--.*--SESSION\d{7}$/);
  expect(await api({ function: 'webphone_url', agent_user: '1000', value: 'LAUNCH' })).toBe(
    `<META HTTP-EQUIV=Refresh CONTENT="0; URL=${url}">\n</HEAD>\n<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n`
    + `<a href="${url}">click here to continue. . .</a>\n</BODY>\n`);

  const frame = page.getByTestId('webphone-frame');
  await expect(frame).toHaveAttribute('src', url);
  await expect(frame).toHaveAttribute('allow', 'microphone *; speakers *;');
  const phone = page.frameLocator('[data-testid="webphone-frame"]');
  await expect(phone.getByRole('heading', { name: 'Simulated webphone' })).toBeVisible();
  await expect(phone.getByTestId('webphone-login')).toHaveText('cc100');
  const session = Buffer.from(q.get('options')!, 'base64').toString().replace(/^.*SESSION/, '');
  await expect(phone.getByTestId('webphone-session')).toHaveText(session);
  await page.getByRole('button', { name: 'Hide webphone' }).click();
  await expect(frame).toBeHidden();
  await page.getByRole('button', { name: 'Show webphone' }).click();
  await expect(frame).toBeVisible();
});
