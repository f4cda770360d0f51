// Cross-cluster (CCC) force_fronter_* calls between two instances of this server: cluster A
// (injected requests) reaches cluster B, a second Fastify app listening on 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';
import { cccSettings, cccUrl } from './ccc.js';

const CALL = { status: 'INCALL' as const, lead_id: 1, callerid: 'V1126120000000000001', uniqueid: '1795670000.101', channel: 'SIP/trunk-00000001' };

describe('cccUrl', () => {
  it('turns the container\'s ccc_lead_info URL into the remote agent API call', () => {
    expect(cccUrl(' https://b.example.com/vicidial/non_agent_api.php?source=ccc&user=6666&pass=1234&function=ccc_lead_info\n', 'force_fronter_leave_3way', 4))
      .toBe('https://b.example.com/agc/api.php?source=ccc&user=6666&pass=1234&function=force_fronter_leave_3way&value=CCC_REMOTE&lead_id=4&agent_user=CCC_REMOTE');
    expect(cccUrl('http://b/admin/non_agent_api.php?function=ccc_lead_info&user=u', 'force_fronter_audio_stop', 9))
      .toBe('http://b/agc/api.php?function=force_fronter_audio_stop&value=CCC_REMOTE&lead_id=9&agent_user=CCC_REMOTE&user=u');
  });
});

describe.each(testDialects())('force_fronter_* over CCC on %s', (dialect) => {
  let a: TestBed;
  let b: TestBed;
  let port: number;
  beforeAll(async () => {
    a = await createTestBed(dialect);
    b = await createTestBed(dialect);
    await b.app.listen({ host: '127.0.0.1', port: 0 });
    port = (b.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => { await a.close(); await b.close(); await closeTestDatabases(); });

  const remoteUrl = (p = port) => `http://127.0.0.1:${p}/vicidial/non_agent_api.php?source=ccc&user=6666&pass=1234&function=ccc_lead_info`;
  const link = (entry: string) => a.database.db.insertInto('vicidial_settings_containers').values({ container_id: 'CCC_B', container_entry: entry }).execute();
  const urlLog = () => a.database.db.selectFrom('vicidial_url_log').selectAll().execute();
  const api = (fn: string, value = 'LOCAL_AND_CCC') => a.api({ function: fn, agent_user: '1000', value });

  beforeEach(async () => {
    await a.reset();
    await b.reset();
    // A: agent 1000 closes lead 1, fronted on cluster B, where the lead is 4 and 1001 fronts it.
    await a.database.db.updateTable('vicidial_live_agents').set(CALL).where('user', '=', '1000').execute();
    await a.database.db.insertInto('vicidial_ccc_log').values({ lead_id: 1, remote_lead_id: 4, container_id: 'CCC_B', call_date: '2026-11-26 06:00:00' }).execute();
    await b.database.db.insertInto('vicidial_live_agents').values({
      user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', status: 'INCALL', lead_id: 4, campaign_id: 'MANCAMP',
    }).execute();
    cccSettings.timeoutMs = 5000;
  });

  it('leave_3way: sends the command to the other cluster and logs the call', async () => {
    await link(remoteUrl());
    expect((await api('force_fronter_leave_3way')).body).toBe('SUCCESS: force_fronter_leave_3way command sent over CCC - CCC_B\n');
    const fronter = await b.database.db.selectFrom('vicidial_live_agents').select('external_transferconf').where('user', '=', '1001').executeTakeFirstOrThrow();
    expect(fronter.external_transferconf).toMatch(/^LEAVE_3WAY_CALL---------NO------------\d{10}$/);
    expect(await b.database.db.selectFrom('vicidial_api_log').selectAll().execute())
      .toMatchObject([{ user: '6666', agent_user: 'CCC_REMOTE', value: 'CCC_REMOTE', source: 'ccc', result: 'SUCCESS' }]);
    const [row] = await urlLog();
    expect(row).toMatchObject({
      uniqueid: '', url_type: 'start', response_sec: 0, url_response: 'SUCCESS: force_fronter_leave_3way SENT - 1001',
      url: `http://127.0.0.1:${port}/agc/api.php?source=ccc&user=6666&pass=XXXXXXXX&function=force_fronter_leave_3way&value=CCC_REMOTE&lead_id=4&agent_user=CCC_REMOTE`,
    });
    expect(row.url_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await a.database.db.selectFrom('vicidial_api_log').selectAll().execute()))
      .toMatchObject([{ function: 'force_fronter_leave_', result: 'SUCCESS', result_reason: 'force_fronter_leave_3way command sent over CCC', data: '' }]);
  });

  it('audio_stop: the other cluster hangs up the fronter\'s playback', async () => {
    await link(remoteUrl());
    await b.database.db.insertInto('live_channels').values({ channel: 'IAX2/ASTplay-22222', server_ip: '10.10.10.15', extension: '8600052' }).execute();
    expect((await api('force_fronter_audio_stop')).body).toBe('SUCCESS: force_fronter_audio_stop command sent over CCC - CCC_B\n');
    expect(await b.database.db.selectFrom('vicidial_manager').selectAll().execute())
      .toMatchObject([{ action: 'Hangup', cmd_line_b: 'Channel: IAX2/ASTplay-22222', server_ip: '10.10.10.15' }]);
    expect((await urlLog())[0].url_response).toBe('SUCCESS: force_fronter_audio_stop function sent - CCC_REMOTE||CCC_REMOTE|1001\n');
  });

  it('counts any answer of the other cluster as sent, as the real server does', async () => {
    await link(remoteUrl());
    await b.database.db.deleteFrom('vicidial_live_agents').where('user', '=', '1001').execute();
    expect((await api('force_fronter_leave_3way')).body).toBe('SUCCESS: force_fronter_leave_3way command sent over CCC - CCC_B\n');
    expect((await urlLog())[0].url_response).toBe('ERROR: no fronter found - CCC_REMOTE\n');
  });

  it('LOCAL_ONLY and a local fronter never call the other cluster', async () => {
    await link(remoteUrl());
    expect((await api('force_fronter_leave_3way', 'LOCAL_ONLY')).body).toBe('ERROR: no fronter found - 1000\n');
    await a.database.db.insertInto('vicidial_live_agents').values({ user: '1002', server_ip: '10.10.10.15', conf_exten: '8600053', lead_id: 1 }).execute();
    expect((await api('force_fronter_leave_3way')).body).toBe('SUCCESS: force_fronter_leave_3way SENT - 1002');
    expect(await urlLog()).toHaveLength(0);
  });

  it('answers no fronter found when the other cluster cannot be reached, and logs why', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await link(remoteUrl(deadPort));
    expect((await api('force_fronter_audio_stop')).body).toBe('ERROR: no fronter found - 1000\n');
    expect((await urlLog())[0]).toMatchObject({ url_type: 'start', url_response: expect.stringMatching(/^ERROR: /) });
  });

  it('treats an HTTP error, a timeout and a non-http container as not sent', async () => {
    await link(`http://127.0.0.1:${port}/agc/nowhere.php?x=ccc_lead_info`);
    expect((await api('force_fronter_leave_3way')).body).toBe('ERROR: no fronter found - 1000\n');
    expect((await urlLog())[0].url_response).toBe('ERROR: HTTP 404 Not Found');

    const silent = http.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    await a.database.db.updateTable('vicidial_settings_containers').set({ container_entry: remoteUrl((silent.address() as AddressInfo).port) }).execute();
    cccSettings.timeoutMs = 300;
    expect((await api('force_fronter_leave_3way')).body).toBe('ERROR: no fronter found - 1000\n');
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));
    expect((await urlLog())[1].url_response).toBe('ERROR: no answer within 300 ms');

    await a.database.db.updateTable('vicidial_settings_containers').set({ container_entry: '/etc/passwd?ccc_lead_info' }).execute();
    expect((await api('force_fronter_audio_stop')).body).toBe('ERROR: no fronter found - 1000\n');
    expect((await urlLog())[2].url_response).toBe('ERROR: not an http(s) URL');
  });
});
