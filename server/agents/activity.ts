// The agent's activity list (who did what, for toasts) and the effects queued for the
// screen (shown once, then acknowledged).
import type { Db } from './db.js';
import type { EffectKind, EffectPayloads, ScreenEffect } from '../../contract/agent.js';

const KEEP = 50;

export async function addActivity(db: Db, user: string, key: string, values: Record<string, string> = {}): Promise<void> {
  await db.insertInto('agent_activity').values({ user, at_ms: Date.now(), event_key: key, event_values: JSON.stringify(values) }).execute();
}

/** Queues a screen effect; kind and payload are the contract's pair, so the screen gets what it expects. */
export async function addEffect<K extends EffectKind>(db: Db, user: string, kind: K, payload: EffectPayloads[K]): Promise<number> {
  const res = await db.insertInto('agent_screen_effects')
    .values({ user, kind, payload: JSON.stringify(payload), created_ms: Date.now() }).executeTakeFirstOrThrow();
  return Number(res.insertId);
}

export async function recentActivity(db: Db, user: string) {
  const rows = await db.selectFrom('agent_activity').selectAll().where('user', '=', user)
    .orderBy('activity_id', 'desc').limit(KEEP).execute();
  return rows.map((r) => ({ at: Number(r.at_ms), key: r.event_key, values: JSON.parse(r.event_values) as Record<string, string> }));
}

export async function pendingEffects(db: Db, user: string) {
  const rows = await db.selectFrom('agent_screen_effects').selectAll().where('user', '=', user).where('acked_ms', '=', 0)
    .orderBy('effect_id').limit(20).execute();
  // Written by addEffect only, so each row's payload is its kind's (contract/agent.ts).
  return rows.map((r) => ({ id: String(r.effect_id), kind: r.kind, createdAt: Number(r.created_ms), payload: JSON.parse(r.payload) as unknown }) as ScreenEffect);
}

/** Acknowledge once: a second ack (another tab, another node) changes nothing. */
export async function ackEffect(db: Db, user: string, effectId: number): Promise<boolean> {
  const res = await db.updateTable('agent_screen_effects').set({ acked_ms: Date.now() })
    .where('effect_id', '=', effectId).where('user', '=', user).where('acked_ms', '=', 0).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
