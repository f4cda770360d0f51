// Scenario files describe a call centre in the schema's own words: top-level keys are
// table names, values are lists of rows keyed by column names. Two extra keys:
//   generate:        { <table>: [{ count, row }] }  many rows from one template
//   auto_increment:  { <table>: <next id> }
// Every row is checked before anything is written; a bad file changes nothing.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import YAML from 'yaml';
import type { ColumnSpec } from '../db/columns.js';
import type { Database } from '../db/database.js';
import { tableSpecs, type TableName } from '../db/schema.js';
import { vicidialPassHash } from '../agent-api/password.js';

type Row = Record<string, unknown>;
type Value = string | number | null;

export class ScenarioError extends Error {
  constructor(readonly source: string, readonly path: string, readonly problem: string) {
    super(`${source}: ${path}: ${problem}`);
  }
}

const META_KEYS = new Set(['generate', 'auto_increment']);

export function parseScenarioText(text: string, source: string): unknown {
  try {
    return source.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { intAsBigInt: false });
  } catch (err) {
    throw new ScenarioError(source, '(file)', `not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
}

export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(file, '(file)', `cannot be read: ${(err as Error).message}`);
  }
  return parseScenarioText(text, file);
}

function columnsOf(table: TableName): Record<string, ColumnSpec> {
  const out: Record<string, ColumnSpec> = {};
  for (const [name, col] of Object.entries(tableSpecs[table].columns)) out[name] = col.spec;
  return out;
}

function checkValue(spec: ColumnSpec, value: unknown, fail: (problem: string) => never): Value {
  if (value === null) {
    if (spec.nullable) return null;
    fail('may not be null');
  }
  const isInt = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'].includes(spec.kind);
  if (isInt) {
    const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) fail(`expected an integer, got ${JSON.stringify(value)}`);
    if (spec.unsigned && n < 0) fail(`expected an unsigned integer, got ${n}`);
    return n;
  }
  if (spec.kind === 'decimal' || spec.kind === 'double') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || Number.isNaN(n)) fail(`expected a number, got ${JSON.stringify(value)}`);
    return n;
  }
  if (typeof value !== 'string' && typeof value !== 'number') fail(`expected text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  const s = String(value);
  if (spec.kind === 'enum' && !spec.enumValues?.includes(s)) fail(`expected one of ${spec.enumValues?.map((v) => `'${v}'`).join(', ')}, got '${s}'`);
  if ((spec.kind === 'varchar' || spec.kind === 'char') && spec.length && [...s].length > spec.length) fail(`longer than ${spec.length} characters`);
  if (spec.kind === 'datetime' && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s)) fail(`expected 'YYYY-MM-DD HH:MM:SS', got '${s}'`);
  if (spec.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(s)) fail(`expected 'YYYY-MM-DD', got '${s}'`);
  return s;
}

function expandTemplate(template: Row, n: number): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(template)) {
    if (Array.isArray(v)) out[k] = v[(n - 1) % v.length];
    else if (typeof v === 'string') out[k] = v.replace(/\{n(?::(\d+))?\}/g, (_m, pad?: string) => String(n).padStart(Number(pad ?? 0), '0'));
    else out[k] = v;
  }
  return out;
}

interface Plan {
  rows: Map<TableName, Row[]>;
  autoIncrement: Map<TableName, number>;
}

/** Validate a parsed scenario document and turn it into rows, or throw ScenarioError. */
export function planScenario(doc: unknown, source: string): Plan {
  const fail = (path: string, problem: string): never => {
    throw new ScenarioError(source, path, problem);
  };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) fail('(top)', 'expected a mapping of table names to lists of rows');
  const plan: Plan = { rows: new Map(), autoIncrement: new Map() };
  const addRows = (table: string, rows: unknown, path: string) => {
    if (!(table in tableSpecs)) fail(path, `unknown table "${table}"`);
    if (!Array.isArray(rows)) fail(path, 'expected a list of rows');
    const cols = columnsOf(table as TableName);
    const list = plan.rows.get(table as TableName) ?? [];
    (rows as unknown[]).forEach((row, i) => {
      const rowPath = `${path}[${i}]`;
      if (!row || typeof row !== 'object' || Array.isArray(row)) fail(rowPath, 'expected a row (a mapping of column names to values)');
      const out: Row = {};
      for (const [col, value] of Object.entries(row as Row)) {
        const spec = cols[col];
        if (!spec) fail(`${rowPath}.${col}`, `unknown column "${col}" of table ${table}`);
        out[col] = checkValue(spec, value, (problem) => fail(`${rowPath}.${col}`, problem));
      }
      list.push(out);
    });
    plan.rows.set(table as TableName, list);
  };

  for (const [key, value] of Object.entries(doc as Row)) {
    if (META_KEYS.has(key)) continue;
    addRows(key, value, key);
  }
  const generate = (doc as Row).generate;
  if (generate !== undefined) {
    if (!generate || typeof generate !== 'object' || Array.isArray(generate)) fail('generate', 'expected a mapping of table names to generator lists');
    for (const [table, gens] of Object.entries(generate as Row)) {
      if (!Array.isArray(gens)) fail(`generate.${table}`, 'expected a list of { count, row }');
      (gens as unknown[]).forEach((g, i) => {
        const path = `generate.${table}[${i}]`;
        const { count, row } = (g ?? {}) as { count?: unknown; row?: unknown };
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) fail(`${path}.count`, 'expected an integer from 0 to 1000000');
        if (!row || typeof row !== 'object' || Array.isArray(row)) fail(`${path}.row`, 'expected a row template');
        const rows = Array.from({ length: count as number }, (_, k) => expandTemplate(row as Row, k + 1));
        addRows(table, rows, `${path}.row`);
      });
    }
  }
  const auto = (doc as Row).auto_increment;
  if (auto !== undefined) {
    if (!auto || typeof auto !== 'object' || Array.isArray(auto)) fail('auto_increment', 'expected a mapping of table names to next ids');
    for (const [table, next] of Object.entries(auto as Row)) {
      if (!(table in tableSpecs)) fail(`auto_increment.${table}`, `unknown table "${table}"`);
      const hasAuto = Object.values(columnsOf(table as TableName)).some((c) => c.autoIncrement);
      if (!hasAuto) fail(`auto_increment.${table}`, `table ${table} has no auto-increment id`);
      if (typeof next !== 'number' || !Number.isInteger(next) || next < 1) fail(`auto_increment.${table}`, 'expected a positive integer');
      plan.autoIncrement.set(table as TableName, next as number);
    }
  }
  return plan;
}

function hashPasswords(plan: Plan, settings: Row | undefined): void {
  if (String(settings?.pass_hash_enabled ?? '0') !== '1') return;
  const key = String(settings?.pass_key ?? '');
  const cost = Number(settings?.pass_cost ?? 2);
  for (const user of plan.rows.get('vicidial_users') ?? []) {
    if (typeof user.pass === 'string' && user.pass !== '' && !user.pass_hash) {
      user.pass_hash = vicidialPassHash(user.pass, key, cost);
      user.pass = '';
    }
  }
}

export async function setAutoIncrement(database: Database, table: TableName, next: number): Promise<void> {
  if (database.dialect === 'mysql') {
    await sql.raw(`ALTER TABLE \`${table}\` AUTO_INCREMENT = ${Math.floor(next)}`).execute(database.db);
  } else {
    await sql`DELETE FROM sqlite_sequence WHERE name = ${table}`.execute(database.db);
    await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${Math.floor(next) - 1})`.execute(database.db);
  }
}

/**
 * Load a scenario: the tables it names are replaced by its rows (so loading twice is
 * the same as loading once); other tables are left alone. All in one transaction.
 */
export async function loadScenario(database: Database, doc: unknown, source = '<scenario>'): Promise<void> {
  const plan = planScenario(doc, source);
  let settings = plan.rows.get('system_settings')?.[0];
  if (!settings) settings = (await database.db.selectFrom('system_settings').selectAll().executeTakeFirst()) as Row | undefined;
  hashPasswords(plan, settings);
  await database.db.transaction().execute(async (trx) => {
    for (const [table, rows] of plan.rows) {
      await trx.deleteFrom(table).execute();
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        // Rows may name different columns; insert groups of identical shape together.
        const byShape = new Map<string, Row[]>();
        for (const r of chunk) {
          const shape = Object.keys(r).sort().join(',');
          byShape.set(shape, [...(byShape.get(shape) ?? []), r]);
        }
        for (const group of byShape.values()) {
          if (Object.keys(group[0]).length === 0) {
            const empty = database.dialect === 'mysql' ? `INSERT INTO \`${table}\` () VALUES ()` : `INSERT INTO "${table}" DEFAULT VALUES`;
            for (let k = 0; k < group.length; k++) await sql.raw(empty).execute(trx);
          } else {
            await trx.insertInto(table).values(group as never).execute();
          }
        }
      }
    }
  });
  for (const [table, next] of plan.autoIncrement) await setAutoIncrement(database, table, next);
}

/** Delete every row of every table (tests). */
export async function clearAllTables(database: Database): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const table of Object.keys(tableSpecs)) await trx.deleteFrom(table as TableName).execute();
  });
  // screen_changes keeps counting: nodes read it by id (agents/screen-hub.ts).
  if (database.dialect === 'sqlite') await sql`DELETE FROM sqlite_sequence WHERE name <> 'screen_changes'`.execute(database.db).catch(() => undefined);
  else for (const table of Object.keys(tableSpecs)) {
    const hasAuto = Object.values(columnsOf(table as TableName)).some((c) => c.autoIncrement);
    if (hasAuto && table !== 'screen_changes') await sql.raw(`ALTER TABLE \`${table}\` AUTO_INCREMENT = 1`).execute(database.db);
  }
}
