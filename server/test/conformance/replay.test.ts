// Conformance replay: every recorded request of the real server, replayed against our
// product on each test dialect, from the same database state, comparing status, content
// type, body and database changes (decisions.md deviations in deviations.ts).
// Records of functions not implemented yet are listed as todo, never passed or failed.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildApp } from '../../http/app.js';
import { clearAllTables, loadScenario } from '../../scenario/load.js';
import { closeTestDatabases, freshDatabase, testDialects } from '../databases.js';
import { applySetup } from './apply-setup.js';
import { expectationFor, PRODUCT_DEFINED_BODY } from './deviations.js';
import { compareBody, compareChanges, computeChanges, snapshot, toDbChanges, type ActualChanges } from './diff.js';
import { functionOf, loadBaseline, loadRecords, type ConformanceRecord } from './records.js';
import { setups } from './setups.js';

const records = loadRecords();
const baseline = loadBaseline();
const byIdMap = new Map(records.map((r) => [r.id, r]));
const byId = (id: string): ConformanceRecord => {
  const r = byIdMap.get(id);
  if (!r) throw new Error(`no conformance record ${id}`);
  return r;
};
const CONTENT_TYPE = 'text/html; charset=utf-8';

async function send(app: FastifyInstance, r: ConformanceRecord) {
  return app.inject({
    method: r.method,
    url: r.request,
    headers: {
      host: '127.0.0.1:8089',
      ...(r.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    payload: r.method === 'POST' ? (r.post_body ?? '') : undefined,
    remoteAddress: '127.0.0.1',
  });
}

async function prepare(database: Database, app: FastifyInstance, r: ConformanceRecord): Promise<void> {
  const steps = setups[r.id];
  if (!steps) throw new Error(`setups.ts has no entry for ${r.id}`);
  await applySetup(database, steps, {
    replay: async (id) => {
      const earlier = byId(id);
      await applySetup(database, setups[id] ?? [], { replay: () => Promise.reject(new Error('nested replay')) });
      await send(app, earlier);
    },
  });
}

function logProblems(actual: ActualChanges): string[] {
  const logs = actual.get('vicidial_api_log')?.inserted.length ?? 0;
  const urls = actual.get('vicidial_api_urls')?.inserted.length ?? 0;
  if (logs < 1) return ['vicidial_api_log: the request was not logged'];
  if (urls !== logs) return [`vicidial_api_urls: ${urls} rows for ${logs} vicidial_api_log rows`];
  return [];
}

/** Everything that differs from the expectation; [] = pass. A fresh app per record: no in-memory state (switch, caches) carries over. */
async function replay(database: Database, r: ConformanceRecord): Promise<string[]> {
  const app = await buildApp({ database, config: { hostname: '<hostname>', staticDir: false } });
  try {
    return await replayWith(database, app, r);
  } finally {
    await app.close();
  }
}

async function replayWith(database: Database, app: FastifyInstance, r: ConformanceRecord): Promise<string[]> {
  await clearAllTables(database);
  await loadScenario(database, baseline, 'oracle-baseline.json');
  await prepare(database, app, r);
  const before = await snapshot(database);
  const res = await send(app, r);
  const actual = computeChanges(before, await snapshot(database));

  const exp = expectationFor(r, byId);
  const problems: string[] = [];
  if (res.statusCode !== exp.status) problems.push(`status: expected ${exp.status}, got ${res.statusCode}`);
  if (res.headers['content-type'] !== CONTENT_TYPE) problems.push(`content-type: expected ${CONTENT_TYPE}, got ${String(res.headers['content-type'])}`);
  if (exp.bodyPattern) {
    if (!exp.bodyPattern.test(res.body)) problems.push(`body: expected to match ${exp.bodyPattern}, got ${JSON.stringify(res.body.slice(0, 300))}`);
    if (exp.bodyPattern === PRODUCT_DEFINED_BODY && res.body.trim() === '') problems.push('body: empty');
  } else if (exp.body !== undefined) {
    const diff = compareBody(exp.body, res.body);
    if (diff) problems.push(diff);
  }
  if (exp.dbChanges) problems.push(...compareChanges(exp.dbChanges, actual, exp.ignoreTables));
  if (exp.mustLog) problems.push(...logProblems(actual));
  if (problems.length && process.env.CONFORMANCE_VERBOSE) {
    problems.push(`actual db changes: ${JSON.stringify(toDbChanges(actual))}`);
  }
  return problems;
}

describe('conformance setups', () => {
  it('has a setup for every record', () => {
    expect(records.filter((r) => !setups[r.id]).map((r) => r.id)).toEqual([]);
  });
});

const groups = [...new Set(records.map((r) => r.group))];

for (const dialect of testDialects()) {
  describe(`conformance replay (${dialect})`, () => {
    let database: Database;

    beforeAll(async () => {
      database = await freshDatabase(dialect);
    });

    afterAll(async () => {
      await closeTestDatabases();
    });

    for (const group of groups) {
      describe(group, () => {
        for (const r of records.filter((x) => x.group === group)) {
          const fn = functionOf(r);
          const title = `${r.id} ${fn || '(no function)'} — ${r.setup.replace(/^baseline: agent 1000 logged in to TESTCAMP, status PAUSED, lead_id 0;? ?/, '').slice(0, 70) || 'baseline'}`;
          it(title, async () => {
            const problems = await replay(database, r);
            if (problems.length) {
              throw new Error(`${r.id} (${expectationFor(r, byId).note ?? 'as recorded'}):\n  - ${problems.join('\n  - ')}`);
            }
          });
        }
      });
    }
  });
}
