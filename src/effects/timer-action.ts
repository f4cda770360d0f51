// What a set_timer_action value does when its second comes (agent-screen.md §3.11), as a
// plan the TimerEffect carries out. The transfer presets D1..D5 are a fixed list in this
// simulation (VICIdial takes them from the campaign's xferconf_a..e_number); the QUIET
// variants dial the same way, as the simulated switch has no quiet conference mode.
import type { AgentAction } from '../../contract/agent.js';

export const TRANSFER_PRESETS = ['3125557001', '3125557002', '3125557003', '3125557004', '3125557005'] as const;

export interface TimerPlan {
  /** Show the TIMER NOTIFICATION box (always for MESSAGE_ONLY, else when there is a message). */
  message: boolean;
  webForm: 1 | 2 | 3 | null;
  call: AgentAction | null;
  /** The action needs a destination the API cannot set (EXTENSION, CALLMENU, IN_GROUP without one). */
  missingDestination: boolean;
}

export interface TimerPayload {
  action: string;
  message: string;
  seconds: number;
  destination: string;
}

export function readTimerPayload(payload: Record<string, unknown>): TimerPayload {
  const seconds = Number(payload.seconds);
  return {
    action: String(payload.action ?? '').toUpperCase(),
    message: String(payload.message ?? ''),
    seconds: Number.isFinite(seconds) ? Math.trunc(seconds) : -1,
    destination: String(payload.destination ?? ''),
  };
}

/** VICIdial fires actions longer than 3 characters other than NONE, at 0 ≤ seconds. */
export function timerArmed(t: TimerPayload): boolean {
  return t.action.length > 3 && t.action !== 'NONE' && t.seconds >= 0;
}

export function timerPlan(t: TimerPayload): TimerPlan {
  const plan: TimerPlan = { message: t.action === 'MESSAGE_ONLY' || t.message.trim() !== '', webForm: null, call: null, missingDestination: false };
  const web = /^WEBFORM([23]?)$/.exec(t.action);
  const dial = /^D([1-5])_DIAL(_QUIET)?$/.exec(t.action);
  if (web) plan.webForm = web[1] ? (Number(web[1]) as 2 | 3) : 1;
  else if (dial) plan.call = { action: 'transfer', fn: 'DIAL_WITH_CUSTOMER', phoneNumber: TRANSFER_PRESETS[Number(dial[1]) - 1] };
  else if (t.action === 'HANGUP') plan.call = { action: 'hangup' };
  else if (t.action === 'EXTENSION' || t.action === 'CALLMENU' || t.action === 'IN_GROUP') {
    if (!t.destination) plan.missingDestination = true;
    else if (t.action === 'IN_GROUP') plan.call = { action: 'transfer', fn: 'LOCAL_CLOSER', ingroup: t.destination };
    else plan.call = { action: 'transfer', fn: 'BLIND_TRANSFER', phoneNumber: t.destination };
  }
  if (plan.missingDestination) plan.message = true;
  return plan;
}
