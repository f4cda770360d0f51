// The recorded request/response pairs of the real server and the baseline seed, read from
// ../shared/conformance/ beside the repository (located from this file, not the cwd).
// CONFORMANCE_DIR overrides the location.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RowChange {
  key: Record<string, unknown>;
  changed: Record<string, [unknown, unknown]>;
}

export interface TableChanges {
  inserted?: Record<string, unknown>[];
  deleted?: Record<string, unknown>[];
  updated?: RowChange[];
}

export type DbChanges = Record<string, TableChanges>;

export interface ConformanceRecord {
  id: string;
  group: string;
  setup: string;
  method: 'GET' | 'POST';
  request: string;
  post_body?: string;
  status: number;
  content_type: string;
  body: string;
  db_changes: DbChanges;
  note?: string;
}

/** server/test/conformance/ → repository root → its sibling shared/conformance/. */
export const conformanceDir: string = process.env.CONFORMANCE_DIR
  ?? fileURLToPath(new URL('../../../../shared/conformance/', import.meta.url));

function readText(name: string): string {
  const file = `${conformanceDir.replace(/\/?$/, '/')}${name}`;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`conformance data not found at ${file} (set CONFORMANCE_DIR): ${(err as Error).message}`);
  }
}

export function loadRecords(): ConformanceRecord[] {
  return readText('transcripts.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        const r = JSON.parse(line) as ConformanceRecord;
        r.db_changes ??= {};
        return r;
      } catch (err) {
        throw new Error(`transcripts.jsonl line ${i + 1}: ${(err as Error).message}`);
      }
    });
}

export function loadBaseline(): Record<string, Record<string, unknown>[]> {
  return JSON.parse(readText('oracle-baseline.json')) as Record<string, Record<string, unknown>[]>;
}

// ---- request parameters ----------------------------------------------------------------

function formDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Parameters of a query or form string; a repeated name keeps its last value; `x[]` counts as `x`. */
export function parseParams(input: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of input.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = formDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : formDecode(part.slice(eq + 1));
    out.set(rawName.replace(/\[[^\]]*\]$/, ''), value);
  }
  return out;
}

/** The function a record calls, as api.php filters it (`-_0-9A-Za-z`), GET winning over POST. */
export function functionOf(record: ConformanceRecord): string {
  const q = record.request.includes('?') ? record.request.slice(record.request.indexOf('?') + 1) : '';
  const get = parseParams(q);
  const post = parseParams(record.post_body ?? '');
  const raw = get.get('function') ?? post.get('function') ?? '';
  return raw.replace(/[^-_0-9A-Za-z]/g, '');
}

/** Every function name the Agent API knows (api-reference.md §2). Others are "unknown function". */
export const API_FUNCTIONS = new Set([
  'version', 'coffee', 'start_coffee', 'make_coffee', 'brew_coffee', 'webserver', 'external_hangup', 'external_status',
  'external_pause', 'logout', 'recording', 'webphone_url', 'call_agent', 'audio_playback', 'external_dial',
  'preview_dial_action', 'external_add_lead', 'change_ingroups', 'update_fields', 'refresh_panel', 'set_timer_action',
  'st_login_log', 'st_get_agent_active_lead', 'ra_call_control', 'send_dtmf', 'park_call', 'transfer_conference',
  'switch_lead', 'vm_message', 'pause_code', 'calls_in_queue_count', 'force_fronter_leave_3way',
  'force_fronter_audio_stop', 'send_notification',
]);
