// Notifications queued by send_notification (api-reference.md §2.31, agent-screen.md §4):
// the exactly-once delivery record and the confetti defaults. The fan-out to the agents'
// screens (who gets which notification when) is server/agents/notify.ts.
//
// The delivery rule is decisions.md "notification lifetime" (we follow the seed document,
// not VICIdial's QUEUED/READY/SENT fan-out): a notification is delivered to every matching
// agent logged in at any moment from `notification_date` to 60 s after it, including agents
// who log in inside that window, each agent at most once. Matching: USER = the agent's user,
// USER_GROUP = the user's vicidial_users.user_group, CAMPAIGN = the campaign the agent is
// logged in to (vicidial_live_agents.campaign_id). Times are whole seconds, local time, in
// the 'YYYY-MM-DD HH:MM:SS' form every datetime column uses.
//
// Delivery is recorded in vicidial_agent_notifications_queue, one row per (notification,
// agent), guarded by its unique key: whichever server process inserts the row first owns
// the delivery, every other attempt (another process, a second poll) finds it taken.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { formatDateTime } from '../clock.js';
import { fit } from '../db/fit.js';

export type Notification = Selectable<DB['vicidial_agent_notifications']>;

/** Seconds after notification_date during which a notification is still delivered. */
export const DELIVERY_WINDOW_SECONDS = 60;

/** decisions.md: confetti defaults (duration s, maxParticleCount, particleSpeed). */
export const CONFETTI_DEFAULTS = { duration: 2, maxParticleCount: 2350, particleSpeed: 60 } as const;
export type ConfettiSettings = { -readonly [K in keyof typeof CONFETTI_DEFAULTS]: number };
const CONFETTI_NAMES = Object.keys(CONFETTI_DEFAULTS) as (keyof ConfettiSettings)[];

/**
 * The confetti defaults in force: the CONFETTI_SETTINGS settings container's values
 * (lines `name => value`, `;` lines are comments; agent-screen.md §4.7) over the product
 * defaults. A missing, zero or non-numeric value in the container keeps the default.
 */
export async function confettiSettings(db: Kysely<DB>): Promise<ConfettiSettings> {
  const out: ConfettiSettings = { ...CONFETTI_DEFAULTS };
  const row = await db.selectFrom('vicidial_settings_containers').select('container_entry')
    .where('container_id', '=', 'CONFETTI_SETTINGS').executeTakeFirst();
  for (const raw of (row?.container_entry ?? '').split('\n')) {
    const line = raw.trim();
    if (line.startsWith(';') || !line.includes(' => ')) continue;
    const [name, value] = line.split(' => ', 2).map((s) => s.trim());
    const n = /^\d+$/.test(value) ? Number(value) : 0;
    if ((CONFETTI_NAMES as string[]).includes(name) && n > 0) out[name as keyof ConfettiSettings] = n;
  }
  return out;
}

function isDuplicateKey(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Record that `user` was given notification `notificationId`. True when this call made the
 * record (the caller shows the notification), false when it already existed (someone else
 * delivered it: show nothing). A single INSERT guarded by the unique key
 * (notification_id, user), so it is atomic across connections and server processes; a
 * duplicate only fails that statement, also inside a transaction.
 */
export async function markDelivered(db: Kysely<DB>, notificationId: number, user: string, now: Date): Promise<boolean> {
  try {
    await db.insertInto('vicidial_agent_notifications_queue')
      .values(fit('vicidial_agent_notifications_queue', { notification_id: notificationId, user, queue_date: formatDateTime(now) }))
      .execute();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
