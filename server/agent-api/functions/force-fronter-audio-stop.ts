// api-reference.md §2.30: stop an audio_playback playing in the fronter's session (the other
// agent on the same lead, live or in the last 5 minutes), locally or over CCC.
import { defineFunction } from '../function.js';
import { clockAt, type ApiContext } from '../context.js';
import { sendOverCcc } from '../ccc.js';
import { fronterCallLead, fronterParams, liveFronter } from './force-fronter-leave-3way.js';
import { hangupPlayback, playingChannel } from './audio-playback.js';

interface FronterSession { user: string; conf: string; ip: string }

/** A live fronter, else the newest other agent's session on the lead in the last 5 minutes. */
async function findFronter(ctx: ApiContext, lead: number): Promise<FronterSession | undefined> {
  const live = await liveFronter(ctx, lead);
  if (live) return { user: live.user, conf: live.conf_exten ?? '', ip: live.server_ip ?? '' };
  const since = clockAt(new Date(ctx.clock.now.getTime() - 5 * 60 * 1000)).nowTime;
  const recent = await ctx.db.selectFrom('vicidial_sessions_recent').select(['user', 'conf_exten', 'server_ip'])
    .where('user', '!=', ctx.agentUser).where('lead_id', '=', lead).where('call_date', '>', since)
    .orderBy('call_date', 'desc').limit(1).executeTakeFirst();
  if (!recent) return undefined;
  const found = { user: recent.user, conf: recent.conf_exten ?? '', ip: recent.server_ip ?? '' };
  if (found.ip.length < 5 && found.conf.length < 1) {
    // A recent-session row without its conference: the fronter's live row, if any, has it.
    const row = await ctx.db.selectFrom('vicidial_live_agents').select(['conf_exten', 'server_ip'])
      .where('user', '=', found.user).executeTakeFirst();
    if (row) return { user: found.user, conf: row.conf_exten ?? '', ip: row.server_ip ?? '' };
  }
  return found;
}

export const forceFronterAudioStop = defineFunction({
  name: 'force_fronter_audio_stop',
  params: [...fronterParams, { name: 'stage', format: 'free text echoed in the reply (normally not sent)' }],
  async run(ctx) {
    const lead = await fronterCallLead(ctx, 'force_fronter_audio_stop');
    if (lead === undefined) return;
    const { value, stage } = ctx.p;
    const fronter = await findFronter(ctx, lead);
    if (fronter) {
      const { user: other, conf, ip } = fronter;
      if (conf.length <= 5 || ip.length <= 5) {
        return ctx.line('ERROR', 'force_fronter_audio_stop error - no fronter session found', `${stage}|${ctx.agentUser}|${other}`, { data: stage });
      }
      const channel = await playingChannel(ctx, conf, ip);
      if (!channel) {
        const data = `${conf}|${ip}|${stage}`;
        return ctx.fail('force_fronter_audio_stop error - no audio playing in other agent session', `${data}|${ctx.agentUser}|${other}`, { data });
      }
      await hangupPlayback(ctx, ip, channel);
      return ctx.line('SUCCESS', 'force_fronter_audio_stop function sent', `${value}|${stage}|${ctx.agentUser}|${other}`, { data: String(ctx.clock.epoch) });
    }
    if (value === 'LOCAL_AND_CCC') {
      const container = await sendOverCcc(ctx, 'force_fronter_audio_stop', lead);
      if (container !== undefined) return ctx.line('SUCCESS', 'force_fronter_audio_stop command sent over CCC', container);
    }
    await ctx.line('ERROR', 'no fronter found', ctx.agentUser);
  },
});
