// A test bed for Agent API tests: a fresh database of the given dialect loaded with the
// test baseline (scenarios/test-baseline.json, the conformance oracle's seed), and the
// app driven through Fastify's inject (no ports, no sleeps).
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Database, Dialect } from '../db/database.js';
import { buildApp } from '../http/app.js';
import { clearAllTables, loadScenario } from '../scenario/load.js';
import { freshDatabase } from './databases.js';

export const baselineScenario: Record<string, unknown[]> = JSON.parse(
  readFileSync(new URL('../../scenarios/test-baseline.json', import.meta.url), 'utf8'),
);

export interface ApiAnswer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

export interface TestBed {
  database: Database;
  app: FastifyInstance;
  /** GET /agc/api.php?<query>; a record is encoded with source=test&user=6666&pass=1234 first. */
  api(query: string | Record<string, string>, post?: string): Promise<ApiAnswer>;
  /** Reload the baseline (optionally with extra rows merged per table). */
  reset(extra?: Record<string, unknown[]>): Promise<void>;
  close(): Promise<void>;
}

export const AUTH = { source: 'test', user: '6666', pass: '1234' };

export function queryOf(params: Record<string, string>): string {
  return new URLSearchParams({ ...AUTH, ...params }).toString();
}

export async function createTestBed(dialect: Dialect): Promise<TestBed> {
  const database = await freshDatabase(dialect);
  const app = await buildApp({ database, config: { hostname: 'testhost' } });
  const bed: TestBed = {
    database,
    app,
    async api(query, post) {
      const q = typeof query === 'string' ? query : queryOf(query);
      const res = await app.inject({
        method: post === undefined ? 'GET' : 'POST',
        url: `/agc/api.php${q ? `?${q}` : ''}`,
        headers: { host: '127.0.0.1:8089', ...(post === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
        payload: post,
        remoteAddress: '127.0.0.1',
      });
      return { status: res.statusCode, body: res.body, headers: res.headers };
    },
    async reset(extra = {}) {
      await clearAllTables(database);
      const doc: Record<string, unknown[]> = { ...baselineScenario };
      for (const [table, rows] of Object.entries(extra)) doc[table] = [...(doc[table] ?? []), ...rows];
      await loadScenario(database, doc, 'test-baseline');
    },
    async close() {
      await app.close();
    },
  };
  await bed.reset();
  return bed;
}
