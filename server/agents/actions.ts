// What the agent does from the screen: the same state machine and switch the API's
// commands go through, applied at once.
import type { Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { fit } from '../db/fit.js';
import type { Db } from './db.js';
import { recordOrigins } from './origins.js';
import { applyPendingIn } from './commands.js';
import { lockAgent, transaction } from '../db/transaction.js';
import type { Switch } from '../switch/switch.js';
import type { AgentAction } from '../../contract/agent.js';
import { changeState, waitingStatus } from './state.js';
import { addActivity } from './activity.js';
import { dispose, inDispo, onCall } from './dispo.js';
import { logout } from './session.js';

export class ActionRefused extends Error {}

/** The preview actions a campaign allows (as preview_dial_action checks them, §2.13). */
export function previewChoices(campaign: { manual_preview_dial: string; alt_number_dialing: string } | undefined): string[] {
  if (!campaign || campaign.manual_preview_dial === 'DISABLED') return [];
  const choices = ['DIALONLY'];
  if (campaign.manual_preview_dial !== 'PREVIEW_ONLY') choices.push('SKIP');
  if (campaign.alt_number_dialing !== 'N') choices.push('ALTDIAL', 'ADR3DIAL', 'FINISH');
  return choices;
}

/** Transactions whose action wrote a command column (applied before they commit). */
const wroteCommand = new WeakSet<object>();

/** Write a command column (applied in the same transaction when it can be, as for the API). */
async function command(db: Db, user: string, set: Updateable<DB['vicidial_live_agents']>): Promise<void> {
  await db.updateTable('vicidial_live_agents').set(fit('vicidial_live_agents', set)).where('user', '=', user).execute();
  await recordOrigins(db, user, Object.keys(set), { by: user, source: 'screen' });
  wroteCommand.add(db);
}

export async function performAction(database: Database, sw: Switch, user: string, action: AgentAction): Promise<void> {
  await transaction(database, async (db) => {
    await act(db, sw, user, action);
    // A command that must wait (pause during a call) stays for the engine.
    if (wroteCommand.has(db)) await applyPendingIn(db, sw, user);
  });
}

async function act(db: Db, sw: Switch, user: string, action: AgentAction): Promise<void> {
  {
    const agent = await lockAgent(db, user);
    if (!agent) throw new ActionRefused('not_logged_in');
    const calling = onCall(agent);
    switch (action.action) {
      case 'pause': {
        if (calling || inDispo(agent)) {
          // Pause after the call, like the dispo screen's "pause" box.
          await command(db, user, { external_pause: `PAUSE!${Math.floor(Date.now() / 1000)}` });
          return;
        }
        if (agent.status === 'PAUSED') {
          if (action.pauseCode) await changeState(db, agent, 'PAUSED', 'PCODE', { pause_code: action.pauseCode.slice(0, 6) }, { comments: 'SCREEN' });
          return;
        }
        await changeState(db, agent, 'PAUSED', 'PAUSE', { pause_code: (action.pauseCode ?? '').slice(0, 6) }, { comments: 'SCREEN' });
        return;
      }
      case 'pause_code':
        if (agent.status !== 'PAUSED') throw new ActionRefused('not_paused');
        await changeState(db, agent, 'PAUSED', 'PCODE', { pause_code: action.pauseCode.slice(0, 6) }, { comments: 'SCREEN' });
        return;
      case 'resume': {
        if (agent.status !== 'PAUSED' || agent.lead_id > 0) throw new ActionRefused('not_paused');
        const campaign = await db.selectFrom('vicidial_campaigns').select('dial_method').where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
        await changeState(db, agent, waitingStatus(agent, campaign?.dial_method ?? 'RATIO'), 'READY', { pause_code: '', external_pause: '', external_pause_code: '' }, { comments: 'SCREEN' });
        return;
      }
      case 'hangup':
        if (!calling) throw new ActionRefused('no_call');
        await sw.hangupCustomer(db, agent, 'agent');
        return;
      case 'dispo':
        if (!inDispo(agent)) throw new ActionRefused('no_dispo');
        if (!/^[A-Za-z0-9_-]{1,6}$/.test(action.status)) throw new ActionRefused('bad_status');
        await dispose(db, sw, agent, { status: action.status, callback: action.callback, pauseAfter: action.pauseAfter, by: user, source: 'screen' });
        return;
      case 'dial': {
        if (agent.status !== 'PAUSED' || agent.lead_id > 0) throw new ActionRefused('not_paused');
        const phone = (action.phoneNumber ?? '').replace(/[^0-9]/g, '');
        if (!action.leadId && phone.length < 2) throw new ActionRefused('bad_number');
        const moved = await sw.dial(db, agent, { phoneNumber: phone, phoneCode: action.phoneCode, leadId: action.leadId });
        if (!moved) throw new ActionRefused('not_paused');
        await addActivity(db, user, 'activity.dialing', { number: phone });
        return;
      }
      case 'preview': {
        if (agent.preview_lead_id <= 0) throw new ActionRefused('no_preview');
        const campaign = await db.selectFrom('vicidial_campaigns').select(['manual_preview_dial', 'alt_number_dialing'])
          .where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
        if (!previewChoices(campaign).includes(action.choice)) throw new ActionRefused('not_allowed');
        await command(db, user, { external_dial: action.choice });
        return;
      }
      case 'transfer': {
        if (!calling) throw new ActionRefused('no_call');
        // As the API does (transfer-group.ts): a queue must exist and take calls.
        if (action.fn === 'LOCAL_CLOSER' || (action.ingroup && action.consultative)) {
          const group = await db.selectFrom('vicidial_inbound_groups').select('group_id')
            .where('group_id', '=', action.ingroup ?? '').where('active', '=', 'Y').executeTakeFirst();
          if (!group) throw new ActionRefused('bad_ingroup');
        }
        const fields = [action.fn, action.ingroup ?? '', (action.phoneNumber ?? '').replace(/[^0-9A-Za-z*#]/g, ''), action.consultative ? 'YES' : 'NO', '', '', '', String(Math.floor(Date.now() / 1000)), ''];
        await command(db, user, { external_transferconf: fields.join('---') });
        return;
      }
      case 'park':
        if (!calling) throw new ActionRefused('no_call');
        await command(db, user, { external_park: action.value });
        return;
      case 'record':
        await command(db, user, { external_recording: action.value === 'STOP' ? 'STOP' : 'START' });
        return;
      case 'dtmf': {
        const tones = action.tones.replace(/#/g, 'P').replace(/\*/g, 'S').replace(/[^0-9PSQ]/g, '');
        if (!tones) throw new ActionRefused('bad_tones');
        await command(db, user, { external_dtmf: tones });
        return;
      }
      case 'logout':
        if (calling) throw new ActionRefused('on_call');
        if (inDispo(agent)) throw new ActionRefused('dispo_pending');
        await logout(db, sw, agent, 'SCREEN');
        return;
    }
  }
}
