// Script, web form, e-mail, chat and callbacks. Another issue fills the panels; the tabs
// are here now so the layout does not move when they arrive.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const TABS = ['script', 'script2', 'webform', 'email', 'chat', 'callbacks'] as const;
type Tab = (typeof TABS)[number];

export function ToolTabs() {
  const { t } = useTranslation();
  const [active, setActive] = useState<Tab>('script');
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(active) + step + TABS.length) % TABS.length];
    setActive(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <section className="tool-tabs panel" data-testid="tool-tabs">
      <div role="tablist" aria-label={t('tabs.label')} className="tablist" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            id={`tab-${tab}`}
            type="button"
            role="tab"
            aria-selected={tab === active}
            aria-controls={`tabpanel-${tab}`}
            tabIndex={tab === active ? 0 : -1}
            className="tab"
            onClick={() => setActive(tab)}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
      <div id={`tabpanel-${active}`} role="tabpanel" aria-labelledby={`tab-${active}`} className="tabpanel" data-testid={`tabpanel-${active}`}>
        <p className="placeholder">{t('tabs.placeholder', { tab: t(`tabs.${active}`) })}</p>
      </div>
    </section>
  );
}
