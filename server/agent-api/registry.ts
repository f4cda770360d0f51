// Function name -> module. Adding a function is one module and one line here.
import type { AgentApiFunction } from './function.js';
import { version } from './functions/version.js';
import { brewCoffee, coffee, makeCoffee, startCoffee } from './functions/coffee.js';
import { webserver } from './functions/webserver.js';
import { externalPause } from './functions/external-pause.js';
import { externalHangup } from './functions/external-hangup.js';
import { externalStatus } from './functions/external-status.js';
import { logout } from './functions/logout.js';
import { pauseCode } from './functions/pause-code.js';
import { callsInQueueCount } from './functions/calls-in-queue-count.js';
import { stLoginLog } from './functions/st-login-log.js';
import { stGetAgentActiveLead } from './functions/st-get-agent-active-lead.js';
import { changeIngroups } from './functions/change-ingroups.js';
import { transferConference } from './functions/transfer-conference.js';
import { parkCall } from './functions/park-call.js';
import { raCallControl } from './functions/ra-call-control.js';
import { sendDtmf } from './functions/send-dtmf.js';
import { recording } from './functions/recording.js';
import { externalDial } from './functions/external-dial.js';
import { previewDialAction } from './functions/preview-dial-action.js';
import { externalAddLead } from './functions/external-add-lead.js';
import { switchLead } from './functions/switch-lead.js';
import { updateFields } from './functions/update-fields.js';
import { webphoneUrl } from './functions/webphone-url.js';
import { callAgent } from './functions/call-agent.js';
import { audioPlayback } from './functions/audio-playback.js';
import { vmMessage } from './functions/vm-message.js';
import { forceFronterLeave3way } from './functions/force-fronter-leave-3way.js';
import { forceFronterAudioStop } from './functions/force-fronter-audio-stop.js';
import { sendNotification } from './functions/send-notification.js';
import { refreshPanel } from './functions/refresh-panel.js';
import { setTimerAction } from './functions/set-timer-action.js';

const all: AgentApiFunction[] = [
  version, coffee, startCoffee, makeCoffee, brewCoffee, webserver,
  // agent control (issue 4)
  externalPause,
  externalHangup, externalStatus, logout, pauseCode, callsInQueueCount, stLoginLog, stGetAgentActiveLead, changeIngroups,
  // call control (issue 5)
  externalDial, previewDialAction, externalAddLead, switchLead,
  transferConference, parkCall, raCallControl, sendDtmf, recording,
  callAgent, audioPlayback, vmMessage, forceFronterLeave3way, forceFronterAudioStop,
  // screen effects (issue 6)
  webphoneUrl,
  updateFields,
  sendNotification, refreshPanel, setTimerAction,
];

export const functions: ReadonlyMap<string, AgentApiFunction> = new Map(all.map((f) => [f.name, f]));
