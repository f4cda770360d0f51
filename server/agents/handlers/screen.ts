// Commands the screen shows: external_update_fields (field changes, panel reloads),
// external_timer_action, external_lead_id (switch_lead), manager_ingroup_set
// (change_ingroups) (agent-screen.md §3.8–§3.11, §3.19).
import type { CommandHandler } from './types.js';

export const screenHandlers: CommandHandler[] = [];
