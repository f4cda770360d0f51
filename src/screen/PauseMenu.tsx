// [Pause ▾]: pause with a reason in one click. Also used, while paused, to change the reason.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';
import type { PauseCodeChoice } from '../../contract/agent.js';

interface Props {
  label: string;
  codes: PauseCodeChoice[];
  /** Offer "without a reason" (not when changing the reason of a pause). */
  allowNoReason: boolean;
  current?: string;
  disabled?: boolean;
  testId: string;
  onChoose: (code: string | undefined) => void;
}

export function PauseMenu({ label, codes, allowNoReason, current, disabled, testId, onChoose }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitemradio"], [role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const choose = (code: string | undefined) => {
    setOpen(false);
    onChoose(code);
  };
  if (codes.length === 0) {
    if (!allowNoReason) return null;
    return (
      <button type="button" className="btn" data-testid={testId} disabled={disabled} onClick={() => onChoose(undefined)}>
        {label}
      </button>
    );
  }
  return (
    <div className="menu-anchor" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="btn" data-testid={testId} aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        {label} <Icon name="chevron" />
      </button>
      {open && (
        <div role="menu" aria-label={t('controls.pauseMenu')} className="menu" data-testid={`${testId}-menu`}>
          {codes.map((code) => (
            <button key={code.code} type="button" role="menuitemradio" aria-checked={code.code === current} className="menu-item" onClick={() => choose(code.code)}>
              {code.name}
            </button>
          ))}
          {allowNoReason && (
            <button type="button" role="menuitem" className="menu-item menu-item-quiet" onClick={() => choose(undefined)}>
              {t('controls.pauseNoReason')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
