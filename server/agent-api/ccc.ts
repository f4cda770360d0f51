// Cross-cluster communication (CCC) for force_fronter_* with LOCAL_AND_CCC (api-reference.md
// §2.29 step 5, §2.30): when the fronter of a lead is not on this cluster, the lead's
// vicidial_ccc_log row names the remote lead and a settings container whose entry is the
// remote cluster's non-agent API URL (`…/vicidial/non_agent_api.php?…&function=ccc_lead_info…`).
// That URL is turned into the remote agent API call with value=CCC_REMOTE, fetched with
// a short timeout, and logged in vicidial_url_log.
import type { ApiContext } from './context.js';
import { fit } from '../db/fit.js';
import { maskUrlPass } from './log.js';

export type CccFunction = 'force_fronter_leave_3way' | 'force_fronter_audio_stop';

/** How long the remote cluster has to answer (the request's transaction stays open meanwhile). */
export const cccSettings = { timeoutMs: 5000 };

/** The remote agent-API URL built from a container entry (§2.29 step 5). */
export function cccUrl(containerEntry: string, fn: CccFunction, remoteLeadId: number | string): string {
  return containerEntry.trim()
    .replace(/ccc_lead_info/g, `${fn}&value=CCC_REMOTE&lead_id=${remoteLeadId}&agent_user=CCC_REMOTE`)
    .replace(/vicidial\/non_agent_|admin\/non_agent_/g, 'agc/');
}

/**
 * Send the command for `leadId` to the remote cluster. Returns the container_id when the
 * remote cluster answered (HTTP 2xx with a body, as PHP's file() needs), otherwise undefined:
 * no vicidial_ccc_log row, no container, not an http(s) URL, an error or a timeout.
 */
export async function sendOverCcc(ctx: ApiContext, fn: CccFunction, leadId: number, timeoutMs = cccSettings.timeoutMs): Promise<string | undefined> {
  const link = await ctx.db.selectFrom('vicidial_ccc_log').select(['remote_lead_id', 'container_id'])
    .where('lead_id', '=', leadId).orderBy('call_date', 'desc').limit(1).executeTakeFirst();
  if (!link) return undefined;
  const container = await ctx.db.selectFrom('vicidial_settings_containers').select('container_entry')
    .where('container_id', '=', link.container_id).executeTakeFirst();
  if (!container) return undefined;
  const url = cccUrl(container.container_entry ?? '', fn, link.remote_lead_id);

  const inserted = await ctx.db.insertInto('vicidial_url_log').values(fit('vicidial_url_log', {
    uniqueid: '', url_date: ctx.clock.nowTime, url_type: 'start', url: maskUrlPass(url).replace(/;/g, ''), url_response: '',
  })).executeTakeFirstOrThrow();
  const started = Date.now();
  let answered = false;
  let response: string;
  try {
    // Only http(s): PHP's file() would also read a local path named in the container.
    if (!/^https?:\/\//i.test(url)) throw new Error('not an http(s) URL');
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    const body = await res.text();
    answered = res.ok && body.length > 0;
    response = answered ? body : `ERROR: HTTP ${res.status} ${res.statusText}`.trim();
  } catch (err) {
    response = `ERROR: ${(err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message}`;
  }
  await ctx.db.updateTable('vicidial_url_log').set(fit('vicidial_url_log', {
    response_sec: Math.min(65535, Math.round((Date.now() - started) / 1000)),
    url_response: response.replace(/;/g, ''),
  })).where('url_log_id', '=', Number(inserted.insertId)).execute();
  return answered ? link.container_id : undefined;
}
