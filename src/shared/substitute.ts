// VICIdial's --A--name--B-- variables in scripts and web form addresses, filled from the
// lead and the session (agent-screen.md §3.9: scripts and web form links follow the lead).
// In a URL every value is URL-encoded; in a script the result is shown as text.
import type { AgentSnapshot } from '../../contract/agent.js';

export type FieldValues = Record<string, string>;

const VARIABLE = /--A--([A-Za-z0-9_]+)--B--/g;

/** Unknown variables become empty, as a field with no value would. */
export function substituteFields(template: string, values: FieldValues, encode = false): string {
  return template.replace(VARIABLE, (_, name: string) => {
    const value = values[name] ?? values[name.toLowerCase()] ?? '';
    return encode ? encodeURIComponent(value) : value;
  });
}

/** The values a script or web form may name: every lead field plus the agent's session and call. */
export function fieldValues(snapshot: Pick<AgentSnapshot, 'agent' | 'call' | 'lead'>): FieldValues {
  const values: FieldValues = {};
  for (const [name, value] of Object.entries(snapshot.lead ?? {})) values[name] = value === null || value === undefined ? '' : String(value);
  const { agent, call, lead } = snapshot;
  Object.assign(values, {
    vendor_id: lead?.vendor_lead_code ?? '',
    phone: lead?.phone_number ?? '',
    user: agent.user,
    fullname: agent.fullName,
    campaign: agent.campaignId,
    session_id: agent.sessionId,
    server_ip: agent.serverIp,
    SIPexten: agent.extension.replace(/^[^/]*\//, ''),
    call_id: call?.callerid ?? '',
    uniqueid: call?.uniqueid ?? '',
    channel_group: call?.ingroup ?? agent.campaignId,
    group: call?.ingroup ?? agent.campaignId,
    dialed_number: call?.phoneNumber ?? '',
  });
  return values;
}

/** The web form address with the lead's values, or '' when the campaign has none. */
export function webFormUrl(address: string, values: FieldValues): string {
  return address.trim() ? substituteFields(address.trim(), values, true) : '';
}
