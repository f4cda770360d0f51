import { describe, expect, it } from 'vitest';
import { apiLogRows, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

const URL = 'https://webphone.example.com/webphone.php?phone_login=cc100&session=8600051';
const LAUNCH = `<META HTTP-EQUIV=Refresh CONTENT="0; URL=${URL}">\n</HEAD>\n`
  + '<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n'
  + `<a href="${URL}">click here to continue. . .</a>\n</BODY>\n`;

describe.each(testDialects())('webphone_url on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const wp = (params: Record<string, string>) => bed.api({ function: 'webphone_url', ...params });
  const logs = () => apiLogRows(bed);
  /** Agent 1001 logged in to MANCAMP with an empty webphone_url and agent_login_call (README variation). */
  const agent1001 = async () => {
    await bed.database.db.insertInto('vicidial_live_agents').values({ user: '1001', server_ip: '10.10.10.15', conf_exten: '8600052', extension: 'SIP/cc101', campaign_id: 'MANCAMP' }).execute();
    await bed.database.db.insertInto('vicidial_session_data').values({ user: '1001', campaign_id: 'MANCAMP', server_ip: '10.10.10.15', conf_exten: '8600052', webphone_url: '', agent_login_call: '' }).execute();
  };

  it('DISPLAY answers the bare URL without a newline, logged as NOTICE (oracle wp.01)', async () => {
    const res = await wp({ agent_user: '1000', value: 'DISPLAY' });
    expect(res.status).toBe(200);
    expect(res.body).toBe(URL);
    expect(await logs()).toMatchObject([{ function: 'webphone_url', agent_user: '1000', value: 'DISPLAY', result: 'NOTICE', result_reason: 'webphone_url active and displayed', data: '' }]);
  });

  it('LAUNCH answers the redirect fragment, logged as NOTICE (wp.02)', async () => {
    expect((await wp({ agent_user: '1000', value: 'LAUNCH' })).body).toBe(LAUNCH);
    expect(await logs()).toMatchObject([{ value: 'LAUNCH', result: 'NOTICE', result_reason: 'webphone_url active and launched', data: '' }]);
  });

  it('reports an empty URL (oracle wp.03) and a URL of 5 characters or fewer', async () => {
    await agent1001();
    expect((await wp({ agent_user: '1001', value: 'DISPLAY' })).body).toBe('ERROR: webphone_url error - webphone url is empty - 1001\n');
    await bed.database.db.updateTable('vicidial_session_data').set({ webphone_url: 'http:' }).where('user', '=', '1001').execute();
    expect((await wp({ agent_user: '1001', value: 'LAUNCH' })).body).toBe('ERROR: webphone_url error - webphone url is empty - 1001\n');
    await bed.database.db.updateTable('vicidial_session_data').set({ webphone_url: 'http:/' }).where('user', '=', '1001').execute();
    expect((await wp({ agent_user: '1001', value: 'DISPLAY' })).body).toBe('http:/');
    expect((await logs())[0]).toMatchObject({ agent_user: '1001', result: 'ERROR', result_reason: 'webphone_url error - webphone url is empty', data: '' });
  });

  it('reports a logged-in agent without a session row (wp.04)', async () => {
    await bed.database.db.deleteFrom('vicidial_session_data').execute();
    expect((await wp({ agent_user: '1000', value: 'DISPLAY' })).body).toBe('ERROR: webphone_url error - no session data - 1000\n');
  });

  it('answers not valid for another, lower-case or missing value, or no agent (oracle wp.05, wp.06)', async () => {
    expect((await wp({ agent_user: '1000', value: 'SHOW' })).body).toBe('ERROR: webphone_url not valid - SHOW|1000\n');
    expect((await wp({ agent_user: '1000', value: 'display' })).body).toBe('ERROR: webphone_url not valid - display|1000\n');
    expect((await wp({ agent_user: '1000' })).body).toBe('ERROR: webphone_url not valid - |1000\n');
    expect((await wp({ value: 'DISPLAY', alt_user: 'C' })).body).toBe('ERROR: webphone_url not valid - DISPLAY|\n');
    expect((await logs())[0]).toMatchObject({ value: 'SHOW', result: 'ERROR', result_reason: 'webphone_url not valid', data: '' });
  });

  it('answers not logged in for an agent without a session (oracle wp.07)', async () => {
    expect((await wp({ agent_user: '1002', value: 'DISPLAY' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    expect((await wp({ agent_user: "1000' OR 'x'='x", value: 'DISPLAY' })).body).toBe('ERROR: agent_user is not logged in - 1000ORxx\n');
  });

  it('resolves alt_user, and goes on after an unknown one', async () => {
    expect((await wp({ alt_user: 'CRM1000', value: 'DISPLAY' })).body).toBe(URL);
    expect((await wp({ alt_user: 'NOPE', value: 'DISPLAY' })).body)
      .toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
  });

  it('checks the function permission after validity', async () => {
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await wp({ user: '6670', agent_user: '1000', value: 'DISPLAY', close_window_link: '1' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - DISPLAY|6670|webphone_url|LIMITED\n');
    expect((await wp({ user: '6670', agent_user: '1000', value: 'SHOW' })).body).toBe('ERROR: webphone_url not valid - SHOW|1000\n');
  });

  it('filters hostile values before checking them, and prints the stored URL as it is', async () => {
    expect((await wp({ agent_user: '1000', value: "DIS'PLAY;--" })).body).toBe('ERROR: webphone_url not valid - DISPLAY--|1000\n');
    expect((await wp({ agent_user: '1000', value: "DIS'PLAY" })).body).toBe(URL);
    const odd = 'https://wp.example.com/?a="b"&c=<i>x</i>';
    await bed.database.db.updateTable('vicidial_session_data').set({ webphone_url: odd }).where('user', '=', '1000').execute();
    expect((await wp({ agent_user: '1000', value: 'DISPLAY' })).body).toBe(odd);
  });
});
