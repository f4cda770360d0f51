// The custom voicemail message of vm_message (agent-screen.md §3.20, api-reference.md §2.26):
// when the customer is sent to the voicemail/answering-machine message (LEAVE_VM, the VM
// button), and the answering-machine message of the lead's list (override) or campaign is
// `LTTagent`, the newest message left for the lead in the last day is played and marked
// played. Called by the LEAVE_VM transfer while the call is still the agent's.
import type { Db, LiveAgentRow } from './db.js';
import type { Switch } from '../switch/switch.js';
import { formatDateTime } from '../clock.js';

/** Play the lead's custom message if the campaign asks for it; the files played (`a|b`), or undefined. */
export async function playLeadMessage(db: Db, sw: Switch, agent: Pick<LiveAgentRow, 'user' | 'lead_id' | 'campaign_id' | 'conf_exten' | 'callerid'>, now = new Date()): Promise<string | undefined> {
  if (!(agent.lead_id > 0)) return undefined;
  const campaign = await db.selectFrom('vicidial_campaigns').select('am_message_exten').where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
  const list = await db.selectFrom('vicidial_list').innerJoin('vicidial_lists', 'vicidial_lists.list_id', 'vicidial_list.list_id')
    .select('vicidial_lists.am_message_exten_override').where('vicidial_list.lead_id', '=', agent.lead_id).executeTakeFirst();
  const message = list?.am_message_exten_override || campaign?.am_message_exten || '';
  if (!message.includes('LTTagent')) return undefined;
  const dayAgo = formatDateTime(new Date(now.getTime() - 86_400_000));
  const newest = await db.selectFrom('vicidial_lead_messages').select(['call_date', 'message_entry'])
    .where('lead_id', '=', agent.lead_id).where('call_date', '>=', dayAgo)
    .orderBy('call_date', 'desc').limit(1).executeTakeFirst();
  if (!newest) return undefined;
  await db.updateTable('vicidial_lead_messages').set({ played: 1 })
    .where('lead_id', '=', agent.lead_id).where('call_date', '=', newest.call_date).where('message_entry', '=', newest.message_entry).execute();
  await sw.event(db, { conf_exten: agent.conf_exten, user: agent.user, callerid: agent.callerid, event: 'vm_message', detail: newest.message_entry });
  return newest.message_entry;
}
