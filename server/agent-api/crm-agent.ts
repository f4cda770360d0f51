// The shared prologue of the CRM functions st_login_log and st_get_agent_active_lead
// (§2.19, §2.20): value (CRM agent id) and vendor_id required, then [P], then the user
// whose custom_three is the CRM id (case-insensitive collation, lowest user first).
import type { ApiContext } from './context.js';
import type { ParamDecl } from './function.js';
import { requirePermission } from './blocks.js';

export const crmAgentParams: readonly ParamDecl[] = [
  { name: 'value', required: true, format: 'CRM agent id (vicidial_users.custom_three)' },
  { name: 'vendor_id', required: true, format: 'CRM team id' },
];

/** The agent's user, or undefined after the function's error line. */
export async function crmAgent(ctx: ApiContext): Promise<string | undefined> {
  const { value, vendor_id } = ctx.p;
  if (value.length < 1 || vendor_id.length < 1) {
    await ctx.line('ERROR', `${ctx.fn} not valid`, `${value}|${vendor_id}`, { data: `${value}|${vendor_id}` });
    return undefined;
  }
  if (!(await requirePermission(ctx))) return undefined;
  const found = await ctx.db.selectFrom('vicidial_users').select('user')
    .where('custom_three', '=', value).orderBy('user').limit(1).executeTakeFirst();
  if (!found) {
    await ctx.line('ERROR', 'no user found', value);
    return undefined;
  }
  return found.user;
}
