// The telephony model behind an interface: a real PBX adapter (Asterisk AMI) could
// implement it later. The simulated switch (sim.ts) keeps all its state in the database
// (vicidial_auto_calls, parked_channels, recording_log, sim_switch_events), so every node
// sees the same calls and a restart loses nothing.
import type { Db, LiveAgentRow } from '../agents/db.js';

export interface InboundCall {
  ingroup: string;
  phoneNumber?: string;
  leadId?: number;
}

export interface ManualDial {
  phoneNumber: string;
  phoneCode?: string;
  leadId?: number;
}

export interface Switch {
  readonly simulated: boolean;
  /** The agent's phone joins its conference (login). */
  joinAgent(db: Db, agent: LiveAgentRow): Promise<void>;
  /** The agent's phone leaves; any customer leg is hung up (logout). */
  leaveAgent(db: Db, agent: LiveAgentRow): Promise<void>;
  /** A customer calls an in-group: the call waits in its queue. */
  placeInbound(db: Db, call: InboundCall): Promise<{ callerid: string; leadId: number }>;
  /** The agent dials a customer (manual dial): the agent goes on the call, which rings. */
  dial(db: Db, agent: LiveAgentRow, dial: ManualDial): Promise<LiveAgentRow | undefined>;
  /** The agent side hangs up the customer; the agent moves to the disposition. */
  hangupCustomer(db: Db, agent: LiveAgentRow, by: string): Promise<LiveAgentRow | undefined>;
  /** The customer hangs up (the agent stays on a dead call until hanging up). */
  customerHangup(db: Db, callerid: string): Promise<boolean>;
  /** Route queued calls to waiting agents; advance ringing calls. */
  tick(db: Db, now: Date): Promise<void>;
  /** Record an event for inspection (DTMF, playback, transfer, park...). */
  event(db: Db, e: { conf_exten?: string; user?: string; callerid?: string; event: string; detail?: string }): Promise<void>;
}
