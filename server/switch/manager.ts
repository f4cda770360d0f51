// The simulated switch carries out the Asterisk Manager commands the API queues in
// vicidial_manager (audio_playback, call_agent, ra_call_control, force_fronter_*), as the
// real telephony side would: playback channels appear in live_channels, hangups and
// redirects move calls, and every row is marked SENT once carried out.
import { randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Db } from '../agents/db.js';
import { fit } from '../db/fit.js';
import type { Switch } from './switch.js';

type ManagerRow = Selectable<DB['vicidial_manager']>;

const PLAY_EXTEN = 'Exten: 473782158521111';
const CONTROL_EXTEN = 'Exten: 473782138521111';
export const PLAYBACK_PREFIX = 'IAX2/ASTplay-';

function header(row: ManagerRow, name: string): string {
  for (const k of ['cmd_line_b', 'cmd_line_c', 'cmd_line_d', 'cmd_line_e', 'cmd_line_f', 'cmd_line_g', 'cmd_line_h', 'cmd_line_i', 'cmd_line_j', 'cmd_line_k'] as const) {
    const line = row[k] ?? '';
    if (line.startsWith(`${name}:`)) return line.slice(name.length + 1).trim();
  }
  return '';
}

async function confOfLocal(channel: string, prefix: string): Promise<string> {
  const m = new RegExp(`^Local/${prefix}(\\d+)@`).exec(channel);
  return m ? m[1] : '';
}

export async function processManagerQueue(db: Db, sw: Switch): Promise<void> {
  const rows = await db.selectFrom('vicidial_manager').selectAll().where('status', '=', 'NEW').orderBy('man_id').limit(100).execute();
  for (const row of rows) {
    const claimed = await db.updateTable('vicidial_manager').set({ status: 'SENT' }).where('man_id', '=', row.man_id).where('status', '=', 'NEW').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const channel = header(row, 'Channel');
    const lines = [row.cmd_line_b, row.cmd_line_c, row.cmd_line_d, row.cmd_line_e].join('\n');
    if (row.action === 'Originate' && lines.includes(PLAY_EXTEN)) {
      const conf = await confOfLocal(channel, '47378216');
      await db.deleteFrom('live_channels').where('extension', '=', conf).where('channel', 'like', `${PLAYBACK_PREFIX}%`).execute();
      await db.insertInto('live_channels').values(fit('live_channels', {
        channel: `${PLAYBACK_PREFIX}${randomInt(10000, 99999)}`, server_ip: row.server_ip, channel_group: 'PLAYING', extension: conf, channel_data: row.callerid,
      })).execute();
      await sw.event(db, { conf_exten: conf, event: 'playback', detail: `PLAY ${row.callerid}` });
    } else if (row.action === 'Originate' && lines.includes(CONTROL_EXTEN)) {
      const inc = /^Local\/473782148521111(\d+)@/.exec(channel)?.[1] ?? '';
      const play = await db.selectFrom('live_channels').selectAll().where('channel', '=', `${PLAYBACK_PREFIX}${inc}`).executeTakeFirst();
      if (!play) continue;
      const code = header(row, 'CallerID');
      const next = code === '4' ? 'PLAYING' : play.channel_group === 'PAUSED' ? 'PLAYING' : 'PAUSED';
      await db.updateTable('live_channels').set({ channel_group: next }).where('channel', '=', play.channel).execute();
      await sw.event(db, { conf_exten: play.extension, event: 'playback', detail: `${code === '4' ? 'RESTART' : next === 'PAUSED' ? 'PAUSE' : 'RESUME'} ${play.channel_data}` });
    } else if (row.action === 'Hangup') {
      if (channel.startsWith(PLAYBACK_PREFIX)) {
        const play = await db.selectFrom('live_channels').selectAll().where('channel', '=', channel).executeTakeFirst();
        await db.deleteFrom('live_channels').where('channel', '=', channel).execute();
        await sw.event(db, { conf_exten: play?.extension ?? '', event: 'playback', detail: `STOP ${play?.channel_data ?? ''}` });
      } else {
        const call = await db.selectFrom('vicidial_auto_calls').select('callerid').where('channel', '=', channel).executeTakeFirst();
        if (call) await sw.customerHangup(db, call.callerid);
        else await sw.event(db, { event: 'hangup', detail: channel });
      }
    } else if (row.action === 'Redirect') {
      const exten = header(row, 'Exten');
      await sw.event(db, { callerid: row.callerid, event: 'redirect', detail: `${channel} -> ${exten}` });
      // ra_call_control INGROUPTRANSFER: 90009*<group>**<lead>**<phone>**<user>** puts the customer in the in-group's queue.
      const xfer = /^90009\*([^*]+)\*\*(\d*)\*\*([^*]*)\*\*/.exec(exten);
      if (xfer) await sw.placeInbound(db, { ingroup: xfer[1], leadId: Number(xfer[2]) || undefined, phoneNumber: xfer[3] || undefined });
    } else if (row.action === 'Originate') {
      await sw.event(db, { callerid: row.callerid, event: 'originate', detail: `${channel} -> ${header(row, 'Exten')}` });
    }
  }
}
