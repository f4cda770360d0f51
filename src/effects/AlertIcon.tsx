// The icon beside an alert: a star for good news, a warning sign for urgency, an "i" otherwise.
import type { AlertTone } from '../shared/alert-style.js';

const PATHS: Record<AlertTone, string> = {
  celebrate: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  warning: 'M12 3l9.5 17h-19zM12 10v4.5M12 17.5v.01',
  info: 'M12 11v6M12 7.5v.01M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
};

export function AlertIcon({ tone, label }: { tone: AlertTone; label: string }) {
  return (
    <svg className={`alert-icon alert-icon-${tone}`} viewBox="0 0 24 24" width="36" height="36" role="img" aria-label={label} data-tone={tone}>
      <path d={PATHS[tone]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
