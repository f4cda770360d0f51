// Where decisions.md makes us answer differently from the recorded real server: the
// expected reply per record. General rules (they also cover the held-back records) are in
// expectationFor(); per-record expectations are in `deviations` below, one reason each.
import type { ConformanceRecord, DbChanges } from './records.js';
import { API_FUNCTIONS, functionOf } from './records.js';
import { maskUrlPass } from '../../agent-api/log.js';

export interface Expectation {
  /** recorded: as recorded (after the general rules); decision: our answer per decisions.md; product-defined: only what stays meaningful. */
  kind: 'recorded' | 'decision' | 'product-defined';
  note?: string;
  status: number;
  /** Exact, after shape normalisation of times. */
  body?: string;
  /** Instead of `body`. */
  bodyPattern?: RegExp;
  /** undefined: no database comparison beyond `mustLog`. */
  dbChanges?: DbChanges;
  /** Tables left out of the comparison (content product-defined). */
  ignoreTables?: string[];
  /** At least one vicidial_api_log row and as many vicidial_api_urls rows must be written. */
  mustLog?: boolean;
}

export const LOG_TABLES = ['vicidial_api_log', 'vicidial_api_urls', 'vicidial_webservers', 'vicidial_urls'];
export const PRODUCT_DEFINED_BODY = /^(SUCCESS|ERROR|NOTICE)\b/;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Deep string replacement in the body and every string of db_changes. */
function replaceAll(e: Expectation, pairs: [string, string][]): Expectation {
  const fix = (s: string) => pairs.reduce((acc, [from, to]) => acc.split(from).join(to), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { ...e, body: e.body === undefined ? undefined : fix(e.body), dbChanges: walk(e.dbChanges) as DbChanges | undefined };
}

/** The URL api.php logs for a GET request: the raw query minus ' " \ ; (api-reference §1.1), password masked. */
export function loggedUrl(record: ConformanceRecord): string {
  return maskUrlPass(`http://127.0.0.1:8089${record.request}`.replace(/['"\\;]/g, ''));
}

/** Rule: `ERROR: Invalid Username/Password: |<user>||<auth>|<auth_api>|<BAD|LOCK|ERRSERVERS|IPBLOCK|GOOD>|` (no pass, no SQL). */
function authLine(body: string): string | undefined {
  const m = /^ERROR: Invalid Username\/Password: \|([^|]*)\|[^|]*\|([01])\|([01])\|([A-Z]+)(?:\|[\s\S]*)?\|\n$/.exec(body);
  return m ? `ERROR: Invalid Username/Password: |${m[1]}||${m[2]}|${m[3]}|${m[4]}|\n` : undefined;
}

/** The record as our product should answer it, after the general rules only. */
function generalRules(record: ConformanceRecord): Expectation {
  const e: Expectation = { kind: 'recorded', status: record.status, body: record.body, dbChanges: clone(record.db_changes) };
  for (const row of e.dbChanges?.vicidial_api_urls?.inserted ?? []) {
    if (typeof row.url !== 'string') continue;
    // A POST-only request's POST string is logged once, not twice (issue: no disk filling).
    const postOnly = record.method === 'POST' && !record.request.includes('?') && record.post_body;
    const url: string = postOnly ? row.url.replace(`?${record.post_body}&GET-AND-POST=Y&`, '?GET-AND-POST=Y&') : row.url;
    row.url = maskUrlPass(url);
  }
  const auth = authLine(record.body);
  if (auth !== undefined && auth !== record.body) {
    e.kind = 'decision';
    e.note = 'the bad-login line carries no password and no SQL (decisions.md)';
    e.body = auth;
    for (const row of e.dbChanges?.vicidial_api_log?.inserted ?? []) {
      if (row.result_reason === 'Invalid Username/Password') row.data = auth.replace(/^ERROR: Invalid Username\/Password: \|/, '').replace(/\n$/, '');
    }
  }
  if (record.status >= 500) {
    Object.assign(e, productDefined('a PHP fatal (HTTP 500) of the real server; our parameterised SQL and array handling answer normally'));
  } else if (record.status === 200 && record.body === '' && !API_FUNCTIONS.has(functionOf(record))) {
    Object.assign(e, {
      kind: 'decision', note: 'unknown function with valid auth: empty body, and logged (decisions.md)',
      body: '', dbChanges: {}, ignoreTables: LOG_TABLES, mustLog: true,
    } satisfies Partial<Expectation>);
  }
  return e;
}

function productDefined(note: string, extra: Partial<Expectation> = {}): Expectation {
  return { kind: 'product-defined', note, status: 200, bodyPattern: PRODUCT_DEFINED_BODY, dbChanges: undefined, mustLog: true, ...extra };
}

type Lookup = (id: string) => ConformanceRecord;
type Deviation = (record: ConformanceRecord, base: Expectation, byId: Lookup) => Expectation;

/** Another record's expectation, with this record's logged URL. */
function sibling(id: string, record: ConformanceRecord, byId: Lookup): Expectation {
  const e = generalRules(byId(id));
  for (const row of e.dbChanges?.vicidial_api_urls?.inserted ?? []) row.url = loggedUrl(record);
  return e;
}

const decision = (note: string, e: Expectation): Expectation => ({ ...e, kind: 'decision', note });

function updatedRow(e: Expectation, table: string, key: Record<string, unknown>) {
  const t = (e.dbChanges![table] ??= {});
  const list = (t.updated ??= []);
  let u = list.find((x) => JSON.stringify(x.key) === JSON.stringify(key));
  if (!u) list.push((u = { key, changed: {} }));
  return u;
}

export const deviations: Record<string, Deviation> = {
  // ---- array-valued parameters: the reply the first value would get (conformance README) ----
  'hang.13': (r, _b, byId) => decision('value[]=1 answers as value=1 (no HTTP 500)', sibling('hang.01', r, byId)),
  'host.03': (r, _b, byId) => decision('user[]=6666 answers as user=6666 (no HTTP 500)', sibling('pa.01', r, byId)),
  'host.05': (r, _b, byId) => decision('agent_user[]=1000 answers as agent_user=1000 (no HTTP 500)', sibling('pa.01', r, byId)),

  // ---- SQL errors the PHP hid: parameterised SQL simply succeeds ----
  'dial.37': (_r, b) => {
    const e = decision("the quote in vendor_id no longer breaks the UPDATE: external_dial is stored", b);
    updatedRow(e, 'vicidial_live_agents', { user: '1000' }).changed.external_dial = ['', "7275551212!1!YES!NO!YES!O'Brien!1795673358!!!!!!!"];
    return e;
  },
  'add.17': (r, _b, byId) => {
    const e = replaceAll(sibling('add.27', r, byId), [['3125551001', '3125550111']]);
    e.dbChanges!.vicidial_list!.inserted![0].comments = 'abc\\';
    return decision('a trailing backslash in comments no longer breaks the INSERT: the lead is added', e);
  },
  'sn.19': (_r, b, byId) => {
    const e = replaceAll(b, [['SUCCESS: notification queued - 1000|USER|0\n', 'SUCCESS: notification queued - 1000|USER|1\n']]);
    const row = { ...clone(byId('sn.05').db_changes.vicidial_agent_notifications!.inserted![0]), recipient: '1000', recipient_type: 'USER', notification_text: "It's time" };
    e.dbChanges!.vicidial_agent_notifications = { inserted: [row] };
    return decision('a quote in notification_text no longer breaks the INSERT: a real notification id', e);
  },
  'ap.09': () => productDefined('unknown stage while audio plays: the real server dies (HTTP 500); ours answers'),
  'sw.11': () => productDefined("a quote in vendor_lead_code: the real server dies (HTTP 500); ours looks the code up"),
  'exc.01': () => productDefined('dial.37 on stock PHP 8.2 (HTTP 500); ours answers'),
  'exc.03': () => productDefined('add.16 on stock PHP 8.2 (HTTP 500); ours answers'),
  'exc.05': () => productDefined('sn.19 on stock PHP 8.2 (HTTP 500); ours answers'),

  // ---- update_fields: fields detected by exact parameter name, not substring ----
  'uf.09': (_r, b) => decision('first_name=Frank does not also blank rank', replaceAll(b, [
    ['first_name,rank', 'first_name'], ['first_name="Frank",rank=""', 'first_name="Frank"'], ["first_name='Frank',rank=''", "first_name='Frank'"],
  ])),
  'uf.11': (_r, b) => {
    const e = replaceAll(b, [['first_name,state', 'first_name'], ['first_name="Zed",state=""', 'first_name="Zed"'], ["first_name='Zed',state=''", "first_name='Zed'"]]);
    delete updatedRow(e, 'vicidial_list', { lead_id: 1 }).changed.state;
    return decision('source=statement does not blank state', e);
  },
  'uf.19': (_r, b) => {
    const e = replaceAll(b, [
      ['email,scriptreload,script2reload,emailreload,chatreload', 'scriptreload,script2reload,emailreload,chatreload'],
      ['|1|1|1|scriptreload,script2reload,emailreload,chatreload|email=""|', '|1|0|1|scriptreload,script2reload,emailreload,chatreload||'],
      ["|1|1|1|scriptreload,script2reload,emailreload,chatreload|email=''|", '|1|0|1|scriptreload,script2reload,emailreload,chatreload||'],
    ]);
    delete e.dbChanges!.vicidial_list;
    return decision('emailreload does not blank email; triggers only, so no lead UPDATE (0 rows, empty SQL part)', e);
  },
  'uf.13': () => ({
    kind: 'decision',
    note: 'no injection: comments keeps the whole text, first_name is untouched; the SQL-fragment part of the line is product-defined',
    status: 200,
    bodyPattern: /^SUCCESS: update_fields lead updated - 6666\|1000\|1\|1\|1\|comments\|[^\n]*\|\n$/,
    dbChanges: {
      vicidial_live_agents: { updated: [{ key: { user: '1000' }, changed: { external_update_fields: ['0', '1'], external_update_fields_data: ['', 'comments'] } }] },
      vicidial_list: { updated: [{ key: { lead_id: 1 }, changed: { modify_date: ['2026-01-02 10:00:00', '2026-11-26 06:09:40'], comments: ['first lead', 'x",first_name="INJECTED'] } }] },
    },
    ignoreTables: ['vicidial_api_log', 'vicidial_api_urls'],
    mustLog: true,
  }),

  // ---- seed-document behaviour ----
  'sw.03': (_r, b) => {
    const e = replaceAll(b, [['1000|3|VLC1003|TESTCAMP|1|', '1000|2|VLC1002|TESTCAMP|1|'], ['3|VLC1003|TESTCAMP|1', '2|VLC1002|TESTCAMP|1']]);
    updatedRow(e, 'vicidial_live_agents', { user: '1000' }).changed.external_lead_id = [0, 2];
    return decision('lead_id wins over vendor_lead_code when both are given', e);
  },
  'sn.15': (r, _b, byId) => decision('show_confetti=y is accepted like Y (CONFETTI_SETTINGS gives 2,2350,2)', sibling('sn.23', r, byId)),
  'sn.23': (_r, b) => decision('without CONFETTI_SETTINGS the product default particleSpeed is 60', replaceAll(b, [['2,2350,2', '2,2350,60']])),

  // ---- host facts and developer aids ----
  'ws.01': (_r, b) => ({
    ...b, kind: 'product-defined', note: 'webserver reports Node/host facts under the same labels', body: undefined,
    bodyPattern: /^<PRE>Webserver Data:\n(?:[^\n]*\n)+<\/PRE>\n$/, ignoreTables: ['vicidial_api_log'], mustLog: true,
  }),
  'gen.29c': (_r, b) => ({
    ...b, kind: 'product-defined', note: 'format=debug echoes no SQL text of ours; the reply line must be there', body: undefined,
    bodyPattern: /ERROR: agent_user is not logged in - 1002\n/,
  }),
  'gen.31': (_r, b) => ({
    ...b, kind: 'product-defined', note: 'DB=1 debug echo is optional; the reply line must be there', body: undefined,
    bodyPattern: /SUCCESS: external_pause function set - PAUSE\|\d{10}\|1000\n/,
  }),
};

/** What our product should answer for a record: general rules, then the per-record deviation. */
export function expectationFor(record: ConformanceRecord, byId: Lookup): Expectation {
  const base = generalRules(record);
  const dev = deviations[record.id];
  return dev ? dev(record, base, byId) : base;
}
