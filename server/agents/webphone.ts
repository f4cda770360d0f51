// The agent's webphone URL, built at login (agent-screen.md §3.17): the base URL from
// system_settings.webphone_url, then every value base64-encoded in VICIdial's order.
// Only for a phone whose is_webphone is Y (embedded) or Y_API_LAUNCH (launched through the API).
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.js';

type Phone = Pick<Selectable<DB['phones']>, 'extension' | 'conf_secret' | 'outbound_cid' | 'protocol' | 'codecs_list' | 'is_webphone'
  | 'webphone_dialpad' | 'webphone_auto_answer' | 'webphone_dialbox' | 'webphone_mute' | 'webphone_volume' | 'webphone_debug' | 'webphone_layout'>;

export interface WebphoneContext {
  baseUrl: string;
  systemKey: string;
  serverIp: string;
  /** The agent's session (conf_exten). */
  sessionId: string;
}

const DIALPAD: Record<string, string> = { Y: 'DIALPAD_Y', N: 'DIALPAD_N', TOGGLE: 'DIALPAD_TOGGLE', TOGGLE_OFF: 'DIALPAD_OFF_TOGGLE' };

export function webphoneOptions(phone: Phone, sessionId: string): string {
  const parts = ['INITIAL_LOAD', DIALPAD[phone.webphone_dialpad] ?? 'DIALPAD_Y', `AUTOANSWER_${phone.webphone_auto_answer}`,
    `DIALBOX_${phone.webphone_dialbox}`, `MUTE_${phone.webphone_mute}`, `VOLUME_${phone.webphone_volume}`];
  if (phone.webphone_debug === 'Y') parts.push('DEBUG');
  if (phone.webphone_layout) parts.push(`WEBPHONELAYOUT${phone.webphone_layout}`);
  parts.push(`SESSION${sessionId}`);
  return parts.join('--');
}

const b64 = (value: string) => encodeURIComponent(Buffer.from(value, 'utf8').toString('base64'));

/** '' when the phone is no webphone or no base URL is configured. */
export function webphoneUrl(phone: Phone, ctx: WebphoneContext): string {
  if ((phone.is_webphone !== 'Y' && phone.is_webphone !== 'Y_API_LAUNCH') || !ctx.baseUrl) return '';
  const query = [
    ['phone_login', phone.extension], ['phone_login', phone.extension], ['phone_pass', phone.conf_secret],
    ['server_ip', ctx.serverIp], ['callerid', phone.outbound_cid], ['protocol', phone.protocol],
    ['codecs', phone.codecs_list.replace(/[\s&-]/g, '')], ['options', webphoneOptions(phone, ctx.sessionId)], ['system_key', ctx.systemKey],
  ].map(([name, value]) => `${name}=${b64(value)}`).join('&');
  return `${ctx.baseUrl}${ctx.baseUrl.includes('?') ? '&' : '?'}${query}`;
}
