// One test bed for Agent API function tests: `const bed = useApiBed(dialect)` inside a
// `describe.each(testDialects())` registers the hooks every such file used to copy
// (create the bed once, reload the baseline before each test, close it and the test
// databases after all) and returns a TestBed that reaches the current bed.
// The shared read helpers below replace the `logs()` / `agent()` copies.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Dialect } from '../db/database.js';
import { createTestBed, type TestBed } from './api-harness.js';
import { closeTestDatabases } from './databases.js';

export { queryOf, type TestBed } from './api-harness.js';

export interface ApiBedOptions {
  /** Reload the baseline before each test (default true); false when each test resets itself. */
  resetEachTest?: boolean;
  /** Rows merged into the baseline at each reset before a test (built anew for each test). */
  extraRows?: () => Record<string, unknown[]>;
}

export function useApiBed(dialect: Dialect, options: ApiBedOptions = {}): TestBed {
  let current: TestBed | undefined;
  const the = (): TestBed => {
    if (!current) throw new Error('the test bed is used outside a test (before beforeAll)');
    return current;
  };
  beforeAll(async () => { current = await createTestBed(dialect); });
  if (options.resetEachTest !== false) beforeEach(async () => { await the().reset(options.extraRows?.()); });
  afterAll(async () => { await current?.close(); await closeTestDatabases(); });
  return {
    get database() { return the().database; },
    get app() { return the().app; },
    api: (query, post) => the().api(query, post),
    reset: (extra) => the().reset(extra),
    close: () => the().close(),
  };
}

/** Every vicidial_api_log row, oldest first. */
export function apiLogRows(bed: TestBed) {
  return bed.database.db.selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute();
}

/** The vicidial_live_agents row of one agent (the baseline's logged-in agent 1000 by default). */
export function liveAgentRow(bed: TestBed, user = '1000') {
  return bed.database.db.selectFrom('vicidial_live_agents').selectAll().where('user', '=', user).executeTakeFirstOrThrow();
}
