// Push: the agent screen holds a server-sent-event stream; an API command reaches the
// screen through it (the safety poll is 15 s away), and the details drawer says so. With
// the stream blocked, the screen polls every second and says that instead.
import type { Page } from '@playwright/test';
import { expect, loginAgent, statePill, test } from './fixtures.js';

const AGENT = { user: '1000', pass: '1234', campaign: 'TESTCAMP' };

async function openDetails(page: Page) {
  await page.locator('button[aria-controls="details-drawer"]').click();
  return page.getByTestId('detail-updates');
}

test('an API external_pause reaches the screen by push, and the drawer says live', async ({ page, api }) => {
  await loginAgent(page, AGENT);
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused');
  const updates = await openDetails(page);
  await expect(updates).toHaveText('Live (push)');
  let polls = 0;
  page.on('request', (req) => { if (req.url().includes('/agent/snapshot')) polls++; });

  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', /^(ready|closer)$/, { timeout: 3000 });
  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'PAUSE' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', 'paused', { timeout: 3000 });
  // Both arrived without a poll: the one-second poll is off while the stream is live.
  expect(polls).toBe(0);
  await expect(updates).toHaveText('Live (push)');
});

test('with the stream blocked the screen falls back to polling every second, and says so', async ({ page, api }) => {
  let attempts = 0;
  await page.route('**/agent/stream**', (route) => { attempts++; return route.abort(); });
  await loginAgent(page, AGENT);
  const updates = await openDetails(page);
  await expect(updates).toHaveText('Polling every second');
  expect(await api({ function: 'external_pause', agent_user: '1000', value: 'RESUME' })).toMatch(/^SUCCESS/);
  await expect(statePill(page)).toHaveAttribute('data-state', /^(ready|closer)$/, { timeout: 5000 });
  await expect(updates).toHaveText('Polling every second');
  expect(attempts).toBeGreaterThan(0);
});
