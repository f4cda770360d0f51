// Call-control commands carried out in the switch: external_dial (manual dial, preview),
// external_transferconf, external_park, external_recording, external_dtmf
// (agent-screen.md §3.5, §3.12–§3.16).
import type { CommandHandler } from './types.js';

export const callHandlers: CommandHandler[] = [];
