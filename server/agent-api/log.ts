// vicidial_api_log / vicidial_api_urls, with the values the real server writes (§1.7),
// minus passwords (decisions.md): the logged URL carries `pass=XXXXXXXX`.
import type { ApiContext, Result } from './context.js';
import { fit } from '../db/fit.js';

export interface LogEntry {
  result: Result;
  /** The reason text without the result word. */
  reason: string;
  data: string;
  agentUser: string;
  value: string;
}

export const SCRIPT_NAME = '/agc/api.php';

export function apiPage(ctx: Pick<ApiContext, 'request'>): string {
  const { https, serverName, serverPort } = ctx.request;
  const port = serverPort === 80 || serverPort === 443 || !serverPort ? '' : `:${serverPort}`;
  return `${https ? 'https' : 'http'}://${serverName}${port}${SCRIPT_NAME}`;
}

/** decisions.md: logs store no password. The `pass=` value of a whole URL, as VICIdial masks it. */
export const maskUrlPass = (url: string): string => url.replace(/([?&])pass=[^&]*/g, '$1pass=XXXXXXXX');

/**
 * Replace the value of every part of a query string whose name decodes to `pass` (also
 * `%70ass=`, `pass[]=`, which the intake reads as the password); nothing else changes.
 */
export function maskPassword(query: string): string {
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return part;
    let name = part.slice(0, eq);
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // an undecodable name is not `pass`
    }
    return name.replace(/\[.*$/, '') === 'pass' ? `${part.slice(0, eq)}=XXXXXXXX` : part;
  }).join('&');
}

async function webserverId(ctx: ApiContext): Promise<number> {
  // Looked up by the values as stored (cut to the column widths), so an over-long Host
  // header finds its row again instead of inserting a duplicate.
  const { webserver, hostname } = fit('vicidial_webservers', { webserver: ctx.request.serverName || 'X', hostname: ctx.request.hostname || 'X' });
  const found = await ctx.db.selectFrom('vicidial_webservers').select('webserver_id')
    .where('webserver', '=', webserver).where('hostname', '=', hostname).executeTakeFirst();
  if (found) return found.webserver_id;
  const res = await ctx.db.insertInto('vicidial_webservers').values({ webserver, hostname }).executeTakeFirstOrThrow();
  return Number(res.insertId);
}

async function urlId(ctx: ApiContext, fullPage: string): Promise<number> {
  const page = fit('vicidial_urls', { url: fullPage }).url;
  const found = await ctx.db.selectFrom('vicidial_urls').select('url_id').where('url', '=', page).executeTakeFirst();
  if (found) return found.url_id;
  const res = await ctx.db.insertInto('vicidial_urls').values({ url: page }).executeTakeFirstOrThrow();
  return Number(res.insertId);
}

export async function writeApiLog(ctx: ApiContext, entry: LogEntry): Promise<void> {
  const page = apiPage(ctx);
  const runTime = Number(process.hrtime.bigint() - ctx.request.startedAt) / 1e9;
  const webserver = await webserverId(ctx);
  const api_url = await urlId(ctx, page);
  const res = await ctx.db.insertInto('vicidial_api_log').values(fit('vicidial_api_log', {
    user: ctx.p.user,
    api_date: ctx.clock.nowTime,
    api_script: 'agent',
    function: ctx.p.function,
    agent_user: entry.agentUser,
    value: entry.value,
    result: entry.result,
    result_reason: entry.reason,
    source: ctx.p.source,
    data: entry.data.replace(/"/g, "'"),
    run_time: runTime.toFixed(6),
    webserver,
    api_url,
  })).executeTakeFirstOrThrow();
  await ctx.db.insertInto('vicidial_api_urls').values({
    api_id: Number(res.insertId),
    api_date: ctx.clock.nowTime,
    remote_ip: ctx.request.remoteIp,
    url: `${page}?${maskPassword(ctx.request.queryString)}`,
  }).execute();
}
