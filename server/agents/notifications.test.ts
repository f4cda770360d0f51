import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, type TestBed } from '../test/api-harness.js';
import { closeTestDatabases, testDialects } from '../test/databases.js';
import { formatDateTime } from '../clock.js';
import { confettiSettings, deliverDueNotifications, dueNotificationsFor, markDelivered, type NotifiedAgent } from './notifications.js';

const T = new Date(2026, 10, 26, 10, 0, 0);
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);

describe.each(testDialects())('notification delivery on %s', (dialect) => {
  let bed: TestBed;
  beforeAll(async () => { bed = await createTestBed(dialect); });
  beforeEach(async () => {
    // 1000 (AGENTS) on TESTCAMP from the baseline; 6666 (ADMIN) on MANCAMP.
    await bed.reset({ vicidial_live_agents: [{ user: '6666', server_ip: '10.10.10.15', conf_exten: '8600052', campaign_id: 'MANCAMP', status: 'PAUSED' }] });
  });
  afterAll(async () => { await bed.close(); await closeTestDatabases(); });

  const db = () => bed.database.db;
  const a1000: NotifiedAgent = { user: '1000', campaign_id: 'TESTCAMP' };
  const a1001: NotifiedAgent = { user: '1001', campaign_id: 'TESTCAMP' };
  const a6666: NotifiedAgent = { user: '6666', campaign_id: 'MANCAMP' };
  const notify = async (recipient: string, recipient_type: 'USER' | 'USER_GROUP' | 'CAMPAIGN' | 'ALT_DISPLAY', dateOffset: number, extra: { notification_status?: 'DEAD' } = {}) => {
    const res = await db().insertInto('vicidial_agent_notifications').values({
      recipient, recipient_type, notification_date: formatDateTime(at(dateOffset)), entry_date: formatDateTime(T), notification_text: 'hi', ...extra,
    }).executeTakeFirstOrThrow();
    return Number(res.insertId);
  };
  const ids = async (agent: NotifiedAgent, seconds: number) => (await dueNotificationsFor(db(), agent, at(seconds))).map((n) => n.notification_id);
  const login = (user: string, campaign_id: string) =>
    db().insertInto('vicidial_live_agents').values({ user, server_ip: '10.10.10.15', campaign_id, status: 'PAUSED' }).execute();

  it('does not deliver a notification scheduled in the future before its date', async () => {
    const id = await notify('1000', 'USER', 30);
    expect(await ids(a1000, 0)).toEqual([]);
    expect(await ids(a1000, 29)).toEqual([]);
    expect(await ids(a1000, 30)).toEqual([id]);
  });

  it('delivers from notification_date to 60 s after it, both ends included', async () => {
    const id = await notify('1000', 'USER', 0);
    for (const s of [0, 1, 30, 59, 60]) expect(await ids(a1000, s)).toEqual([id]);
    expect(await ids(a1000, -1)).toEqual([]);
  });

  it('no longer delivers after the window, and never a DEAD one', async () => {
    await notify('1000', 'USER', 0);
    await notify('1000', 'USER', 10, { notification_status: 'DEAD' });
    expect(await ids(a1000, 61)).toEqual([]);
    expect(await ids(a1000, 600)).toEqual([]);
    expect(await ids(a1000, 20)).toHaveLength(1);
  });

  it('delivers to an agent who logs in inside the window, not after it', async () => {
    const id = await notify('TESTCAMP', 'CAMPAIGN', 0);
    expect(await deliverDueNotifications(db(), a1000, at(0))).toHaveLength(1);
    await login('1001', 'TESTCAMP');
    expect(await ids(a1001, 45)).toEqual([id]);
    expect((await deliverDueNotifications(db(), a1001, at(45))).map((n) => n.notification_id)).toEqual([id]);
    expect(await ids(a1000, 45)).toEqual([]);
    await login('1002', 'TESTCAMP');
    expect(await ids({ user: '1002', campaign_id: 'TESTCAMP' }, 61)).toEqual([]);
    // A notification created with a date already inside the window is delivered too.
    const late = await notify('1002', 'USER', 40);
    expect(await ids({ user: '1002', campaign_id: 'TESTCAMP' }, 61)).toEqual([late]);
  });

  it('matches USER by user, USER_GROUP by the user group, CAMPAIGN by the logged-in campaign', async () => {
    const user = await notify('1000', 'USER', 0);
    const group = await notify('AGENTS', 'USER_GROUP', 1);
    const camp = await notify('MANCAMP', 'CAMPAIGN', 2);
    const admins = await notify('ADMIN', 'USER_GROUP', 3);
    await notify('1000', 'ALT_DISPLAY', 4);
    await notify('TESTCAMP', 'USER', 5); // a type mismatch matches nobody
    expect(await ids(a1000, 10)).toEqual([user, group]);
    expect(await ids(a1001, 10)).toEqual([group]);
    expect(await ids(a6666, 10)).toEqual([camp, admins]);
    // The campaign is the one the agent is logged in to now.
    expect(await ids({ user: '1001', campaign_id: 'MANCAMP' }, 10)).toEqual([group, camp]);
  });

  it('delivers each notification exactly once per agent', async () => {
    const id = await notify('AGENTS', 'USER_GROUP', 0);
    expect(await markDelivered(db(), id, '1000', at(1))).toBe(true);
    expect(await markDelivered(db(), id, '1000', at(2))).toBe(false);
    expect(await ids(a1000, 3)).toEqual([]);
    expect(await deliverDueNotifications(db(), a1000, at(3))).toEqual([]);
    expect(await ids(a1001, 3)).toEqual([id]);
    expect(await markDelivered(db(), id, '1001', at(3))).toBe(true);
    const rows = await db().selectFrom('vicidial_agent_notifications_queue').select(['notification_id', 'user', 'queue_date']).orderBy('queue_id').execute();
    expect(rows).toEqual([
      { notification_id: id, user: '1000', queue_date: formatDateTime(at(1)) },
      { notification_id: id, user: '1001', queue_date: formatDateTime(at(3)) },
    ]);
  });

  it('lets exactly one of many concurrent deliveries win, also inside transactions', async () => {
    const id = await notify('1000', 'USER', 0);
    const results = await Promise.all(Array.from({ length: 12 }, () => markDelivered(db(), id, '1000', at(1))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const id2 = await notify('TESTCAMP', 'CAMPAIGN', 0);
    const won = await Promise.all(Array.from({ length: 4 }, () =>
      db().transaction().execute((trx) => deliverDueNotifications(trx, a1000, at(5)))));
    expect(won.flat().map((n) => n.notification_id)).toEqual([id2]);
    const count = await db().selectFrom('vicidial_agent_notifications_queue').select('queue_id').where('user', '=', '1000').execute();
    expect(count).toHaveLength(2);
  });

  it('reads the confetti defaults from CONFETTI_SETTINGS over 2 / 2350 / 60', async () => {
    expect(await confettiSettings(db())).toEqual({ duration: 2, maxParticleCount: 2350, particleSpeed: 2 });
    await db().deleteFrom('vicidial_settings_containers').execute();
    expect(await confettiSettings(db())).toEqual({ duration: 2, maxParticleCount: 2350, particleSpeed: 60 });
  });
});
