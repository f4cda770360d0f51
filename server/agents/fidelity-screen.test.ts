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

  it.each(VIAS)('switch_lead (%s): the call, its closer log and the agent log move to the new lead; the old lead is released; the disposition closes the log on the new lead', async (via) => {
    const { token, callerid } = await t.onCall('1000', 1);
    expect(callerid).toMatch(/^Y/);
    const lead = async (id: number) => t.db.selectFrom('vicidial_list').select(['status', 'user']).where('lead_id', '=', id).executeTakeFirstOrThrow();
    const closerLog = () => t.db.selectFrom('vicidial_closer_log').select(['lead_id', 'status', 'user', 'end_epoch']).execute();
    expect(await lead(1)).toEqual({ status: 'INCALL', user: '1000' });
    if (via === 'api') {
      expect(await t.api({ agent_user: '1000', function: 'switch_lead', lead_id: '2' }))
        .toBe('SUCCESS: switch_lead function set - 1000|2|VLC1002|TESTCAMP|1|\n');
    } else {
      await t.command(via, '1000', {}, { external_lead_id: 2 });
    }
    await t.tick();
    expect(await t.row()).toMatchObject({ status: 'INCALL', lead_id: 2, callerid, external_lead_id: 0 });
    expect(await t.db.selectFrom('vicidial_auto_calls').select('lead_id').where('callerid', '=', callerid).executeTakeFirst()).toEqual({ lead_id: 2 });
    expect(await closerLog()).toEqual([{ lead_id: 2, status: 'INCALL', user: '1000', end_epoch: null }]);
    const current = (await agentLog()).at(-1)!;
    expect(current).toMatchObject({ status: 'INCALL', lead_id: 2 });
    expect(await lead(1)).toMatchObject({ status: 'LSMERG' });
    expect(await lead(2)).toEqual({ status: 'INCALL', user: '1000' });
    expect((await t.snapshot(token)).lead?.lead_id).toBe(2);
    await t.settled();

    await t.act(token, { action: 'hangup' });
    expect(await t.api({ agent_user: '1000', function: 'external_status', value: 'SALE' })).toMatch(/^SUCCESS/);
    await t.tick();
    const [log] = await closerLog();
    expect(log).toMatchObject({ lead_id: 2, status: 'SALE', user: '1000' });
    expect(Number(log.end_epoch)).toBeGreaterThan(0);
    expect(await lead(2)).toEqual({ status: 'SALE', user: '1000' });
    expect(await lead(1)).toMatchObject({ status: 'LSMERG' });
    expect(await t.row()).toMatchObject({ lead_id: 0 });
    // Every agent-log row of the call since the switch (talk, hang-up) is on the new lead.
    expect((await agentLog()).filter((r) => r.agent_log_id >= current.agent_log_id && r.lead_id !== null).map((r) => r.lead_id)).toEqual([2, 2]);
    await t.settled();
  });

  const inbound = (user = '1000') => t.db.selectFrom('vicidial_live_inbound_agents')
    .select(['group_id', 'group_weight', 'calls_today', 'group_grade', 'daily_limit']).where('user', '=', user).orderBy('group_id').execute();
  const setIngroups = async (via: 'api' | 'sql', list: string) => {
    if (via === 'api') {
      expect(await t.api({ agent_user: '1000', function: 'change_ingroups', value: 'CHANGE', blended: 'NO', ingroup_choices: list }))
        .toBe(`SUCCESS: change_ingroups function set - 6666|1000|${list}|NO|\n`);
    } else {
      await t.command(via, '1000', {}, { external_ingroups: list, external_blended: '0', external_igb_set_user: 'SQL', manager_ingroup_set: 'SET' });
    }
    await t.tick();
  };

  it.each(VIAS)("change_ingroups SET (%s): every selected group carries the member's weight, calls, grade and limit", async (via) => {
    await t.login('1000', { ingroups: ['TEST_IN'] });
    await setIngroups(via, ' TEST_IN SALESLINE -');
    expect(await t.row()).toMatchObject({ closer_campaigns: ' TEST_IN SALESLINE -', outbound_autodial: 'N', manager_ingroup_set: 'Y' });
    // SALESLINE from vicidial_inbound_group_agents; TEST_IN has no member row: the defaults.
    expect(await inbound()).toEqual([
      { group_id: 'SALESLINE', group_weight: 5, calls_today: 3, group_grade: 2, daily_limit: 50 },
      { group_id: 'TEST_IN', group_weight: 0, calls_today: 0, group_grade: 0, daily_limit: -1 },
    ]);
    expect(await t.db.selectFrom('vicidial_user_closer_log').select(['user', 'campaign_id', 'closer_campaigns', 'blended']).execute())
      .toEqual([{ user: '1000', campaign_id: 'TESTCAMP', closer_campaigns: ' TEST_IN SALESLINE -', blended: '0' }]);
    await t.settled();
  });

  it.each(VIAS)('change_ingroups SET (%s): a list without its leading space leaves its first group unrouted, as api.php syncs it', async (via) => {
    const token = await t.login('1000', { ingroups: ['TEST_IN'] });
    await t.act(token, { action: 'resume' });
    await setIngroups(via, 'SALESLINE TEST_IN -');
    expect(await t.row()).toMatchObject({ closer_campaigns: 'SALESLINE TEST_IN -', status: 'CLOSER' });
    expect((await inbound()).map((r) => r.group_id)).toEqual(['TEST_IN']);
    const { callerid } = await t.inbound('SALESLINE', { lead_id: 2 });
    await t.tick();
    expect(await t.db.selectFrom('vicidial_auto_calls').select(['status', 'agent_grab']).where('callerid', '=', callerid).executeTakeFirst())
      .toEqual({ status: 'LIVE', agent_grab: '' });
    expect(await t.row()).toMatchObject({ status: 'CLOSER', lead_id: 0 });
    await t.settled();
  });
});
