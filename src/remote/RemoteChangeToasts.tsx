// A short toast for each change made for the agent through the API or by a supervisor
// ("You were set ready · 6666 via crm · 10:42"), worded by the core ActivityText; the
// activity list keeps them. Only changes that happen while the screen is open are
// announced, each once.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityEntry } from '../../contract/agent.js';
import { ActivityText } from '../screen/ActivityText.js';
import { newRemoteEntries, newestAt } from './remote-changes.js';
import './remote.css';

const SHOWN_MS = 6_000;
const MAX_SHOWN = 3;

interface Toast {
  id: number;
  entry: ActivityEntry;
}

export function RemoteChangeToasts({ activity, user }: { activity: ActivityEntry[]; user: string }) {
  const { t } = useTranslation('agentctl');
  const seenAt = useRef(newestAt(activity));
  const nextId = useRef(1);
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(() => {
    const fresh = newRemoteEntries(activity, seenAt.current, user);
    seenAt.current = Math.max(seenAt.current, newestAt(activity));
    if (!fresh.length) return;
    const added = fresh.map((entry) => ({ id: nextId.current++, entry }));
    setToasts((shown) => [...shown, ...added].slice(-MAX_SHOWN));
  }, [activity, user]);

  const close = (id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id));

  return (
    <section className="remote-toasts" aria-label={t('toast.region')} aria-live="polite" data-testid="remote-toasts">
      {toasts.map((toast) => (
        <RemoteToast key={toast.id} entry={toast.entry} onClose={() => close(toast.id)} closeLabel={t('toast.close')} />
      ))}
    </section>
  );
}

function RemoteToast({ entry, onClose, closeLabel }: { entry: ActivityEntry; onClose: () => void; closeLabel: string }) {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const timer = window.setTimeout(() => close.current(), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="remote-toast" role="status" data-testid="remote-toast" data-key={entry.key}>
      <ActivityText entry={entry} />
      <button type="button" className="btn btn-quiet btn-small remote-toast-close" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
