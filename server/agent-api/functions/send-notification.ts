// api-reference.md §2.31 (storage and life-cycle: agent-screen.md §4): queue a text alert
// and/or confetti for a user, a user group or a campaign. Delivery to the agents' screens
// follows decisions.md, see server/agents/notifications.ts.
import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { defineFunction } from '../function.js';
import { requirePermission } from '../blocks.js';
import type { ApiContext } from '../context.js';
import { fit } from '../../db/fit.js';
import { storedDateTime } from './lead-values.js';
import { confettiSettings } from '../../agents/notifications.js';

const TYPES = ['USER', 'USER_GROUP', 'CAMPAIGN'] as const;
type RecipientType = (typeof TYPES)[number];
const isType = (t: string): t is RecipientType => (TYPES as readonly string[]).includes(t);
const TABLE_NAME: Record<RecipientType, string> = { USER: 'vicidial_users', USER_GROUP: 'vicidial_user_groups', CAMPAIGN: 'vicidial_campaigns' };

async function exists(ctx: ApiContext, type: RecipientType, recipient: string): Promise<boolean> {
  if (type === 'USER') return !!(await ctx.db.selectFrom('vicidial_users').select('user').where('user', '=', recipient).executeTakeFirst());
  if (type === 'USER_GROUP') return !!(await ctx.db.selectFrom('vicidial_user_groups').select('user_group').where('user_group', '=', recipient).executeTakeFirst());
  return !!(await ctx.db.selectFrom('vicidial_campaigns').select('campaign_id').where('campaign_id', '=', recipient).executeTakeFirst());
}

/** The date pattern api.php accepts (unanchored); anything else becomes now with a NOTICE. */
const DATE_LIKE = /\d{2,4}-\d{1,2}-\d{1,2}\s?\d{1,2}:\d{1,2}(:\d{1,2})?/;
export const sendNotification = defineFunction({
  name: 'send_notification',
  params: [
    { name: 'recipient', required: true },
    { name: 'recipient_type', required: true, values: TYPES },
    { name: 'notification_text' },
    { name: 'notification_date', format: 'YYYY-MM-DD HH:MM:SS' },
    { name: 'notification_retry', values: ['Y', 'N'] },
    { name: 'text_size', format: 'digits (default 12)' },
    { name: 'text_font', format: 'font name (default Arial)' },
    { name: 'text_weight', format: 'bold, italic, underline, comma-separated (default bold)' },
    { name: 'text_color', format: 'colour name or upper-case hex RGB (default black)' },
    { name: 'show_confetti', values: ['Y', 'N'] },
    { name: 'duration', format: 'seconds' },
    { name: 'maxParticleCount', format: 'digits' },
    { name: 'particleSpeed', format: 'digits' },
  ],
  async run(ctx) {
    const { recipient, value } = ctx.p;
    let type = ctx.p.recipient_type;
    // Most log rows store the recipient as agent_user and the type as value (§2.31 Logging).
    ctx.agentUser = recipient;
    ctx.logValue = type;
    const enabled = ctx.settings.agent_notifications;
    if (!(Number(enabled) >= 1)) {
      return ctx.line('ERROR', 'Agent API Notifications are disabled on this system', String(enabled));
    }
    if (!(await requirePermission(ctx))) return;

    if (recipient.length > 0 && !isType(type)) {
      // Neither of these two outputs is logged; only the final line is.
      ctx.print(`Invalid recipient_type (${type}), `);
      let found: RecipientType | undefined;
      for (const t of TYPES) if (!found && (await exists(ctx, t, recipient))) found = t;
      if (!found) return ctx.fail('no matching recipient found in users, user_groups, or campaigns', recipient);
      ctx.print(`NOTICE: found ${recipient} as ${found}<BR>\n`);
      type = found;
      ctx.logValue = found;
    }
    if (recipient.length < 1 || !isType(type)) {
      return ctx.line('ERROR', 'Missing recipient or recipient_type', `${recipient}|${type}`);
    }

    // These errors log the request's agent_user and value instead (oracle sn.08, sn.09, sn.10).
    const failWithParams = (reason: string, details: string) => {
      ctx.agentUser = ctx.p.agent_user;
      ctx.logValue = value;
      return ctx.fail(reason, details);
    };
    if (!(await exists(ctx, type, recipient))) {
      return failWithParams(`${recipient} DOES NOT EXIST in ${TABLE_NAME[type]}`, `${value}|${recipient}`);
    }
    if (type !== 'USER') {
      const apiGroup = ctx.apiUser?.user_group ?? '';
      const group = await ctx.db.selectFrom('vicidial_user_groups').select(['allowed_campaigns', 'admin_viewable_groups'])
        .where('user_group', '=', apiGroup).executeTakeFirst();
      if (!group) return failWithParams('user_group DOES NOT EXIST', `${value}|${apiGroup}`);
      if (type === 'CAMPAIGN' && !group.allowed_campaigns.includes('-ALL') && !group.allowed_campaigns.includes(` ${recipient} `)) {
        return failWithParams(`ACCESS TO CAMPAIGN ${recipient} NOT ALLOWED FOR USER ${ctx.user} (${group.allowed_campaigns})`, `${value}|${recipient}`);
      }
      if (type === 'USER_GROUP' && !group.admin_viewable_groups.includes('---ALL') && !group.admin_viewable_groups.includes(` ${recipient} `)) {
        return failWithParams(`ACCESS TO USER GROUP ${recipient} NOT ALLOWED FOR USER ${ctx.user}`, `${value}|${recipient}`);
      }
    }

    const date = ctx.p.notification_date;
    let notificationDate = ctx.clock.nowTime;
    if (date.length > 0) {
      if (DATE_LIKE.test(date)) notificationDate = storedDateTime(date);
      else ctx.print(`NOTICE: Invalid notification date ${date}, changing to now`); // no newline, not logged (oracle sn.17)
    }

    const text = ctx.p.notification_text;
    // decisions.md: `Y` or `y` (the real server wants exactly `Y`).
    const confetti = ctx.p.show_confetti === 'Y' || ctx.p.show_confetti === 'y';
    if (text.length < 1 && !confetti) {
      return ctx.line('ERROR', 'invalid request', `${recipient}|${type}`);
    }

    const row: Insertable<DB['vicidial_agent_notifications']> = {
      entry_date: ctx.clock.nowTime,
      recipient,
      recipient_type: type,
      notification_date: notificationDate,
      notification_retry: /y/i.test(ctx.p.notification_retry) ? 'Y' : 'N',
      notification_status: 'QUEUED',
    };
    if (text.length > 0) {
      const color = ctx.p.text_color || 'black';
      Object.assign(row, {
        notification_text: text,
        // TINYINT UNSIGNED: MySQL's non-strict mode would clamp; we clamp.
        text_size: ctx.p.text_size ? Math.min(255, Number(ctx.p.text_size)) : 12,
        text_font: ctx.p.text_font || 'Arial',
        text_weight: ctx.p.text_weight || 'bold',
        text_color: /^[0-9A-F]{3,6}$/.test(color) ? `#${color}` : color,
      });
    }
    if (confetti) {
      // decisions.md: missing (or 0) values come from CONFETTI_SETTINGS, then 2 / 2350 / 60.
      const defaults = await confettiSettings(ctx.db);
      const pick = (given: string, fallback: number) => (Number(given) > 0 ? given : String(fallback));
      row.show_confetti = 'Y';
      row.confetti_options = [
        pick(ctx.p.duration, defaults.duration),
        pick(ctx.p.maxParticleCount, defaults.maxParticleCount),
        pick(ctx.p.particleSpeed, defaults.particleSpeed),
      ].join(',');
    }
    const res = await ctx.db.insertInto('vicidial_agent_notifications')
      .values(fit('vicidial_agent_notifications', row)).executeTakeFirstOrThrow();
    await ctx.line('SUCCESS', 'notification queued', `${recipient}|${type}|${Number(res.insertId)}`);
  },
});
