// api-reference.md §2.9: show the agent session's webphone URL, bare or as a redirect page.
import { addEffect } from '../../agents/activity.js';
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser } from '../blocks.js';

export const webphoneUrl = defineFunction({
  name: 'webphone_url',
  params: [...agentParams, { name: 'value', required: true, values: ['DISPLAY', 'LAUNCH'] }],
  async run(ctx) {
    const { value, alt_user } = ctx.p;
    if ((value !== 'DISPLAY' && value !== 'LAUNCH') || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'webphone_url not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    if (!(await requireLoggedIn(ctx))) return;
    const session = await ctx.db.selectFrom('vicidial_session_data').select('webphone_url')
      .where('user', '=', ctx.agentUser).limit(1).executeTakeFirst();
    if (!session) return ctx.line('ERROR', 'webphone_url error - no session data', ctx.agentUser);
    const url = session.webphone_url ?? '';
    if (url.length <= 5) return ctx.line('ERROR', 'webphone_url error - webphone url is empty', ctx.agentUser);
    if (value === 'DISPLAY') {
      // The body is the bare URL, no newline (oracle wp.01).
      ctx.print(url);
      await ctx.log({ result: 'NOTICE', reason: 'webphone_url active and displayed', data: '' });
      return;
    }
    // issue 6: the agent's screen opens the webphone too (embedded or in its own window).
    await addEffect(ctx.db, ctx.agentUser, 'webphone', { url });
    // Logged before the page is written; the fragment has no <HTML>/<HEAD> opening (oracle wp.02).
    await ctx.log({ result: 'NOTICE', reason: 'webphone_url active and launched', data: '' });
    ctx.print(`<META HTTP-EQUIV=Refresh CONTENT="0; URL=${url}">\n</HEAD>\n`
      + '<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n'
      + `<a href="${url}">click here to continue. . .</a>\n</BODY>\n`);
  },
});
