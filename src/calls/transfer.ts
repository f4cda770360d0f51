// The guided transfer flow's choices turned into the screen action the back end carries out
// through external_transferconf (agent-screen.md §3.13): warm = a 3-way call first
// (DIAL_WITH_CUSTOMER, or PARK_CUSTOMER_DIAL with the customer on hold), cold = the call
// leaves the agent now (BLIND_TRANSFER to a number, LOCAL_CLOSER to a queue or, through
// AGENTDIRECT, to one agent).
import type { AgentAction } from '../../contract/agent.js';

export type TargetKind = 'ingroup' | 'agent' | 'number';
export type TransferMode = 'warm' | 'cold';

export interface TransferChoice {
  kind: TargetKind;
  target: string;
  mode: TransferMode;
  /** Warm only: the customer hears hold music while the 3rd party rings. */
  holdCustomer: boolean;
}

export type TransferProblem = 'missingTarget' | 'invalidNumber';

type TransferAction = Extract<AgentAction, { action: 'transfer' }>;

/** Digits of a phone number as typed (spaces, dots, dashes and brackets dropped). */
export const phoneDigits = (typed: string) => typed.replace(/[\s().-]/g, '');

/** Another agent can only be reached cold (AGENTDIRECT has no 3-way form). */
export const warmAllowed = (kind: TargetKind) => kind !== 'agent';

export function transferAction(choice: TransferChoice): TransferAction | { problem: TransferProblem } {
  const target = choice.kind === 'number' ? phoneDigits(choice.target) : choice.target.trim();
  if (!target) return { problem: 'missingTarget' };
  if (choice.kind === 'number' && !/^\d{3,18}$/.test(target)) return { problem: 'invalidNumber' };
  const warm = choice.mode === 'warm' && warmAllowed(choice.kind);
  const dialFn = choice.holdCustomer ? 'PARK_CUSTOMER_DIAL' : 'DIAL_WITH_CUSTOMER';
  switch (choice.kind) {
    case 'number':
      return warm ? { action: 'transfer', fn: dialFn, phoneNumber: target } : { action: 'transfer', fn: 'BLIND_TRANSFER', phoneNumber: target };
    case 'ingroup':
      return warm
        ? { action: 'transfer', fn: dialFn, ingroup: target, consultative: true }
        : { action: 'transfer', fn: 'LOCAL_CLOSER', ingroup: target };
    case 'agent':
      return { action: 'transfer', fn: 'LOCAL_CLOSER', ingroup: 'AGENTDIRECT', phoneNumber: target };
  }
}

/** VICIdial's recording file names are long: the screen shows 22 characters and "…" (§3.14). */
export function shortFilename(filename: string, max = 22): string {
  return filename.length > max ? `${filename.slice(0, max)}…` : filename;
}
