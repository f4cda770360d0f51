// vicidial_api_log / vicidial_api_urls, with the values the real server writes (§1.7),
// minus passwords (decisions.md): the logged URL carries `pass=XXXXXXXX`.
import type { ApiContext, Result } from './context.js';
import { fit } from '../db/fit.js';
import type { Database } from '../db/database.js';
import { formatDateTime } from '../clock.js';

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
  const q = query.indexOf('?');
  if (q >= 0 && !query.slice(0, q).includes('=')) return `${query.slice(0, q + 1)}${maskPassword(query.slice(q + 1))}`;
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) return /pass/i.test(part) ? 'XXXXXXXX' : part;
    // The name as the intake reads it: percent-decoded (also when only partly valid),
    // `+` a space, an array suffix dropped, case kept (`PASS` is not the password).
    const name = part.slice(0, eq).replace(/\+/g, ' ').replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (name.replace(/\[.*$/, '') === 'pass') return `${part.slice(0, eq)}=XXXXXXXX`;
    // Anything else naming a password (a JSON body sent as a form, `%22pass%22:%22...`) is hidden whole.
    return /pass/i.test(name) ? 'XXXXXXXX=XXXXXXXX' : part;
  }).join('&');
}

/** How long API log rows are kept, and how often old ones are removed (README "Security"). */
const PRUNE_EVERY_MS = 3600_000;
const PRUNE_BATCH = 5000;

/** Remove vicidial_api_log / vicidial_api_urls rows older than `days` (in batches); the count removed. */
export async function pruneApiLog(database: Database, days: number, now = new Date()): Promise<number> {
  if (!(days > 0)) return 0;
  const cutoff = formatDateTime(new Date(now.getTime() - days * 86400_000));
  let removed = 0;
  for (;;) {
    const ids = (await database.db.selectFrom('vicidial_api_log').select('api_id').where('api_date', '<', cutoff).limit(PRUNE_BATCH).execute()).map((r) => r.api_id);
    if (!ids.length) break;
    await database.db.deleteFrom('vicidial_api_urls').where('api_id', 'in', ids).execute();
    await database.db.deleteFrom('vicidial_api_log').where('api_id', 'in', ids).execute();
    removed += ids.length;
    if (ids.length < PRUNE_BATCH) break;
  }
  await database.db.deleteFrom('vicidial_api_urls').where('api_date', '<', cutoff).execute();
  return removed;
}

/** Prune now and every hour, in the background (a timer that does not keep the process alive). */
export function pruneApiLogInBackground(database: Database, days: number, onError: (err: unknown) => void): () => void {
  if (!(days > 0)) return () => undefined;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    pruneApiLog(database, days).catch(onError).finally(() => { running = false; });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, PRUNE_EVERY_MS);
  first.unref();
  timer.unref();
  return () => { clearTimeout(first); clearInterval(timer); };
}

/**
 * The dictionary rows (vicidial_webservers, vicidial_urls) are shared by every request:
 * found, else inserted atomically (INSERT IGNORE), then found again. On MariaDB the
 * request's REPEATABLE READ snapshot may predate a concurrent insert, so the second look
 * is a locking read (latest committed). Done on the request's own transaction: a second
 * pool connection per request could starve the pool while transactions wait on each other.
 */
async function dictionaryId<T>(ctx: ApiContext, find: (locking: boolean) => Promise<T | undefined>, insert: () => Promise<unknown>): Promise<T> {
  const found = await find(false);
  if (found !== undefined) return found;
  await insert();
  return (await find(false)) ?? (await find(ctx.database.dialect === 'mysql'))!;
}

async function webserverId(ctx: ApiContext): Promise<number> {
  // Looked up by the values as stored (cut to the column widths), so an over-long Host
  // header finds its row again instead of inserting a duplicate.
  const { webserver, hostname } = fit('vicidial_webservers', { webserver: ctx.request.serverName || 'X', hostname: ctx.request.hostname || 'X' });
  return dictionaryId(ctx, async (locking) => {
    let q = ctx.db.selectFrom('vicidial_webservers').select('webserver_id').where('webserver', '=', webserver).where('hostname', '=', hostname);
    if (locking) q = q.forUpdate();
    return (await q.executeTakeFirst())?.webserver_id;
  }, () => ctx.db.insertInto('vicidial_webservers').orIgnore().values({ webserver, hostname }).execute());
}

async function urlId(ctx: ApiContext, fullPage: string): Promise<number> {
  const page = fit('vicidial_urls', { url: fullPage }).url;
  return dictionaryId(ctx, async (locking) => {
    let q = ctx.db.selectFrom('vicidial_urls').select('url_id').where('url', '=', page);
    if (locking) q = q.forUpdate();
    return (await q.executeTakeFirst())?.url_id;
  }, () => ctx.db.insertInto('vicidial_urls').orIgnore().values({ url: page }).execute());
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
  // The URL is cut to the column's width in bytes (MEDIUMTEXT, as VICIdial's).
  await ctx.db.insertInto('vicidial_api_urls').values(fit('vicidial_api_urls', {
    api_id: Number(res.insertId),
    api_date: ctx.clock.nowTime,
    remote_ip: ctx.request.remoteIp,
    url: `${page}?${maskPassword(ctx.request.queryString)}`,
  })).execute();
}
