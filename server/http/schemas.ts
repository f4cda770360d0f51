// JSON-schema bodies of the JSON endpoints (Fastify validates them with its own Ajv; a body
// that does not fit is answered 400 with the validator's message, before any handler runs).
const text = (maxLength = 100) => ({ type: 'string', maxLength }) as const;

export const loginOptionsBody = {
  type: 'object',
  properties: { user: text(), pass: text() },
} as const;

export const loginBody = {
  type: 'object',
  properties: {
    user: text(), pass: text(), campaign: text(), phone_login: text(), phone_pass: text(),
    blended: { type: 'boolean' },
    ingroups: { type: 'array', maxItems: 500, items: text() },
  },
} as const;

/** Which field each action needs (server/agents/types.ts AgentAction). */
const REQUIRED: Record<string, string[]> = {
  pause_code: ['pauseCode'], dispo: ['status'], preview: ['choice'], transfer: ['fn'], park: ['value'], record: ['value'], dtmf: ['tones'],
};

export const agentActionBody = {
  type: 'object',
  required: ['action'],
  properties: {
    action: { type: 'string', enum: ['pause', 'resume', 'hangup', 'dispo', 'dial', 'pause_code', 'logout', 'preview', 'transfer', 'park', 'record', 'dtmf'] },
    pauseCode: text(6), status: text(6), pauseAfter: { type: 'boolean' },
    callback: {
      type: 'object',
      required: ['datetime', 'type'],
      properties: { datetime: text(30), type: { type: 'string', enum: ['USERONLY', 'ANYONE'] }, comments: text(255) },
    },
    phoneNumber: text(30), phoneCode: text(10), leadId: { type: 'integer', minimum: 0, maximum: 4294967295 },
    choice: text(10), fn: text(30), ingroup: text(30), consultative: { type: 'boolean' },
    value: text(30), tones: text(100),
  },
  allOf: Object.entries(REQUIRED).map(([action, required]) => ({
    if: { properties: { action: { const: action } } },
    then: { required },
  })),
} as const;

export const simInboundBody = {
  type: 'object',
  required: ['ingroup'],
  properties: { ingroup: text(20), phone_number: text(18), lead_id: { type: 'integer', minimum: 0, maximum: 4294967295 } },
} as const;

export const simDialOutcomeBody = {
  type: 'object',
  required: ['phone_number'],
  properties: {
    phone_number: { type: 'string', minLength: 1, maxLength: 18 },
    outcome: { type: 'string', enum: ['ANSWER', 'BUSY', 'NOANSWER'] },
    ring_ms: { type: 'integer', minimum: 0, maximum: 600_000 },
  },
} as const;

export const supervisorSessionBody = {
  type: 'object',
  properties: { user: text(), pass: text() },
} as const;
