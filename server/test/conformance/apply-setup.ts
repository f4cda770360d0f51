// Apply a record's setup steps to a database loaded with the baseline.
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { planScenario } from '../../scenario/load.js';
import { columnsOf, tableNames } from './diff.js';
import type { SetupRow, SetupStep, SetupValue } from './setup-steps.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local 'YYYY-MM-DD HH:MM:SS' (the server's NOW()). */
export function formatDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function resolve(v: SetupValue): string | number | null {
  if (v && typeof v === 'object') {
    if ('$now' in v) return formatDateTime(new Date(Date.now() + v.$now * 1000));
    return Math.floor(Date.now() / 1000) + v.$epoch;
  }
  return v;
}

function checkTable(table: string): void {
  if (!tableNames().includes(table)) throw new Error(`setup names table "${table}", which the schema does not have`);
}

/** Resolved values, minus columns the schema does not model (the product cannot read them). */
function resolveRow(table: string, row: SetupRow): Record<string, string | number | null> {
  const known = new Set(columnsOf(table));
  return Object.fromEntries(Object.entries(row).filter(([c]) => known.has(c)).map(([c, v]) => [c, resolve(v)]));
}

// Kysely's typed builders need literal table names; setup steps are data, so go untyped.
type AnyQuery = { where(col: string, op: string, v: unknown): AnyQuery; execute(): Promise<unknown> };

function whereAll<Q extends AnyQuery>(q: Q, table: string, where: SetupRow): Q {
  const known = new Set(columnsOf(table));
  for (const col of Object.keys(where)) if (!known.has(col)) throw new Error(`setup: ${table} has no column "${col}" to select rows by`);
  let out = q;
  for (const [col, v] of Object.entries(where)) out = out.where(col, v === null ? 'is' : '=', resolve(v)) as Q;
  return out;
}

export async function setAutoIncrementTo(database: Database, table: string, next: number): Promise<void> {
  if (database.dialect === 'mysql') {
    await sql.raw(`ALTER TABLE \`${table}\` AUTO_INCREMENT = ${Math.floor(next)}`).execute(database.db);
  } else {
    await sql`DELETE FROM sqlite_sequence WHERE name = ${table}`.execute(database.db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${Math.floor(next) - 1})`.execute(database.db);
  }
}

export interface SetupContext {
  /** Runs another record's setup and request (for `{ replay }` steps). */
  replay(id: string): Promise<void>;
}

export async function applySetup(database: Database, steps: SetupStep[], ctx: SetupContext): Promise<void> {
  const db = database.db as unknown as {
    insertInto(t: string): { values(v: unknown): { execute(): Promise<unknown> } };
    updateTable(t: string): { set(v: unknown): AnyQuery };
    deleteFrom(t: string): AnyQuery;
  };
  for (const step of steps) {
    if ('replay' in step) {
      await ctx.replay(step.replay);
    } else if ('autoIncrement' in step) {
      checkTable(step.autoIncrement);
      await setAutoIncrementTo(database, step.autoIncrement, step.next);
    } else if ('insert' in step) {
      checkTable(step.table);
      const rows = step.insert.map((r) => resolveRow(step.table, r));
      // Same checks and coercions as a scenario file (throws on a bad value).
      const plan = planScenario({ [step.table]: rows }, `setup ${step.table}`);
      for (const row of plan.rows.get(step.table as never) ?? []) await db.insertInto(step.table).values(row).execute();
    } else if ('update' in step) {
      checkTable(step.table);
      const set = resolveRow(step.table, step.update);
      if (Object.keys(set).length === 0) continue;
      await whereAll(db.updateTable(step.table).set(set), step.table, step.where).execute();
    } else {
      checkTable(step.table);
      await whereAll(db.deleteFrom(step.table), step.table, step.delete).execute();
    }
  }
}
