// The request as an Agent API function sees it: filtered parameters, the API user, the
// clock, and the reply being written. Every printed line is also logged (§1.7).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Database } from '../db/database.js';
import type { Params } from './protocol.js';
import { writeApiLog, type LogEntry } from './log.js';

export type Result = 'SUCCESS' | 'ERROR' | 'NOTICE';

export interface SystemSettings {
  use_non_latin: string;
  enable_languages: string;
  language_method: string;
  agent_debug_logging: string;
  outbound_cid_any: string;
  allow_web_debug: string;
  agent_notifications: string;
  pass_hash_enabled: string;
  pass_key: string;
  pass_cost: number;
  allow_ip_lists: string;
  system_ip_blacklist: string;
  enable_vtiger_integration: string;
  enable_queuemetrics_logging: string;
}

/** The API user's row as read before authentication (§1.2 step 6). */
export interface ApiUser {
  user: string;
  user_group: string;
  api_allowed_functions: string;
  api_list_restrict: string;
  selected_language: string;
}

export interface RequestFacts {
  remoteIp: string;
  serverName: string;
  serverPort: number;
  https: boolean;
  /** §1.1 query string (quotes and `;` removed; password included: log.ts masks it). */
  queryString: string;
  raw: Map<string, string>;
  hostname: string;
  startedAt: bigint;
}

export { clockAt, type Clock } from '../clock.js';
import type { Clock } from '../clock.js';

export class ApiContext {
  /** The body as written so far. */
  readonly body: string[] = [];
  /** Set when the function "exits": no close-window link, no debug footer. */
  exited = false;
  /** HTTP status; 200 for every answer except the teapot. */
  status = 200;
  /** The agent the request is about; alt_user resolution may change it. */
  agentUser: string;
  /** What is logged as `value` (some functions log a rewritten value). */
  logValue: string;
  /** Whether anything was logged (an unknown function writes nothing). */
  logged = false;
  /** Agents whose command columns this request wrote (applied after commit). */
  readonly commandsFor = new Set<string>();

  constructor(
    readonly database: Database,
    /** The transaction every read and write of this request goes through. */
    readonly db: Transaction<DB> | Kysely<DB>,
    readonly p: Params,
    readonly settings: SystemSettings,
    readonly apiUser: ApiUser | undefined,
    readonly clock: Clock,
    readonly request: RequestFacts,
  ) {
    this.agentUser = p.agent_user;
    this.logValue = p.value;
  }

  get user(): string {
    return this.p.user;
  }
  get fn(): string {
    return this.p.function;
  }
  get nonLatin(): boolean {
    return this.settings.use_non_latin === '1';
  }

  print(text: string): void {
    this.body.push(text);
  }

  /** Write an api_log row (§1.7) without printing. */
  async log(entry: Omit<LogEntry, 'agentUser' | 'value'> & Partial<Pick<LogEntry, 'agentUser' | 'value'>>): Promise<void> {
    this.logged = true;
    await writeApiLog(this, { agentUser: this.agentUser, value: this.logValue, ...entry });
  }

  /**
   * Print `<RESULT>: <reason> - <details>\n` and log it (the usual line shape, §1.4).
   * `data` is the log's data column (default empty); `newline: false` for the few replies
   * without a trailing newline.
   */
  async line(result: Result, reason: string, details: string, opts: { data?: string; newline?: boolean; exit?: boolean } = {}): Promise<void> {
    this.print(`${result}: ${reason} - ${details}${opts.newline === false ? '' : '\n'}`);
    await this.log({ result, reason, data: opts.data ?? '' });
    if (opts.exit) this.exited = true;
  }

  /** An error line after which the function stops (the spec's "(exit)"). */
  async fail(reason: string, details: string, opts: { data?: string; newline?: boolean } = {}): Promise<void> {
    await this.line('ERROR', reason, details, { ...opts, exit: true });
  }

  exit(): void {
    this.exited = true;
  }
}
