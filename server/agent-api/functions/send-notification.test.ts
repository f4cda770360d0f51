import { describe, expect, it } from 'vitest';
import { useApiBed } from '../../test/bed.js';
import { testDialects } from '../../test/databases.js';
import { deliverNotifications } from '../../agents/notify.js';
import { storedDateTime } from './lead-values.js';

const Q = 'source=test&user=6666&pass=1234&function=send_notification';
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('storedDateTime (what DATETIME keeps)', () => {
  it('normalises, and zeroes what is out of range', () => {
    expect(storedDateTime('2026-12-01 10:00:00')).toBe('2026-12-01 10:00:00');
    expect(storedDateTime('2026-12-1 9:05')).toBe('2026-12-01 09:05:00');
    expect(storedDateTime('26-2-3 4:5:6')).toBe('2026-02-03 04:05:06');
    expect(storedDateTime('99-12-31 23:59')).toBe('1999-12-31 23:59:00');
    expect(storedDateTime('2026-13-45 10:00')).toBe('0000-00-00 00:00:00');
    expect(storedDateTime('2026-02-30 10:00')).toBe('0000-00-00 00:00:00');
    expect(storedDateTime('2026-12-01 24:00')).toBe('0000-00-00 00:00:00');
  });
});

describe.each(testDialects())('send_notification on %s', (dialect) => {
  const bed = useApiBed(dialect);

  const db = () => bed.database.db;
  const rows = () => db().selectFrom('vicidial_agent_notifications').selectAll().orderBy('notification_id').execute();
  const only = async () => { const r = await rows(); expect(r).toHaveLength(1); return r[0]; };
  const lastLog = () => db().selectFrom('vicidial_api_log').selectAll().orderBy('api_id', 'desc').executeTakeFirstOrThrow();
  const logCount = async () => (await db().selectFrom('vicidial_api_log').select('api_id').execute()).length;
  const send = (q: string, user = '6666') => bed.api(`${Q.replace('user=6666', `user=${user}`)}&${q}`);

  it('queues a text notification for a user with the default style', async () => {
    const res = await send('recipient=1000&recipient_type=USER&notification_text=Hello+team');
    expect(res.status).toBe(200);
    expect(res.body).toBe('SUCCESS: notification queued - 1000|USER|1\n');
    const row = await only();
    expect(row).toMatchObject({
      notification_id: 1, recipient: '1000', recipient_type: 'USER', notification_retry: 'N', notification_text: 'Hello team',
      text_size: 12, text_font: 'Arial', text_weight: 'bold', text_color: 'black', show_confetti: 'N', confetti_options: null, notification_status: 'QUEUED',
    });
    expect(row.notification_date).toMatch(DATETIME);
    expect(row.notification_date).toBe(row.entry_date);
    expect(await lastLog()).toMatchObject({ user: '6666', function: 'send_notification', agent_user: '1000', value: 'USER', result: 'SUCCESS', result_reason: 'notification queued', data: '' });
    // The delivery rule gives it at once to the logged-in agent's screen.
    expect(await deliverNotifications(db(), new Date())).toBe(1);
    const effects = await db().selectFrom('agent_screen_effects').select(['user', 'kind', 'payload']).execute();
    expect(effects.map((e) => ({ user: e.user, kind: e.kind, id: (JSON.parse(e.payload) as { notificationId: number }).notificationId }))).toEqual([{ user: '1000', kind: 'notification', id: 1 }]);
  });

  it('stores the style of a USER_GROUP notification (sn.03)', async () => {
    const res = await send('recipient=AGENTS&recipient_type=USER_GROUP&show_confetti=N&notification_text=Ten+minutes+to+closing&text_size=36&text_color=9900FF&text_weight=bold,italic,underline&notification_retry=yes');
    expect(res.body).toBe('SUCCESS: notification queued - AGENTS|USER_GROUP|1\n');
    expect(await only()).toMatchObject({ recipient: 'AGENTS', recipient_type: 'USER_GROUP', notification_text: 'Ten minutes to closing', text_size: 36, text_font: 'Arial', text_weight: 'bold,italic,underline', text_color: '#9900FF', show_confetti: 'N', confetti_options: null, notification_retry: 'Y' });
  });

  it('keeps colour names and lower-case hex, defaults a junk size, filters the font (sn.21)', async () => {
    expect((await send('recipient=1000&recipient_type=USER&notification_text=x&text_size=big&text_color=F0A&text_font=Comic+Sans%3B%27MS')).body).toBe('SUCCESS: notification queued - 1000|USER|1\n');
    expect(await only()).toMatchObject({ text_size: 12, text_font: 'Comic SansMS', text_color: '#F0A' });
    await send('recipient=1000&recipient_type=USER&notification_text=x&text_color=red&text_size=999&text_weight=normal');
    await send('recipient=1000&recipient_type=USER&notification_text=x&text_color=9900ff');
    const [, red, lower] = await rows();
    expect(red).toMatchObject({ text_color: 'red', text_size: 255, text_weight: 'normal' });
    expect(lower.text_color).toBe('9900ff');
  });

  it('looks up a recipient without a valid type (sn.05, sn.06)', async () => {
    expect((await send('recipient=TESTCAMP&notification_text=hi')).body)
      .toBe('Invalid recipient_type (), NOTICE: found TESTCAMP as CAMPAIGN<BR>\nSUCCESS: notification queued - TESTCAMP|CAMPAIGN|1\n');
    expect(await lastLog()).toMatchObject({ agent_user: 'TESTCAMP', value: 'CAMPAIGN', result: 'SUCCESS' });
    expect(await logCount()).toBe(1);
    expect((await send('recipient=1000&recipient_type=user&notification_text=hi')).body)
      .toBe('Invalid recipient_type (user), NOTICE: found 1000 as USER<BR>\nSUCCESS: notification queued - 1000|USER|2\n');
    expect((await send('recipient=AGENTS&recipient_type=GROUP&notification_text=hi')).body)
      .toBe('Invalid recipient_type (GROUP), NOTICE: found AGENTS as USER_GROUP<BR>\nSUCCESS: notification queued - AGENTS|USER_GROUP|3\n');
    expect((await rows()).map((r) => `${r.recipient}/${r.recipient_type}`)).toEqual(['TESTCAMP/CAMPAIGN', '1000/USER', 'AGENTS/USER_GROUP']);
  });

  it('stops when the lookup finds nothing (sn.07)', async () => {
    expect((await send('recipient=NOBODY&notification_text=hi')).body)
      .toBe('Invalid recipient_type (), ERROR: no matching recipient found in users, user_groups, or campaigns - NOBODY\n');
    expect(await lastLog()).toMatchObject({ agent_user: 'NOBODY', value: '', result: 'ERROR', result_reason: 'no matching recipient found in users, user_groups, or campaigns' });
    expect(await send('recipient=NOBODY&notification_text=hi&close_window_link=1')).toMatchObject({ body: expect.not.stringContaining('Close') });
    expect(await rows()).toHaveLength(0);
  });

  it('answers disabled when agent_notifications is 0 (sn.01)', async () => {
    await db().updateTable('system_settings').set({ agent_notifications: '0' }).execute();
    expect((await send('recipient=1000&recipient_type=USER&show_confetti=Y')).body).toBe('ERROR: Agent API Notifications are disabled on this system - 0\n');
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: 'USER', result: 'ERROR', result_reason: 'Agent API Notifications are disabled on this system' });
    expect(await rows()).toHaveLength(0);
  });

  it('checks the function permission before anything else of its own (sn.22)', async () => {
    expect((await send('recipient=1000&recipient_type=USER&notification_text=hi', '6668')).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - |6668|send_notification|ADMIN\n');
    expect((await send('recipient=NOBODY', '6668')).body)
      .toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - |6668|send_notification|ADMIN\n');
    expect(await rows()).toHaveLength(0);
  });

  it('needs both recipient and type (sn.12)', async () => {
    expect((await send('recipient_type=USER&notification_text=hi')).body).toBe('ERROR: Missing recipient or recipient_type - |USER\n');
    expect((await send('notification_text=hi')).body).toBe('ERROR: Missing recipient or recipient_type - |\n');
    expect((await send('recipient_type=user&notification_text=hi')).body).toBe('ERROR: Missing recipient or recipient_type - |user\n');
    expect(await rows()).toHaveLength(0);
  });

  it('needs the recipient in the table of its type (sn.08, sn.24), logging agent_user and value', async () => {
    expect((await send('recipient=9999&recipient_type=USER&notification_text=hi')).body).toBe('ERROR: 9999 DOES NOT EXIST in vicidial_users - |9999\n');
    expect(await lastLog()).toMatchObject({ agent_user: '', value: '', result: 'ERROR', result_reason: '9999 DOES NOT EXIST in vicidial_users' });
    expect((await send('recipient=6666&recipient_type=USER_GROUP&notification_text=hi')).body).toBe('ERROR: 6666 DOES NOT EXIST in vicidial_user_groups - |6666\n');
    expect((await send('recipient=AGENTS&recipient_type=CAMPAIGN&notification_text=hi&value=V1&agent_user=1000')).body)
      .toBe('ERROR: AGENTS DOES NOT EXIST in vicidial_campaigns - V1|AGENTS\n');
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: 'V1' });
    expect(await rows()).toHaveLength(0);
  });

  it('checks campaign and user-group access for the API user group (sn.09, sn.10, sn.11)', async () => {
    expect((await send('recipient=TESTCAMP&recipient_type=CAMPAIGN&notification_text=hi', '6670')).body)
      .toBe('ERROR: ACCESS TO CAMPAIGN TESTCAMP NOT ALLOWED FOR USER 6670 ( MANCAMP -) - |TESTCAMP\n');
    expect(await lastLog()).toMatchObject({ user: '6670', agent_user: '', value: '', result_reason: 'ACCESS TO CAMPAIGN TESTCAMP NOT ALLOWED FOR USER 6670 ( MANCAMP -)' });
    expect((await send('recipient=AGENTS&recipient_type=USER_GROUP&notification_text=hi', '6670')).body)
      .toBe('ERROR: ACCESS TO USER GROUP AGENTS NOT ALLOWED FOR USER 6670 - |AGENTS\n');
    expect(await rows()).toHaveLength(0);
    expect((await send('recipient=MANCAMP&recipient_type=CAMPAIGN&notification_text=hi', '6670')).body).toBe('SUCCESS: notification queued - MANCAMP|CAMPAIGN|1\n');
    expect((await send('recipient=LIMITED&recipient_type=USER_GROUP&notification_text=hi', '6670')).body).toBe('SUCCESS: notification queued - LIMITED|USER_GROUP|2\n');
    expect((await send('recipient=1000&recipient_type=USER&notification_text=hi', '6670')).body).toBe('SUCCESS: notification queued - 1000|USER|3\n');
  });

  it('answers user_group DOES NOT EXIST when the API user group is missing', async () => {
    await db().updateTable('vicidial_users').set({ user_group: 'GHOST' }).where('user', '=', '6670').execute();
    expect((await send('recipient=MANCAMP&recipient_type=CAMPAIGN&notification_text=hi', '6670')).body).toBe('ERROR: user_group DOES NOT EXIST - |GHOST\n');
    expect(await lastLog()).toMatchObject({ agent_user: '', value: '', result_reason: 'user_group DOES NOT EXIST' });
    expect((await send('recipient=1000&recipient_type=USER&notification_text=hi', '6670')).body).toBe('SUCCESS: notification queued - 1000|USER|1\n');
  });

  it('needs text or confetti (sn.13, sn.14)', async () => {
    expect((await send('recipient=1000&recipient_type=USER')).body).toBe('ERROR: invalid request - 1000|USER\n');
    expect(await lastLog()).toMatchObject({ agent_user: '1000', value: 'USER', result_reason: 'invalid request' });
    expect((await send('recipient=1000&recipient_type=USER&show_confetti=1&notification_text=%3B%23')).body).toBe('ERROR: invalid request - 1000|USER\n');
    expect((await send('recipient=1000&recipient_type=USER&show_confetti=N')).body).toBe('ERROR: invalid request - 1000|USER\n');
    expect(await rows()).toHaveLength(0);
  });

  it('queues confetti with CONFETTI_SETTINGS, over 2 / 2350 / 60; y works like Y (sn.02, sn.15, sn.23)', async () => {
    expect((await send('recipient=1000&recipient_type=USER&show_confetti=Y')).body).toBe('SUCCESS: notification queued - 1000|USER|1\n');
    expect(await only()).toMatchObject({ notification_text: null, text_size: 12, text_font: 'Arial', text_weight: 'bold', text_color: null, show_confetti: 'Y', confetti_options: '2,2350,2' });
    expect((await send('recipient=1000&recipient_type=USER&show_confetti=y&duration=5')).body).toBe('SUCCESS: notification queued - 1000|USER|2\n');
    await db().updateTable('vicidial_settings_containers').set({ container_entry: '; confetti\r\nduration => 0\r\n;particleSpeed => 9\r\nmaxParticleCount => 500\r\nparticleSpeed=>7' }).execute();
    await send('recipient=1000&recipient_type=USER&show_confetti=Y&duration=0&particleSpeed=00');
    await db().deleteFrom('vicidial_settings_containers').execute();
    await send('recipient=1000&recipient_type=USER&show_confetti=Y');
    expect((await rows()).map((r) => r.confetti_options)).toEqual(['2,2350,2', '5,2350,2', '2,500,60', '2,2350,60']);
  });

  it('stores the documented maxima unclamped, text and confetti together (sn.25)', async () => {
    const text = 'n'.repeat(300);
    expect((await send(`recipient=1000&recipient_type=USER&show_confetti=Y&duration=99&maxParticleCount=99999&particleSpeed=999&notification_text=${text}`)).body)
      .toBe('SUCCESS: notification queued - 1000|USER|1\n');
    expect(await only()).toMatchObject({ notification_text: text, text_color: 'black', show_confetti: 'Y', confetti_options: '99,99999,999' });
    await send(`recipient=1000&recipient_type=USER&show_confetti=Y&duration=${'9'.repeat(30)}`);
    expect((await rows())[1].confetti_options).toBe('999999999999999');
  });

  it('stores a valid date, zeroes an out-of-range one, and replaces a bad one with a glued NOTICE (sn.16, sn.17, sn.18)', async () => {
    expect((await send('recipient=1000&recipient_type=USER&notification_text=later&notification_date=2026-12-01+10:00:00')).body).toBe('SUCCESS: notification queued - 1000|USER|1\n');
    expect((await send('recipient=1000&recipient_type=USER&notification_text=later&notification_date=2026-13-45+10:00')).body).toBe('SUCCESS: notification queued - 1000|USER|2\n');
    expect((await send('recipient=1000&recipient_type=USER&notification_text=later&notification_date=12/01/2026+10:00')).body)
      .toBe('NOTICE: Invalid notification date 12012026 10:00, changing to nowSUCCESS: notification queued - 1000|USER|3\n');
    expect(await logCount()).toBe(3);
    const [valid, zero, now] = await rows();
    expect(valid.notification_date).toBe('2026-12-01 10:00:00');
    expect(zero.notification_date).toBe('0000-00-00 00:00:00');
    expect(now.notification_date).toBe(now.entry_date);
    expect((await send('recipient=1000&recipient_type=USER&notification_date=tomorrow+noon')).body)
      .toBe('NOTICE: Invalid notification date  , changing to nowERROR: invalid request - 1000|USER\n');
  });

  it('stores quotes, HTML, unicode and SQL text as sent, with a real id (sn.19, sn.20)', async () => {
    expect((await bed.api('user=6666&pass=1234&function=send_notification&source=test&recipient=1000&recipient_type=USER&notification_text=It%27s+time')).body)
      .toBe('SUCCESS: notification queued - 1000|USER|1\n');
    const hostile = `<b>Olá "team"</b> | 100% \\ '); DROP TABLE vicidial_users; -- #1`;
    expect((await send(`recipient=1000&recipient_type=USER&notification_text=${encodeURIComponent(hostile)}`)).body).toBe('SUCCESS: notification queued - 1000|USER|2\n');
    expect((await rows()).map((r) => r.notification_text)).toEqual(["It's time", `<b>Olá "team"</b> | 100% \\ ') DROP TABLE vicidial_users -- 1`]);
    expect(await db().selectFrom('vicidial_users').select('user').where('user', '=', '6666').execute()).toHaveLength(1);
  });

  it('filters hostile recipients and cuts over-long style values', async () => {
    expect((await send(`recipient=${encodeURIComponent("1000' OR '1'='1")}&recipient_type=USER&notification_text=x`)).body)
      .toBe('ERROR: 1000OR11 DOES NOT EXIST in vicidial_users - |1000OR11\n');
    expect((await send(`recipient=${'A'.repeat(40)}&recipient_type=CAMPAIGN&notification_text=x`)).body)
      .toBe(`ERROR: ${'A'.repeat(40)} DOES NOT EXIST in vicidial_campaigns - |${'A'.repeat(40)}\n`);
    expect((await send(`recipient=1000&recipient_type=USER&notification_text=x&text_font=${'F'.repeat(50)}&text_weight=${'b'.repeat(50)}&text_color=${'c'.repeat(50)}`)).body)
      .toBe('SUCCESS: notification queued - 1000|USER|1\n');
    expect(await only()).toMatchObject({ text_font: 'F'.repeat(30), text_weight: 'b'.repeat(30), text_color: 'c'.repeat(15) });
  });
});
