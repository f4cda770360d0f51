// Fidelity (what the real agent screen does after SUCCESS, agent-screen.md §3): RESUME in a
// manual-dial campaign, switch_lead, change_ingroups SET. Each test looks at every table the
// real screen writes for the command (agent row, lead, call logs, agent log), on both
// dialects, through the API and by direct SQL.
import { describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { VIAS, useBed } from './effects.harness.js';

describe.each(testDialects())('screen fidelity on %s', (dialect) => {
  const t = useBed(dialect);
  const agentLog = (user = '1000') => t.db.selectFrom('vicidial_agent_log').select(['agent_log_id', 'status', 'lead_id']).where('user', '=', user).orderBy('agent_log_id').execute();

  it.each(VIAS)('RESUME (%s) in a manual-dial campaign is ignored: the agent stays PAUSED and a STANDARD external_dial works', async (via) => {
    await t.db.updateTable('vicidial_campaigns').set({ api_manual_dial: 'STANDARD' }).where('campaign_id', '=', 'MANCAMP').execute();
    const token = await t.login('1000', { campaign: 'MANCAMP', ingroups: [] });
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 0 });
    const logBefore = await agentLog();
    if (via === 'api') {
      // The API writes the command as the real server does; only the screen ignores it.
      expect(await t.api({ agent_user: '1000', function: 'external_pause', value: 'RESUME' }))
        .toMatch(/^SUCCESS: external_pause function set - RESUME\|\d{10}\|1000\n$/);
    } else {
      await t.command(via, '1000', {}, { external_pause: `RESUME!${Math.floor(Date.now() / 1000)}` });
    }
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'PAUSED', lead_id: 0, external_pause: '' });
    expect(await agentLog()).toEqual(logBefore);
    expect((await t.snapshot(token)).agent.state).toBe('paused');
    await t.settled();
    expect(await t.api({ agent_user: '1000', function: 'external_dial', value: '3125550123', search: 'NO', preview: 'NO', focus: 'NO' }))
      .toMatch(/^SUCCESS: external_dial function set - 3125550123\|/);
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL' });
    await t.settled();
  });
});
