// Where specs write their screenshots. A normal run writes them under test-results/
// (ignored), so tests never change tracked files; `npm run screenshots` sets
// SCREENSHOTS_DIR=e2e/screenshots to refresh the curated ones kept in the repository.
import { join } from 'node:path';

export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR || join('test-results', 'screenshots');

/** The path a screenshot named `file` (e.g. `agent-on-call.png`) is written to. */
export function shot(file: string): string {
  return join(SCREENSHOTS_DIR, file);
}
