// The Transfer / 3-way panel: a guided flow (who to, warm or cold, dial), then the 3rd
// party's leg with complete / cancel, and a keypad for tones. Non-modal and docked above
// the controls on the right, so the customer and the controls stay in view. A 3-way leg
// started through the API opens it too.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentAction, AgentSnapshot } from '../../contract/agent.js';
import { formatPhone } from '../shared/format.js';
import { Keypad } from './Keypad.js';
import { ThreeWayLeg } from './ThreeWayLeg.js';
import { TransferSetup } from './TransferSetup.js';
import { useTransferPanel } from './transfer-store.js';
import './calls.css';

interface Props {
  snapshot: AgentSnapshot;
  busy: boolean;
  run: (action: AgentAction) => void;
}

export function TransferPanel({ snapshot, busy, run }: Props) {
  const { t } = useTranslation('calls');
  const open = useTransferPanel((s) => s.open);
  const show = useTransferPanel((s) => s.show);
  const close = useTransferPanel((s) => s.close);
  const live = snapshot.agent.state === 'incall';
  const leg = snapshot.threeWay;
  const legNumber = leg?.number ?? null;

  useEffect(() => {
    if (legNumber) show();
  }, [legNumber, show]);
  useEffect(() => {
    if (!live) close();
  }, [live, close]);

  if (!open || !live) return null;
  return (
    <aside
      id="transfer-panel"
      className="transfer-panel"
      data-testid="transfer-panel"
      aria-labelledby="transfer-title"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <header className="transfer-head">
        <h2 id="transfer-title">{t('transfer.title')}</h2>
        <button type="button" className="btn btn-quiet btn-small" onClick={close}>
          {t('transfer.close')}
        </button>
      </header>
      {leg ? (
        <ThreeWayLeg leg={leg} customer={{ number: formatPhone(snapshot.call?.phoneNumber ?? '', snapshot.lead?.phone_code), onHold: snapshot.park !== null }} busy={busy} run={run} />
      ) : (
        <TransferSetup ingroups={snapshot.agent.ingroups} busy={busy} run={run} />
      )}
      <Keypad busy={busy} run={run} />
    </aside>
  );
}
