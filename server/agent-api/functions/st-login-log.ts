// api-reference.md §2.19: find the user whose custom_three is the CRM agent id (the
// column's case-insensitive collation, lowest user first) and stamp the CRM team id into
// custom_four. decisions.md: the UPDATE is parameterised, so a quote in vendor_id is
// simply stored (the real server's UPDATE broke behind a SUCCESS, oracle stl.04).
import { defineFunction } from '../function.js';
import { requirePermission } from '../blocks.js';
import { fit } from '../../db/fit.js';

export const stLoginLog = defineFunction({
  name: 'st_login_log',
  params: [
    { name: 'value', required: true, format: 'CRM agent id (vicidial_users.custom_three)' },
    { name: 'vendor_id', required: true, format: 'CRM team id' },
  ],
  async run(ctx) {
    const { value, vendor_id } = ctx.p;
    if (value.length < 1 || vendor_id.length < 1) {
      return ctx.line('ERROR', 'st_login_log not valid', `${value}|${vendor_id}`, { data: `${value}|${vendor_id}` });
    }
    if (!(await requirePermission(ctx))) return;
    const found = await ctx.db.selectFrom('vicidial_users').select('user')
      .where('custom_three', '=', value).orderBy('user').limit(1).executeTakeFirst();
    if (!found) return ctx.line('ERROR', 'no user found', value);
    await ctx.db.updateTable('vicidial_users').set(fit('vicidial_users', { custom_four: vendor_id }))
      .where('user', '=', found.user).execute();
    await ctx.line('SUCCESS', 'st_login_log user found', found.user, { data: found.user });
  },
});
