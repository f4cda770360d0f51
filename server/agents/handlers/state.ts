// Commands that change the agent's state: hangup, disposition, pause/resume/logout,
// pause code (agent-screen.md §3.1–§3.4, §3.21).
import type { LiveAgentRow } from '../db.js';
import type { CommandHandler } from './types.js';
import { changeState, waitingStatus } from '../state.js';
import { addActivity } from '../activity.js';
import { dispose, inDispo, onCall, parseExternalStatus } from '../dispo.js';
import { logout } from '../session.js';

const busy = (a: LiveAgentRow) => onCall(a) || inDispo(a);

export const stateHandlers: CommandHandler[] = [
  {
    // agent-screen.md §3.1: acts on `1` with a call; a stale flag never kills a later call.
    column: 'external_hangup',
    functions: ['external_hangup'],
    cleared: '0',
    pending: (a) => a.external_hangup !== '' && a.external_hangup !== '0',
    ready: () => true,
    async apply(db, sw, agent, value, by) {
      if (value !== '1' || !onCall(agent)) return;
      const moved = await sw.hangupCustomer(db, agent, `api:${by.by}`);
      if (moved) await addActivity(db, agent.user, 'activity.hungUp', { ...by });
    },
  },
  {
    // §3.2: waits for the hangup; applied when the disposition is pending; wiped when idle.
    column: 'external_status',
    functions: ['external_status'],
    cleared: '',
    pending: (a) => a.external_status !== '',
    ready: (a) => !onCall(a),
    async apply(db, sw, agent, value, by) {
      if (!inDispo(agent)) return;
      await dispose(db, sw, agent, { ...parseExternalStatus(value), by: by.by, source: by.source });
    },
  },
  {
    // §3.3/§3.4 with decisions.md: PAUSE and LOGOUT wait for the disposition to be saved.
    column: 'external_pause',
    functions: ['external_pause', 'logout'],
    cleared: '',
    pending: (a) => a.external_pause !== '',
    ready: (a) => !busy(a),
    async apply(db, sw, agent, value, by) {
      if (value === 'LOGOUT') {
        await addActivity(db, agent.user, 'activity.loggedOutByApi', { ...by });
        await logout(db, sw, agent, 'API');
        return;
      }
      if (value.includes('PAUSE') && (agent.status === 'READY' || agent.status === 'CLOSER')) {
        const moved = await changeState(db, agent, 'PAUSED', 'PAUSE', { pause_code: '' }, { comments: 'API' });
        if (moved) await addActivity(db, agent.user, 'activity.pausedBy', { ...by });
      } else if (value.includes('RESUME') && agent.status === 'PAUSED' && agent.lead_id === 0) {
        const campaign = await db.selectFrom('vicidial_campaigns').select('dial_method').where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
        // §3.3: the screen resumes only in auto-dial campaigns; a manual-dial agent stays
        // PAUSED, ready for the next external_dial (the API still answers SUCCESS).
        if (campaign?.dial_method === 'MANUAL') return;
        const to = waitingStatus(agent, campaign?.dial_method ?? 'RATIO');
        const moved = await changeState(db, agent, to, 'READY', { pause_code: '', external_pause_code: '' }, { comments: 'API' });
        if (moved) await addActivity(db, agent.user, 'activity.resumedBy', { ...by });
      }
    },
  },
  {
    // §3.21: the pause-code label changes while paused.
    column: 'external_pause_code',
    functions: ['pause_code'],
    cleared: '',
    pending: (a) => a.external_pause_code !== '',
    ready: (a) => a.status === 'PAUSED',
    async apply(db, _sw, agent, value, by) {
      await changeState(db, agent, 'PAUSED', 'PCODE', { pause_code: value }, { comments: 'API' });
      await addActivity(db, agent.user, 'activity.pauseCodeBy', { code: value, ...by });
    },
  },
];
