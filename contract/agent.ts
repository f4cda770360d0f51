// The contract between the back end's agent endpoints and the agent screen (src/).
// Type-only: the SPA imports these types, never server code.

export type RowStatus = 'READY' | 'QUEUE' | 'INCALL' | 'PAUSED' | 'CLOSER' | 'MQUEUE';

/** What the screen shows as the agent's state (agent-screen.md §5.2, derived). */
export type AgentState =
  | 'paused'    // PAUSED, no lead
  | 'ready'     // READY (outbound + inbound if blended)
  | 'closer'    // CLOSER (inbound only)
  | 'queue'     // a call is being routed to the agent
  | 'dialing'   // manual dial ringing
  | 'incall'    // on a live call
  | 'dead'      // INCALL but the customer hung up
  | 'dispo'     // call over, disposition pending (PAUSED/READY with a lead)
  | 'preview';  // previewing a lead before dialing

export interface LeadFields {
  lead_id: number;
  list_id: number;
  status: string;
  vendor_lead_code: string;
  source_id: string;
  phone_code: string;
  phone_number: string;
  title: string;
  first_name: string;
  middle_initial: string;
  last_name: string;
  address1: string;
  address2: string;
  address3: string;
  city: string;
  state: string;
  province: string;
  postal_code: string;
  country_code: string;
  gender: string;
  date_of_birth: string | null;
  alt_phone: string;
  email: string;
  security_phrase: string;
  comments: string;
  rank: number;
  owner: string;
}

export interface CallInfo {
  direction: 'inbound' | 'outbound';
  /** 20-character VICIdial call id (V…, M…, Y…). */
  callerid: string;
  uniqueid: string;
  channel: string;
  phoneNumber: string;
  /** ringing: manual dial not answered yet; live: talking; ended: customer gone (dead call). */
  state: 'ringing' | 'live' | 'ended';
  /** Epoch ms the call reached the agent (or the dial started). */
  startedAt: number;
  ingroup: string | null;
}

export interface StatusChoice {
  status: string;
  name: string;
  /** A scheduled-callback status: the screen asks for date, time, type and comments. */
  callback: boolean;
}

export interface PauseCodeChoice {
  code: string;
  name: string;
}

/** Who asked for an effect: the API user (or 'SQL') and the request's source. */
export type EffectAttribution = { by: string; source: string };

/** Each screen effect's payload, by kind (what server/agents writes, what src/effects shows). */
export type EffectPayloads = {
  /** A campaign/user-group/user notification (agent-screen.md §4.6). */
  notification: {
    notificationId: number;
    text: string;
    textSize: number;
    textFont: string;
    textWeight: string;
    textColor: string;
    confetti: { duration: number; maxParticleCount: number; particleSpeed: number } | null;
  };
  /** Panels to reload (update_fields / refresh_panel, §3.10). */
  reload: { panels: string[] } & EffectAttribution;
  /** set_timer_action (§3.11): counted from the start of the call `callerid`. */
  timer: { action: string; message: string; seconds: number; destination: string; callerid: string } & EffectAttribution;
  /** external_dial with focus=YES: bring the screen forward for this number. */
  focus: { number: string; phoneCode: string };
  /** webphone_url with value DISPLAY: open the agent's webphone. */
  webphone: { url: string };
};
export type EffectKind = keyof EffectPayloads;

/** A command only the screen can carry out; shown once, then acknowledged. */
export type ScreenEffect = {
  [K in EffectKind]: {
    id: string;
    kind: K;
    /** Epoch ms the effect was created. */
    createdAt: number;
    payload: EffectPayloads[K];
  };
}[EffectKind];

/** The effect of one kind. */
export type ScreenEffectOf<K extends EffectKind> = Extract<ScreenEffect, { kind: K }>;

export interface ActivityEntry {
  at: number;
  /** i18n key of the event, e.g. 'activity.paused' */
  key: string;
  /** Values for the message, e.g. { by: '6666', source: 'crm' } */
  values: Record<string, string>;
}

/** What the campaign shows in the screen's panels (texts are raw: the screen substitutes lead fields). */
export interface CampaignPanels {
  script: { id: string; name: string; text: string } | null;
  script2: { id: string; name: string; text: string } | null;
  webFormUrl: string;
  webFormUrl2: string;
}

export interface AgentSnapshot {
  version: string;
  serverTime: number;
  /** The switch is simulated: the screen says so. */
  simulated: boolean;
  agent: {
    user: string;
    fullName: string;
    campaignId: string;
    campaignName: string;
    status: RowStatus;
    state: AgentState;
    pauseCode: string;
    /** Epoch ms of the last state change (state timer). */
    stateSince: number;
    sessionId: string;
    extension: string;
    serverIp: string;
    ingroups: string[];
    blended: boolean;
    callsToday: number;
    /** A PAUSE was asked for during the call: applied once the disposition is saved. */
    pauseAfterCall: boolean;
    /** The preview actions the campaign allows (DIALONLY, SKIP, ALTDIAL, ADR3DIAL, FINISH). */
    previewChoices: string[];
  };
  call: CallInfo | null;
  lead: LeadFields | null;
  statuses: StatusChoice[];
  pauseCodes: PauseCodeChoice[];
  panels: CampaignPanels;
  /** The agent's webphone (vicidial_session_data.webphone_url); embedded when the phone's is_webphone is Y. */
  webphone: { url: string; embedded: boolean } | null;
  callsWaiting: number;
  recording: { id: number; filename: string; startedAt: number } | null;
  park: { parkedAt: number; kind: 'customer' | 'ivr' | 'xfer' } | null;
  threeWay: { number: string; state: 'ringing' | 'live' | 'parked' | 'ended' } | null;
  playback: { file: string; state: 'playing' | 'paused' } | null;
  effects: ScreenEffect[];
  activity: ActivityEntry[];
}

export interface LoginRequest {
  user: string;
  pass: string;
  phone_login?: string;
  phone_pass?: string;
  campaign: string;
  ingroups?: string[];
  blended?: boolean;
}

export interface LoginOptions {
  campaigns: { id: string; name: string; allowInbound: boolean }[];
  ingroups: { id: string; name: string }[];
}

export type LoginError = 'locked' | 'too_many_attempts' | 'bad_credentials' | 'not_agent' | 'campaign_not_allowed' | 'campaign_inactive' | 'missing_fields';

export type AgentAction =
  | { action: 'pause'; pauseCode?: string }
  | { action: 'resume' }
  | { action: 'hangup' }
  | { action: 'dispo'; status: string; callback?: { datetime: string; type: 'USERONLY' | 'ANYONE'; comments: string }; pauseAfter?: boolean }
  | { action: 'dial'; phoneNumber?: string; phoneCode?: string; leadId?: number }
  | { action: 'pause_code'; pauseCode: string }
  | { action: 'logout' }
  // The following go through the same command columns the API writes, so the screen and
  // the API share one code path (server/agents/handlers/).
  | { action: 'preview'; choice: 'DIALONLY' | 'ALTDIAL' | 'ADR3DIAL' | 'SKIP' | 'FINISH' }
  | { action: 'transfer'; fn: 'HANGUP_XFER' | 'HANGUP_BOTH' | 'BLIND_TRANSFER' | 'LEAVE_VM' | 'LOCAL_CLOSER' | 'DIAL_WITH_CUSTOMER' | 'PARK_CUSTOMER_DIAL' | 'LEAVE_3WAY_CALL'; ingroup?: string; phoneNumber?: string; consultative?: boolean }
  | { action: 'park'; value: 'PARK_CUSTOMER' | 'GRAB_CUSTOMER' | 'PARK_IVR_CUSTOMER' | 'GRAB_IVR_CUSTOMER' | 'PARK_XFER' | 'GRAB_XFER' | 'SWAP_PARK_CUSTOMER' | 'SWAP_PARK_XFER' | 'HANGUP_XFER_GRAB_CUSTOMER' }
  | { action: 'record'; value: 'START' | 'STOP' }
  | { action: 'dtmf'; tones: string };

/** One of the agent's scheduled callbacks (GET /agent/callbacks, server/http/callbacks-route.ts). */
export interface AgentCallback {
  callbackId: number;
  leadId: number;
  campaignId: string;
  status: 'ACTIVE' | 'LIVE';
  recipient: 'USERONLY' | 'ANYONE';
  callbackTime: string | null;
  comments: string;
  name: string;
  phoneNumber: string;
}

/** The panel triggers update_fields and refresh_panel may name, in the order the flag lists them. */
export const PANEL_TRIGGERS = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload', 'callbacksreload'] as const;
export type PanelTrigger = (typeof PANEL_TRIGGERS)[number];
