// Typed keys: t('state.paused') is checked against the English resources.
import 'i18next';
import type { Messages } from './en.js';
import type { EffectsMessages } from './ns/effects.js';
import type { CallsMessages } from './ns/calls.js';
import type { AgentctlMessages } from './ns/agentctl.js';
import type { SupervisorMessages } from './ns/supervisor.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages; effects: EffectsMessages; calls: CallsMessages; agentctl: AgentctlMessages; supervisor: SupervisorMessages };
  }
}
