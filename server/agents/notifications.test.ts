import { beforeEach, describe, expect, it } from 'vitest';
import { useApiBed } from '../test/bed.js';
import { testDialects } from '../test/databases.js';
import { formatDateTime } from '../clock.js';
import { confettiSettings, markDelivered } from './notifications.js';
import { deliverNotifications } from './notify.js';

const T = new Date(2026, 10, 26, 10, 0, 0);
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);

describe.each(testDialects())('notification delivery on %s', (dialect) => {
  // 1000 (AGENTS) on TESTCAMP from the baseline; 6666 (ADMIN) on MANCAMP.
  const bed = useApiBed(dialect, { extraRows: () => ({ vicidial_live_agents: [{ user: '6666', server_ip: '10.10.10.15', conf_exten: '8600052', campaign_id: 'MANCAMP', status: 'PAUSED' }] }) });

  // A new handle per test: deliverNotifications keeps a per-handle memo keyed by notification
  // id, and the ids start again at 1 after each reset (see the report / notify.ts servedAt).
  let handle: typeof bed.database.db;
  beforeEach(() => { handle = bed.database.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result }); });
  const db = () => handle;
  const notify = async (recipient: string, recipient_type: 'USER' | 'USER_GROUP' | 'CAMPAIGN' | 'ALT_DISPLAY', dateOffset: number, extra: { notification_status?: 'DEAD' } = {}) => {
    const res = await db().insertInto('vicidial_agent_notifications').values({
      recipient, recipient_type, notification_date: formatDateTime(at(dateOffset)), entry_date: formatDateTime(T), notification_text: 'hi', ...extra,
    }).executeTakeFirstOrThrow();
    return Number(res.insertId);
  };
  // Production's path: the engine's deliverNotifications, then what each agent's screen is given.
  const deliver = (seconds: number) => deliverNotifications(db(), at(seconds));
  const shown = async (user: string) => (await db().selectFrom('agent_screen_effects').select('payload')
    .where('user', '=', user).where('kind', '=', 'notification').orderBy('effect_id').execute())
    .map((r) => (JSON.parse(r.payload) as { notificationId: number }).notificationId);
  const login = (user: string, campaign_id: string) =>
    db().insertInto('vicidial_live_agents').values({ user, server_ip: '10.10.10.15', campaign_id, status: 'PAUSED' }).execute();

  it('does not deliver a notification scheduled in the future before its date', async () => {
    const id = await notify('1000', 'USER', 30);
    await deliver(0);
    await deliver(29);
    expect(await shown('1000')).toEqual([]);
    await deliver(30);
    expect(await shown('1000')).toEqual([id]);
  });

  it('delivers from notification_date to 60 s after it, both ends included', async () => {
    const id = await notify('1000', 'USER', 0);
    expect(await deliver(-1)).toBe(0);
    expect(await deliver(60)).toBe(1);
    const next = await notify('1000', 'USER', 100);
    expect(await deliver(100)).toBe(1);
    expect(await shown('1000')).toEqual([id, next]);
  });

  it('no longer delivers after the window, and never a DEAD one', async () => {
    const id = await notify('1000', 'USER', 0);
    await notify('1000', 'USER', 10, { notification_status: 'DEAD' });
    await deliver(61);
    await deliver(600);
    expect(await shown('1000')).toEqual([]);
    await deliver(20);
    expect(await shown('1000')).toEqual([id]);
  });

  it('delivers to an agent who logs in inside the window, not after it', async () => {
    const id = await notify('TESTCAMP', 'CAMPAIGN', 0);
    expect(await deliver(0)).toBe(1);
    await login('1001', 'TESTCAMP');
    expect(await deliver(45)).toBe(1);
    expect(await shown('1001')).toEqual([id]);
    expect(await shown('1000')).toEqual([id]);
    await login('1002', 'TESTCAMP');
    expect(await deliver(61)).toBe(0);
    expect(await shown('1002')).toEqual([]);
    // A notification created with a date already inside the window is delivered too.
    const late = await notify('1002', 'USER', 40);
    await deliver(61);
    expect(await shown('1002')).toEqual([late]);
  });

  it('matches USER by user, USER_GROUP by the user group, CAMPAIGN by the logged-in campaign', async () => {
    await login('1001', 'MANCAMP'); // the campaign is the one the agent is logged in to now
    const user = await notify('1000', 'USER', 0);
    const group = await notify('AGENTS', 'USER_GROUP', 1);
    const camp = await notify('MANCAMP', 'CAMPAIGN', 2);
    const admins = await notify('ADMIN', 'USER_GROUP', 3);
    await notify('1000', 'ALT_DISPLAY', 4);
    await notify('TESTCAMP', 'USER', 5); // a type mismatch matches nobody
    await deliver(10);
    // Production delivers newest first; the set per agent is the rule.
    const sorted = async (u: string) => (await shown(u)).sort((a, b) => a - b);
    expect(await sorted('1000')).toEqual([user, group]);
    expect(await sorted('1001')).toEqual([group, camp]);
    expect(await sorted('6666')).toEqual([camp, admins]);
  });

  it('delivers each notification exactly once per agent', async () => {
    await login('1001', 'TESTCAMP');
    const id = await notify('AGENTS', 'USER_GROUP', 0);
    expect(await markDelivered(db(), id, '1000', at(1))).toBe(true);
    expect(await markDelivered(db(), id, '1000', at(2))).toBe(false);
    expect(await deliver(3)).toBe(1);
    expect(await shown('1000')).toEqual([]);
    expect(await shown('1001')).toEqual([id]);
    expect(await deliver(4)).toBe(0);
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
    const won = await Promise.all(Array.from({ length: 4 }, () => deliver(5)));
    expect(won.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await shown('1000')).toEqual([id2]);
    const count = await db().selectFrom('vicidial_agent_notifications_queue').select('queue_id').where('user', '=', '1000').execute();
    expect(count).toHaveLength(2);
  });

  it('reads the confetti defaults from CONFETTI_SETTINGS over 2 / 2350 / 60', async () => {
    expect(await confettiSettings(db())).toEqual({ duration: 2, maxParticleCount: 2350, particleSpeed: 2 });
    await db().deleteFrom('vicidial_settings_containers').execute();
    expect(await confettiSettings(db())).toEqual({ duration: 2, maxParticleCount: 2350, particleSpeed: 60 });
  });
});
