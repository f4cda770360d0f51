import { describe, expect, it } from 'vitest';
import { liveAgentRow, useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';

describe.each(testDialects())('send_dtmf on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const agent = () => liveAgentRow(bed);
  const dtmf = (params: Record<string, string>) => bed.api({ function: 'send_dtmf', ...params });
  const expectNoWrite = async () => expect((await agent()).external_dtmf).toBe('');

  it('stores the tone string and answers with it (oracle dtmf.01)', async () => {
    const res = await dtmf({ agent_user: '1000', value: 'QQQQ1234SQQQQQ6654P' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: send_dtmf function set - QQQQ1234SQQQQQ6654P|1000\n');
    const row = await agent();
    expect(row.external_dtmf).toBe('QQQQ1234SQQQQQ6654P');
    expect(row.last_update_time).not.toBe('');
    const log = await bed.database.db.selectFrom('vicidial_api_log').selectAll().executeTakeFirstOrThrow();
    expect(log).toMatchObject({ user: '6666', function: 'send_dtmf', agent_user: '1000', value: 'QQQQ1234SQQQQQ6654P', result: 'SUCCESS', result_reason: 'send_dtmf function set', data: '' });
  });

  it('drops raw * and # (the value filter), so 12*34# is sent as 1234', async () => {
    const res = await bed.api(`source=test&user=6666&pass=1234&agent_user=1000&function=send_dtmf&value=12*34%23`);
    expect(res.body).toBe('SUCCESS: send_dtmf function set - 1234|1000\n');
    expect((await agent()).external_dtmf).toBe('1234');
  });

  it('cuts a value over 100 characters in the column and echoes it whole', async () => {
    const long = '1234567890'.repeat(15);
    expect((await dtmf({ agent_user: '1000', value: long })).body).toBe(`SUCCESS: send_dtmf function set - ${long}|1000\n`);
    expect((await agent()).external_dtmf).toBe(long.slice(0, 100));
  });

  it('keeps only value characters from hostile input', async () => {
    const res = await dtmf({ agent_user: "1000' OR 'x'='x", value: "1'; DROP TABLE vicidial_users; --" });
    expect(res.body).toBe('ERROR: agent_user is not logged in - 1000ORxx\n');
    expect((await dtmf({ agent_user: '1000', value: "1'2\"3;<b>4</b>" })).body).toBe('SUCCESS: send_dtmf function set - 123b4b|1000\n');
    expect((await agent()).external_dtmf).toBe('123b4b');
  });

  it('answers not valid without a value or an agent (oracle dtmf.03)', async () => {
    expect((await dtmf({ agent_user: '1000' })).body).toBe('ERROR: send_dtmf not valid - |1000\n');
    expect((await dtmf({ value: '1' })).body).toBe('ERROR: send_dtmf not valid - 1|\n');
    expect((await dtmf({ value: '1', alt_user: 'C' })).body).toBe('ERROR: send_dtmf not valid - 1|\n');
    expect((await dtmf({ agent_user: '1000', value: '*#' })).body).toBe('ERROR: send_dtmf not valid - |1000\n');
    await expectNoWrite();
  });

  it('resolves alt_user (oracle dtmf.05), and goes on after an unknown one', async () => {
    expect((await dtmf({ value: '1', alt_user: 'CRM1000' })).body).toBe('SUCCESS: send_dtmf function set - 1|1000\n');
    expect((await agent()).external_dtmf).toBe('1');
    expect((await dtmf({ value: '2', alt_user: 'NOPE' })).body).toBe('ERROR: no user found - NOPE\nERROR: agent_user is not logged in - \n');
    expect((await agent()).external_dtmf).toBe('1');
  });

  it('answers not logged in for an agent without a session', async () => {
    expect((await dtmf({ agent_user: '1002', value: '1' })).body).toBe('ERROR: agent_user is not logged in - 1002\n');
    await expectNoWrite();
  });

  it('checks the function permission after validity, and exits', async () => {
    await bed.database.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', '6670').execute();
    expect((await dtmf({ user: '6670', agent_user: '1000' })).body).toBe('ERROR: send_dtmf not valid - |1000\n');
    expect((await dtmf({ user: '6670', agent_user: '1000', value: '5', close_window_link: '1' })).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 5|6670|send_dtmf|LIMITED\n');
    await expectNoWrite();
  });
});
