// api-reference.md §2.3: the host's facts under the real labels; where a PHP or Apache
// fact has no meaning here, Node's equivalent stands under the same label.
import os from 'node:os';
import { statfsSync } from 'node:fs';
import v8 from 'node:v8';
import { defineFunction } from '../function.js';
import { requirePermission } from '../blocks.js';

function timezoneFacts(now: Date): { id: string; abbr: string; dst: number } {
  const id = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const abbr = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'short' })
    .formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? id;
  const jan = new Date(now.getFullYear(), 0, 1).getTimezoneOffset();
  const jul = new Date(now.getFullYear(), 6, 1).getTimezoneOffset();
  const dst = jan !== jul && now.getTimezoneOffset() === Math.min(jan, jul) ? 1 : 0;
  return { id: id === 'Etc/UTC' ? 'UTC' : id, abbr, dst };
}

function diskFree(): number {
  try {
    const s = statfsSync('/');
    return s.bavail * s.bsize;
  } catch {
    return 0;
  }
}

export const webserver = defineFunction({
  name: 'webserver',
  params: [],
  async run(ctx) {
    if (!(await requirePermission(ctx, ''))) return;
    const tz = timezoneFacts(ctx.clock.now);
    const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1048576);
    const lines = [
      'Webserver Data:',
      `set.timezone: ${tz.id}`,
      `abbr.timezone: ${tz.abbr}`,
      `dst.timezone: ${tz.dst}`,
      `uname: ${os.type()} ${ctx.request.hostname} ${os.release()} ${os.version()} ${os.machine()}`,
      `host name: ${ctx.request.hostname}`,
      `server name: ${ctx.request.serverName}`,
      `php version: Node.js ${process.version}`,
      `apache version: Fastify (${process.release.name})`,
      `apache processes: 1`,
      `system load average: ${os.loadavg()[0].toFixed(2)}`,
      `disk free space: ${diskFree()}`,
      `date.timezone: ${tz.id}`,
      'maximum execution time: 0',
      'maximum input time: 0',
      `memory limit: ${heapLimitMb}M`,
      'post maximum size: 1M',
      'upload maximum filesize: 1M',
      'default socket timeout: 0',
    ];
    ctx.print(`<PRE>${lines.join('\n')}\n</PRE>\n`);
    await ctx.log({ result: 'SUCCESS', reason: '', data: `${lines.join('|')}|` });
    ctx.exit();
  },
});
