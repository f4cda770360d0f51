// The call's own controls in the controls bar: the Transfer / 3-way flow, hold (park) and
// recording. Each names the action it takes now; the status bar's chips show the result.
import { useTranslation } from 'react-i18next';
import type { AgentAction, AgentSnapshot } from '../../contract/agent.js';
import { useTransferPanel } from './transfer-store.js';
import './calls.css';

interface Props {
  snapshot: AgentSnapshot;
  busy: boolean;
  run: (action: AgentAction) => void;
}

export function CallButtons({ snapshot, busy, run }: Props) {
  const { t } = useTranslation('calls');
  const open = useTransferPanel((s) => s.open);
  const toggle = useTransferPanel((s) => s.toggle);
  // Transfers, hold and recording need the customer on the line.
  const live = snapshot.agent.state === 'incall';
  const { park, recording } = snapshot;
  return (
    <>
      <button
        type="button"
        className="btn btn-transfer"
        data-testid="transfer-toggle"
        aria-expanded={open}
        aria-controls="transfer-panel"
        disabled={!live}
        onClick={toggle}
      >
        {t('controls.transfer')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid={park ? 'take-back' : 'hold'}
        aria-pressed={park !== null}
        title={t('controls.holdHint')}
        disabled={busy || !live}
        onClick={() => run({ action: 'park', value: !park ? 'PARK_CUSTOMER' : park.kind === 'ivr' ? 'GRAB_IVR_CUSTOMER' : 'GRAB_CUSTOMER' })}
      >
        {park ? t('controls.takeBack') : t('controls.hold')}
      </button>
      <button
        type="button"
        className="btn btn-record"
        data-testid={recording ? 'record-stop' : 'record'}
        aria-pressed={recording !== null}
        disabled={busy || !live}
        onClick={() => run({ action: 'record', value: recording ? 'STOP' : 'START' })}
      >
        <span className="record-dot" aria-hidden="true" />
        {recording ? t('controls.stopRecording') : t('controls.record')}
      </button>
    </>
  );
}
