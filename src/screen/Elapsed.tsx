import { formatDuration } from '../shared/format.js';
import { useNow } from './clock.js';

/** A running timer since `since` (server epoch ms), corrected by the server's clock offset. */
export function Elapsed({ since, clockOffset, testId }: { since: number; clockOffset: number; testId?: string }) {
  const now = useNow();
  return (
    <span className="elapsed" data-testid={testId}>
      {formatDuration(now + clockOffset - since)}
    </span>
  );
}
