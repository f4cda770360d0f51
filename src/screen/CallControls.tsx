// The controls bar: buttons that name actions, only those the state allows; hang up is
// set apart from the harmless ones, log out sits alone at the end.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction, AgentSnapshot } from '../../contract/agent.js';
import { CallButtons } from '../calls/CallButtons.js';
import { ManualDial } from './ManualDial.js';
import { PauseMenu } from './PauseMenu.js';

interface Props {
  snapshot: AgentSnapshot;
  busy: boolean;
  run: (action: AgentAction) => void;
}

const ON_CALL = new Set(['queue', 'dialing', 'incall', 'dead']);

export function CallControls({ snapshot, busy, run }: Props) {
  const { t } = useTranslation();
  const [dialing, setDialing] = useState(false);
  const { state, pauseCode, pauseAfterCall } = snapshot.agent;
  const onCall = ON_CALL.has(state);
  const waiting = state === 'ready' || state === 'closer';
  const paused = state === 'paused';
  return (
    <nav className="call-controls" aria-label={t('controls.label')} data-testid="call-controls">
      <div className="controls-group">
        {paused && (
          <button type="button" className="btn btn-primary btn-ready" data-testid="go-ready" disabled={busy} onClick={() => run({ action: 'resume' })}>
            {t('controls.goReady')}
          </button>
        )}
        {paused && (
          <div className="menu-anchor">
            <button type="button" className="btn" data-testid="dial" aria-expanded={dialing} disabled={busy} onClick={() => setDialing((d) => !d)}>
              {t('controls.dial')}
            </button>
            {dialing && (
              <ManualDial
                onClose={() => setDialing(false)}
                onDial={(phoneCode, phoneNumber) => {
                  setDialing(false);
                  run({ action: 'dial', phoneCode, phoneNumber });
                }}
              />
            )}
          </div>
        )}
        {paused && (
          <PauseMenu
            label={t('controls.changeReason')}
            codes={snapshot.pauseCodes}
            allowNoReason={false}
            current={pauseCode}
            disabled={busy}
            testId="change-reason"
            onChoose={(code) => code && run({ action: 'pause_code', pauseCode: code })}
          />
        )}
        {waiting && (
          <PauseMenu
            label={t('controls.pause')}
            codes={snapshot.pauseCodes}
            allowNoReason
            disabled={busy}
            testId="pause"
            onChoose={(code) => run(code ? { action: 'pause', pauseCode: code } : { action: 'pause' })}
          />
        )}
        {onCall && <CallButtons snapshot={snapshot} busy={busy} run={run} />}
        {onCall &&
          (pauseAfterCall ? (
            <span className="controls-note" data-testid="pause-after-call-set">
              {t('controls.pauseAfterCallSet')}
            </span>
          ) : (
            <PauseMenu
              label={t('controls.pauseAfterCall')}
              codes={snapshot.pauseCodes}
              allowNoReason
              disabled={busy}
              testId="pause"
              onChoose={(code) => run(code ? { action: 'pause', pauseCode: code } : { action: 'pause' })}
            />
          ))}
      </div>
      <div className="controls-group controls-danger">
        {onCall && (
          <button type="button" className="btn btn-danger" data-testid="hangup" disabled={busy} onClick={() => run({ action: 'hangup' })}>
            {t('controls.hangup')}
          </button>
        )}
      </div>
      <div className="controls-group controls-end">
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="logout"
          disabled={busy || onCall || state === 'dispo'}
          title={onCall || state === 'dispo' ? t('controls.logoutOnCall') : undefined}
          onClick={() => run({ action: 'logout' })}
        >
          {t('controls.logout')}
        </button>
      </div>
    </nav>
  );
}
