// Fan-out of send_notification's rows to the agents' screens (decisions.md "notification
// lifetime"): every matching agent logged in at some moment from notification_date to one
// minute after it gets it once, as a screen effect. One query finds the notifications in
// their window; markDelivered's unique key makes each delivery happen once across nodes.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { formatDateTime } from '../clock.js';
import { DELIVERY_WINDOW_SECONDS, markDelivered, type Notification } from './notifications.js';
import { addEffect } from './activity.js';
import type { EffectPayloads } from '../../contract/agent.js';

/** Logged-in agents a notification addresses that have not been given it yet. */
async function pendingRecipients(db: Kysely<DB>, n: Notification): Promise<string[]> {
  let q = db.selectFrom('vicidial_live_agents as la').select('la.user')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('vicidial_agent_notifications_queue as q').select('q.user')
      .whereRef('q.user', '=', 'la.user').where('q.notification_id', '=', n.notification_id))));
  if (n.recipient_type === 'USER') q = q.where('la.user', '=', n.recipient);
  else if (n.recipient_type === 'CAMPAIGN') q = q.where('la.campaign_id', '=', n.recipient);
  else if (n.recipient_type === 'USER_GROUP') q = q.where('la.user', 'in', db.selectFrom('vicidial_users').select('user').where('user_group', '=', n.recipient));
  else return [];
  return (await q.execute()).map((r) => r.user);
}

/** The screen's payload: text, its style, and the confetti options (duration,count,speed). */
export function notificationPayload(n: Notification): EffectPayloads['notification'] {
  const [duration, maxParticleCount, particleSpeed] = (n.confetti_options ?? '').split(',').map((v) => Number(v) || 0);
  return {
    notificationId: n.notification_id,
    text: n.notification_text ?? '',
    textSize: Number(n.text_size),
    textFont: n.text_font,
    textWeight: n.text_weight,
    textColor: n.text_color ?? '',
    confetti: n.show_confetti === 'Y' ? { duration, maxParticleCount, particleSpeed } : null,
  };
}

/**
 * Per database handle: for each CAMPAIGN/USER_GROUP notification, the newest login (the
 * highest vicidial_live_agents id) when all its logged-in recipients were last served. Such a notification is looked at
 * again only when someone has logged in since (a late login inside its window). Only an
 * optimisation: markDelivered's unique key is what makes delivery exactly once.
 */
const servedAt = new WeakMap<object, Map<number, string>>();

export async function deliverNotifications(db: Kysely<DB>, now: Date): Promise<number> {
  const from = formatDateTime(new Date(now.getTime() - DELIVERY_WINDOW_SECONDS * 1000));
  // Newest first, so a busy minute cannot hold back the latest notifications. A USER
  // notification is SENT once its agent has it; the others stay open for late logins.
  const due = await db.selectFrom('vicidial_agent_notifications').selectAll()
    .where('notification_date', '>=', from).where('notification_date', '<=', formatDateTime(now))
    .where('notification_status', 'not in', ['DEAD', 'SENT']).orderBy('notification_id', 'desc').limit(1000).execute();
  if (due.length === 0) return 0;
  // Every login inserts a vicidial_live_agents row with a new auto id: its maximum moves
  // exactly when someone has logged in.
  const newest = await db.selectFrom('vicidial_live_agents').select(sql<number | null>`max(live_agent_id)`.as('id')).executeTakeFirst();
  const newestLogin = String(newest?.id ?? 0);
  let served = servedAt.get(db);
  if (!served) servedAt.set(db, (served = new Map()));
  const open = new Set(due.map((n) => n.notification_id));
  for (const id of served.keys()) if (!open.has(id)) served.delete(id);

  let delivered = 0;
  for (const n of due) {
    const group = n.recipient_type !== 'USER';
    if (group && served.get(n.notification_id) === newestLogin) continue;
    const users = await pendingRecipients(db, n);
    await db.transaction().execute(async (trx) => {
      for (const user of users) {
        // The unique key makes the delivery exactly once, also with several server nodes.
        if (!(await markDelivered(trx, n.notification_id, user, now))) continue;
        await addEffect(trx, user, 'notification', notificationPayload(n));
        delivered++;
        if (!group) {
          await trx.updateTable('vicidial_agent_notifications').set({ notification_status: 'SENT' })
            .where('notification_id', '=', n.notification_id).execute();
        }
      }
    });
    if (group) served.set(n.notification_id, newestLogin);
  }
  return delivered;
}
