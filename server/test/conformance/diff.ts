// Database snapshots, changes in the transcripts' db_changes format, and comparisons that
// treat time- and host-dependent values by shape (conformance README "Values that depend
// on time or the host").
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { tables } from '../../db/schema.js';
import type { DbChanges, RowChange, TableChanges } from './records.js';

type Row = Record<string, unknown>;
export type Snapshot = Map<string, Row[]>;

interface TableInfo { columns: Record<string, { spec: { autoIncrement?: boolean } }>; primaryKey?: readonly string[]; unique?: readonly (readonly string[])[] }
const tableInfo = (name: string): TableInfo | undefined => (tables as unknown as Record<string, TableInfo>)[name];

export const tableNames = (): string[] => Object.keys(tables);

export function columnsOf(table: string): string[] {
  return Object.keys(tableInfo(table)?.columns ?? {});
}

export function autoIdColumn(table: string): string | undefined {
  const info = tableInfo(table);
  return info ? Object.entries(info.columns).find(([, c]) => c.spec.autoIncrement)?.[0] : undefined;
}

/** `user` for users and live agents, else the primary key, the auto id, the first unique key; none = full row. */
export function keyOf(table: string): string[] | undefined {
  if (table === 'vicidial_users' || table === 'vicidial_live_agents') return ['user'];
  const info = tableInfo(table);
  if (!info) return undefined;
  if (info.primaryKey?.length) return [...info.primaryKey];
  const auto = autoIdColumn(table);
  if (auto) return [auto];
  if (info.unique?.length) return [...info.unique[0]];
  return undefined;
}

/** Every row of every table. */
export async function snapshot(database: Database): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of tableNames()) {
    const rows = await sql<Row>`SELECT * FROM ${sql.table(table)}`.execute(database.db);
    out.set(table, rows.rows.map((r) => ({ ...r })));
  }
  return out;
}

const rowId = (row: Row, cols: string[]): string => JSON.stringify(cols.map((c) => canon(row[c])));
const canon = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v);
const fullRow = (row: Row): string => JSON.stringify(Object.keys(row).sort().map((k) => [k, canon(row[k])]));

/** Before/after of one updated row; kept whole so a comparison can match on any key. */
export interface ActualUpdate extends RowChange { before: Row; after: Row }
export interface ActualTableChanges { inserted: Row[]; deleted: Row[]; updated: ActualUpdate[] }
export type ActualChanges = Map<string, ActualTableChanges>;

export function computeChanges(before: Snapshot, after: Snapshot): ActualChanges {
  const out: ActualChanges = new Map();
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? [];
    const a = after.get(table) ?? [];
    const ch: ActualTableChanges = { inserted: [], deleted: [], updated: [] };
    // Unchanged rows first (full-row match), then pair the rest by key.
    const remainingAfter = new Map<string, Row[]>();
    for (const r of a) remainingAfter.set(fullRow(r), [...(remainingAfter.get(fullRow(r)) ?? []), r]);
    const changedBefore: Row[] = [];
    for (const r of b) {
      const same = remainingAfter.get(fullRow(r));
      if (same?.length) same.shift();
      else changedBefore.push(r);
    }
    const changedAfter = [...remainingAfter.values()].flat();
    const key = keyOf(table);
    const afterByKey = new Map<string, Row[]>();
    if (key) for (const r of changedAfter) afterByKey.set(rowId(r, key), [...(afterByKey.get(rowId(r, key)) ?? []), r]);
    const pairedAfter = new Set<Row>();
    for (const r of changedBefore) {
      const match = key ? afterByKey.get(rowId(r, key))?.find((x) => !pairedAfter.has(x)) : undefined;
      if (!match) { ch.deleted.push(r); continue; }
      pairedAfter.add(match);
      const changed: Record<string, [unknown, unknown]> = {};
      for (const col of new Set([...Object.keys(r), ...Object.keys(match)])) {
        if (JSON.stringify(canon(r[col])) !== JSON.stringify(canon(match[col]))) changed[col] = [canon(r[col]), canon(match[col])];
      }
      ch.updated.push({ key: Object.fromEntries(key!.map((k) => [k, canon(r[k])])), changed, before: r, after: match });
    }
    for (const r of changedAfter) if (!pairedAfter.has(r)) ch.inserted.push(r);
    if (ch.inserted.length || ch.deleted.length || ch.updated.length) out.set(table, ch);
  }
  return out;
}

/** The actual changes in the transcripts' shape (for messages and debugging). */
export function toDbChanges(actual: ActualChanges): DbChanges {
  const out: DbChanges = {};
  for (const [table, ch] of actual) {
    const t: TableChanges = {};
    if (ch.inserted.length) t.inserted = ch.inserted;
    if (ch.deleted.length) t.deleted = ch.deleted;
    if (ch.updated.length) t.updated = ch.updated.map(({ key, changed }) => ({ key, changed }));
    out[table] = t;
  }
  return out;
}

// ---- shape normalisation -------------------------------------------------------------

/** Midnight UTC of the day the records were made (2026-11-26). */
const RECORD_DAY = Date.UTC(2026, 10, 26) / 1000;
const DAY = 86400;
type Side = 'expected' | 'actual';

function inWindow(epochSeconds: number, side: Side): boolean {
  if (epochSeconds >= RECORD_DAY - 2 * DAY && epochSeconds <= RECORD_DAY + 3 * DAY) return true;
  const now = Date.now() / 1000;
  return side === 'actual' && Math.abs(epochSeconds - now) <= 2 * DAY;
}

const dateTimeEpoch = (y: string, mo: string, d: string, h: string, mi: string, s: string): number =>
  Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) / 1000;

/**
 * Replace the time-dependent parts of a text by placeholders: datetimes, compact
 * YYYYMMDDHHMMSS stamps and unix epochs of the record day (expected side) or of the record
 * day or today (actual side). Other dates (a callback date the request sent) stay exact.
 */
export function normalizeText(text: string, side: Side): string {
  return text
    .replace(/(?<!\d)(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?!\d)/g, (m, y, mo, d, h, mi, s) =>
      inWindow(dateTimeEpoch(y, mo, d, h, mi, s), side) ? '<DATETIME>' : m)
    .replace(/(?<!\d)(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?!\d)/g, (m, y, mo, d, h, mi, s) =>
      +mo >= 1 && +mo <= 12 && inWindow(dateTimeEpoch(y, mo, d, h, mi, s), side) ? '<STAMP>' : m)
    .replace(/(?<!\d)\d{10}(?!\d)/g, (m) => (inWindow(Number(m), side) ? '<EPOCH>' : m));
}

const DATETIME_RE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
/** Columns whose values depend on the clock: compared by shape. */
const TIME_COLUMNS = new Set(['api_date', 'last_update_time', 'modify_date', 'entry_date', 'call_date', 'entry_time',
  'last_call_time', 'last_call_finish', 'last_state_change', 'last_local_call_time', 'last_login_date',
  'last_call_time_filtered', 'last_call_finish_filtered', 'event_date', 'notification_date']);
/** Updates of these columns are never a difference (an ON UPDATE timestamp). */
export const IGNORED_UPDATE_COLUMNS = new Set(['last_update_time']);

const isInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));

/** Whether an actual column value matches the recorded one. */
export function valueMatches(table: string, column: string, expected: unknown, actual: unknown, before = false): boolean {
  const isIdColumn = column === autoIdColumn(table)
    || (table === 'vicidial_api_log' && (column === 'webserver' || column === 'api_url'))
    || (table === 'vicidial_api_urls' && column === 'api_id');
  if (isIdColumn && isInt(expected)) return isInt(actual);
  if (column === 'run_time') return typeof actual === 'string' || typeof actual === 'number' ? /^\d+(\.\d+)?$/.test(String(actual)) : false;
  if ((column === 'random_id' || column === 'length_in_sec') && isInt(expected)) return isInt(actual);
  if (TIME_COLUMNS.has(column) && typeof expected === 'string' && DATETIME_RE.test(expected)) {
    if (expected.startsWith('0000-00-00') || !inWindow(dateTimeEpoch(...(expected.match(/\d+/g)! as [string, string, string, string, string, string])), 'expected')) {
      return String(actual) === expected;
    }
    // A pre-state time the recorded seed had but the baseline file does not give may be empty here.
    return (typeof actual === 'string' && DATETIME_RE.test(actual)) || (before && actual === null);
  }
  if (isInt(expected) && /^\d{10}$/.test(String(expected)) && inWindow(Number(expected), 'expected')) {
    return isInt(actual) && inWindow(Number(actual), 'actual'); // an epoch of the record day vs ours
  }
  if (expected === null || actual === null || expected === undefined || actual === undefined) return (expected ?? null) === (actual ?? null);
  if (typeof expected === 'number' || typeof actual === 'number') {
    const e = Number(expected), a = Number(actual);
    if (String(expected).trim() !== '' && String(actual).trim() !== '' && Number.isFinite(e) && Number.isFinite(a)) return e === a;
  }
  if (typeof expected === 'string' && /^-?\d+\.\d+$/.test(expected) && /^-?\d+(\.\d+)?$/.test(String(actual))) return Number(expected) === Number(actual);
  return normalizeText(String(expected), 'expected') === normalizeText(String(actual), 'actual');
}

/** A recorded string cut by the recorder ("...[truncated by recorder, N chars total]") matches by prefix. */
function truncatedPrefix(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^([\s\S]*)\.\.\.\[truncated by recorder, \d+ chars total\]$/.exec(v);
  return m?.[1];
}

function cellMatches(table: string, column: string, expected: unknown, actual: unknown, before = false): boolean {
  const prefix = truncatedPrefix(expected);
  if (prefix !== undefined) return typeof actual === 'string' && actual.startsWith(prefix);
  return valueMatches(table, column, expected, actual, before);
}

/** Columns where a row differs; expected columns our table does not have are skipped. */
function rowDiff(table: string, expected: Row, actual: Row, before = false): string[] {
  const known = new Set(columnsOf(table));
  return Object.keys(expected).filter((c) => (known.size === 0 || known.has(c)) && !cellMatches(table, c, expected[c], actual[c], before));
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 160 ? `${s.slice(0, 160)}…` : s;
};

function matchRows(table: string, what: 'inserted' | 'deleted', expected: Row[], actual: Row[], problems: string[]): void {
  const left = [...actual];
  const before = what === 'deleted';
  for (const e of expected) {
    const i = left.findIndex((a) => rowDiff(table, e, a, before).length === 0);
    if (i >= 0) { left.splice(i, 1); continue; }
    const near = left[0];
    problems.push(near
      ? `${table} ${what}: row differs in ${rowDiff(table, e, near, before).map((c) => `${c} (expected ${show(e[c])}, got ${show(near[c])})`).join(', ')}`
      : `${table} ${what}: missing row ${show(e)}`);
    if (near) left.shift();
  }
  for (const a of left) problems.push(`${table} ${what}: unexpected row ${show(a)}`);
}

/** Changed columns of an update, minus the ignorable ones. */
const significant = (changed: Record<string, unknown>) => Object.keys(changed).filter((c) => !IGNORED_UPDATE_COLUMNS.has(c));

function compareTable(table: string, expected: TableChanges, actual: ActualTableChanges | undefined, problems: string[]): void {
  const act = actual ?? { inserted: [], deleted: [], updated: [] };
  matchRows(table, 'inserted', expected.inserted ?? [], act.inserted, problems);
  matchRows(table, 'deleted', expected.deleted ?? [], act.deleted, problems);
  const pending = act.updated.filter((u) => significant(u.changed).length > 0);
  for (const e of expected.updated ?? []) {
    const i = pending.findIndex((u) => Object.entries(e.key).every(([k, v]) => String(canon(u.before[k])) === String(v)));
    const cols = significant(e.changed);
    if (i < 0) {
      if (cols.length) problems.push(`${table} updated ${show(e.key)}: no change, expected ${cols.map((c) => `${c} ${show(e.changed[c])}`).join(', ')}`);
      continue;
    }
    const u = pending.splice(i, 1)[0];
    for (const c of cols) {
      const [eo, en] = e.changed[c];
      const [ao, an] = u.changed[c] ?? [u.before[c], u.after[c]];
      if (!cellMatches(table, c, eo, ao, true) || !cellMatches(table, c, en, an)) {
        problems.push(`${table} updated ${show(e.key)}.${c}: expected ${show([eo, en])}, got ${show([ao, an])}`);
      }
    }
    for (const c of significant(u.changed)) {
      if (!(c in e.changed)) problems.push(`${table} updated ${show(e.key)}.${c}: unexpected change ${show(u.changed[c])}`);
    }
  }
  for (const u of pending) problems.push(`${table} updated ${show(u.key)}: unexpected change of ${significant(u.changed).map((c) => `${c} ${show(u.changed[c])}`).join(', ')}`);
}

/** Tables where a change the record does not show is a failure, even though it is not in db_changes. */
export const GUARDED_TABLES = ['vicidial_users', 'vicidial_list', 'vicidial_live_agents', 'vicidial_api_log', 'vicidial_api_urls', 'vicidial_manager'];

/**
 * Compare: every table in the expected changes exactly (by shape where time-dependent),
 * and no change at all in the guarded tables the expectation does not name. Other tables
 * (our agent logs, switch state) may change freely. `ignore` tables are skipped entirely.
 */
export function compareChanges(expected: DbChanges, actual: ActualChanges, ignore: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const [table, exp] of Object.entries(expected)) {
    if (ignore.includes(table)) continue;
    compareTable(table, exp, actual.get(table), problems);
  }
  for (const table of GUARDED_TABLES) {
    if (table in expected || ignore.includes(table)) continue;
    compareTable(table, {}, actual.get(table), problems);
  }
  return problems;
}

/** Body comparison: exact after shape normalisation; undefined when equal, else a message. */
export function compareBody(expected: string, actual: string): string | undefined {
  if (normalizeText(expected, 'expected') === normalizeText(actual, 'actual')) return undefined;
  return `body: expected ${show(expected)}, got ${show(actual)}`;
}
