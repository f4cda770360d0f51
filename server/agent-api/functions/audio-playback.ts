// api-reference.md §2.11: play, stop, pause, resume or restart an audio-store file in the
// agent's conference, as Asterisk manager commands queued in vicidial_manager.
import { defineFunction, agentParams } from '../function.js';
import type { ApiContext } from '../context.js';
import { liveAgent, requirePermission, type LiveAgent } from '../blocks.js';
import { fit } from '../../db/fit.js';

/** The playback channels the switch creates in a conference (IAX2/ASTplay-<n>). */
const PLAY_PREFIX = 'IAX2/ASTplay-';

/** One vicidial_manager row: action, callerid and the cmd_line_b… values in order. */
export async function queueManagerCommand(ctx: ApiContext, serverIp: string, action: string, callerid: string, lines: string[]): Promise<void> {
  const cols = ['cmd_line_b', 'cmd_line_c', 'cmd_line_d', 'cmd_line_e', 'cmd_line_f', 'cmd_line_g', 'cmd_line_h', 'cmd_line_i', 'cmd_line_j', 'cmd_line_k'] as const;
  const row: Record<string, string> = {};
  cols.forEach((c, i) => { row[c] = lines[i] ?? ''; });
  await ctx.db.insertInto('vicidial_manager').values(fit('vicidial_manager', {
    uniqueid: '', entry_date: ctx.clock.nowTime, status: 'NEW' as const, response: 'N' as const,
    server_ip: serverIp, channel: '', action, callerid, ...row,
  })).execute();
}

/** The first playback channel in a conference, if any. */
export async function playingChannel(ctx: ApiContext, confExten: string, serverIp: string): Promise<string | undefined> {
  const row = await ctx.db.selectFrom('live_channels').select('channel')
    .where('extension', '=', confExten).where('server_ip', '=', serverIp)
    .where('channel', 'like', 'IAX2/ASTplay%').limit(1).executeTakeFirst();
  return row?.channel;
}

/** The Hangup of a playback channel (STOP, PLAY with dial_override, force_fronter_audio_stop). */
export const hangupPlayback = (ctx: ApiContext, serverIp: string, channel: string) =>
  queueManagerCommand(ctx, serverIp, 'Hangup', `PLAYHU${ctx.clock.entryDate}`, [`Channel: ${channel}`]);

/** [A] with audio_playback's `<stage>|<alt_user>` details and data. */
async function resolveAltUser(ctx: ApiContext, stage: string): Promise<void> {
  const alt = ctx.p.alt_user;
  if (alt.length <= 1) return;
  const found = await ctx.db.selectFrom('vicidial_users').select('user')
    .where('custom_three', '=', alt).orderBy('user').limit(1).executeTakeFirst();
  if (found) ctx.agentUser = found.user;
  else await ctx.line('ERROR', 'no user found', `${stage}|${alt}`, { data: `${stage}|${alt}` });
}

/** [L] with audio_playback's `<stage>|<agent_user>` details and data=stage. */
async function requireLoggedIn(ctx: ApiContext, stage: string): Promise<LiveAgent | undefined> {
  const agent = await liveAgent(ctx);
  if (!agent) await ctx.line('ERROR', 'agent_user is not logged in', `${stage}|${ctx.agentUser}`, { data: stage });
  return agent;
}

/**
 * Soundboard debug: each `<time>-----<function>---<options>` item of agent_debug becomes a
 * vicidial_ajax_log row. Runs after the function's own output, whatever it was, unless it exited.
 */
async function logSoundboardDebug(ctx: ApiContext): Promise<void> {
  const { source, agent_debug } = ctx.p;
  if (source !== 'soundboard' || agent_debug.length <= 1 || !(Number(ctx.settings.agent_debug_logging) > 0)) return;
  const runTime = (Number(process.hrtime.bigint() - ctx.request.startedAt) / 1e9).toFixed(6);
  const items = agent_debug.replace(/\|$/, '').split('|');
  for (const [i, item] of items.entries()) {
    const [time, rest = ''] = item.split('-----');
    const [action = '', options = ''] = rest.split('---');
    // A start time that is not a datetime is stored as NULL (MySQL non-strict would store zeros).
    const start = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(time) ? time : null;
    await ctx.db.insertInto('vicidial_ajax_log').values(fit('vicidial_ajax_log', {
      user: ctx.agentUser, start_time: start, db_time: ctx.clock.nowTime, run_time: runTime,
      php_script: 'api.php', action, stage: `${i}|${options}`, last_sql: '',
    })).execute();
  }
}

export const audioPlayback = defineFunction({
  name: 'audio_playback',
  params: [
    ...agentParams,
    { name: 'stage', required: true, values: ['PLAY', 'STOP', 'PAUSE', 'RESUME', 'RESTART'] },
    { name: 'value', format: 'audio-store file name without extension; required for PLAY' },
    { name: 'dial_override', values: ['Y'] },
    { name: 'agent_debug', format: '<time>-----<function>---<options>|… (with source=soundboard)' },
  ],
  async run(ctx) {
    await play(ctx);
    if (!ctx.exited) await logSoundboardDebug(ctx);
  },
});

async function play(ctx: ApiContext): Promise<void> {
  const { value, stage, dial_override } = ctx.p;
  if ((value.length < 1 && stage === 'PLAY') || stage.length < 4 || (ctx.agentUser.length < 1 && ctx.p.alt_user.length < 2)) {
    return ctx.line('ERROR', 'audio_playback not valid', `${value}|${stage}|${ctx.agentUser}`, { data: stage });
  }
  if (!(await requirePermission(ctx))) return;
  await resolveAltUser(ctx, stage);
  const agent = await requireLoggedIn(ctx, stage);
  if (!agent) return;
  const conf = agent.conf_exten ?? '';
  const ip = agent.server_ip ?? '';
  if (conf.length <= 5 || ip.length <= 5) {
    return ctx.line('ERROR', 'audio_playback error - entry is empty', `${stage}|${ctx.agentUser}`, { data: stage });
  }
  const server = await ctx.db.selectFrom('servers').select('ext_context').where('server_ip', '=', ip).executeTakeFirst();
  const context = server?.ext_context ?? '';
  const channel = await playingChannel(ctx, conf, ip);
  const epoch = String(ctx.clock.epoch);

  if (stage === 'PLAY') {
    if (channel && dial_override !== 'Y') {
      const data = `${conf}|${ip}|PLAY|${dial_override}`;
      return ctx.fail('audio_playback error - audio already playing in agent session', `${data}|${ctx.agentUser}`, { data });
    }
    if (channel) {
      await hangupPlayback(ctx, ip, channel);
      await ctx.line('NOTICE', 'audio_playback previous playback stopped', `PLAY|Y|${ctx.agentUser}`, { data: epoch });
    }
    await queueManagerCommand(ctx, ip, 'Originate', value, [
      `Channel: Local/47378216${conf}@${context}`, `Context: ${context}`, 'Exten: 473782158521111',
      'Priority: 1', `CallerID: "${value}" <473782158521111>`,
    ]);
  } else {
    if (!channel) {
      const data = `${conf}|${ip}|${stage}`;
      return ctx.fail('audio_playback error - no audio playing in agent session', `${data}|${ctx.agentUser}`, { data });
    }
    const inc = channel.replaceAll(PLAY_PREFIX, '');
    const control = (callerid: string, code: string) => queueManagerCommand(ctx, ip, 'Originate', callerid, [
      `Channel: Local/473782148521111${inc}@${context}`, `Context: ${context}`, 'Exten: 473782138521111',
      'Priority: 1', `CallerID: ${code}`,
    ]);
    if (stage === 'STOP') await hangupPlayback(ctx, ip, channel);
    else if (stage === 'RESTART') await control(`PLAYRS${ctx.clock.entryDate}`, '4');
    else if (stage === 'PAUSE' || stage === 'RESUME') await control(`PLAYPA${ctx.clock.entryDate}`, '3');
    else {
      // The real server prepares no command for any other stage while audio plays and dies
      // with HTTP 500 (oracle ap.09). We answer with the function's not-valid line instead,
      // change nothing, and exit.
      return ctx.fail('audio_playback not valid', `${value}|${stage}|${ctx.agentUser}`, { data: stage });
    }
  }
  await ctx.line('SUCCESS', 'audio_playback function sent', `${value}|${stage}|${ctx.agentUser}`, { data: epoch });
}
