// The request pipeline of api-reference.md §1.2, in its exact order.
import type { Database } from '../db/database.js';
import { ApiContext, clockAt, type ApiUser, type RequestFacts, type SystemSettings } from './context.js';
import { intake, sanitize } from './protocol.js';
import { authenticate } from './auth.js';
import { functions } from './registry.js';
import { BUILD, VERSION } from './functions/version.js';
import type { Switch } from '../switch/switch.js';
import { applyPendingIn } from '../agents/commands.js';
import { isMysql, lockAgent, transaction } from '../db/transaction.js';

export interface ApiReply {
  status: number;
  body: string;
  /**
   * Agents whose command columns the request wrote and left for the engine (all of them when
   * the request was not given a switch to apply them with; none when they were applied).
   */
  commandsFor: string[];
  /** A notification was queued: the engine delivers it now. */
  notify?: boolean;
}

const DEFAULT_SETTINGS: SystemSettings = {
  use_non_latin: '0', enable_languages: '0', language_method: 'DISABLED', agent_debug_logging: '0',
  outbound_cid_any: 'DISABLED', allow_web_debug: '0', agent_notifications: '0', pass_hash_enabled: '0',
  pass_key: '', pass_cost: 2, allow_ip_lists: '0', system_ip_blacklist: '', enable_vtiger_integration: '0',
  enable_queuemetrics_logging: '0',
};

/** Only the settings the pipeline reads (§1.2 step 5), not the whole wide row. */
const SETTINGS_COLUMNS = Object.keys(DEFAULT_SETTINGS) as (keyof SystemSettings)[];

const CLOSE_LINK = {
  en: '\n<a href="javascript:window.opener=\'x\';window.close();">Close This Window</a>\n',
  es: '\n<a href="javascript:window.opener=\'x\';window.close();">Cerrar esta ventana</a>\n',
};

export interface IncomingApiRequest {
  rawQuery: string;
  rawBody?: string;
  remoteIp: string;
  serverName: string;
  serverPort: number;
  https: boolean;
  hostname: string;
  now?: Date;
}

export interface ApiRequestOptions {
  /**
   * Apply the commands the request writes inside its own transaction, with this switch:
   * SUCCESS then means done (decisions.md "Semantics of SUCCESS"). Without it, commands stay
   * in their columns for the engine (protocol-level tests look at the columns).
   */
  sw?: Switch;
}

export async function handleApiRequest(database: Database, req: IncomingApiRequest, opts: ApiRequestOptions = {}): Promise<ApiReply> {
  const startedAt = process.hrtime.bigint();
  const { raw, queryString } = intake(req.rawQuery, req.rawBody);
  const clock = clockAt(req.now ?? new Date());

  // A deadlock or busy database runs the whole request again: the reply comes from the
  // attempt that committed.
  return transaction(database, async (trx) => {
    const settingsRow = await trx.selectFrom('system_settings').select(SETTINGS_COLUMNS).limit(1).executeTakeFirst();
    const settings: SystemSettings = { ...DEFAULT_SETTINGS, ...(settingsRow as Partial<SystemSettings> | undefined) };
    // The API user's row is read before authentication (§1.2 step 6), with user
    // pre-filtered the same way it is filtered for authentication.
    const userForLookup = sanitize(new Map([['user', raw.get('user') ?? '']]), settings.use_non_latin === '1').user;
    const apiUser = (await trx.selectFrom('vicidial_users')
      .select(['user', 'user_group', 'api_allowed_functions', 'api_list_restrict', 'selected_language'])
      .where('user', '=', userForLookup).executeTakeFirst()) as ApiUser | undefined;
    const p = sanitize(raw, settings.use_non_latin === '1');
    // Requests about one agent are serialised by that agent's row lock (SQLite's transaction
    // holds the write lock already): a request sees every earlier one's commands applied.
    if (opts.sw && p.agent_user && isMysql(trx)) await lockAgent(trx, p.agent_user);
    // `consultative` becomes NO unless it is exactly YES (§1.2 step 8).
    if (p.consultative !== 'YES') p.consultative = 'NO';

    const facts: RequestFacts = {
      remoteIp: req.remoteIp, serverName: req.serverName, serverPort: req.serverPort, https: req.https,
      queryString, raw, hostname: req.hostname, startedAt,
    };
    const ctx = new ApiContext(database, trx, p, settings, apiUser, clock, facts);
    const fn = functions.get(p.function);

    const answer = async (): Promise<ApiReply> => {
      let commandsFor = [...ctx.commandsFor];
      if (opts.sw) {
        for (const user of commandsFor) await applyPendingIn(trx, opts.sw, user);
        commandsFor = [];
      }
      return {
        status: ctx.status, body: ctx.body.join(''), commandsFor,
        notify: p.function === 'send_notification' && ctx.body.some((line) => line.includes('SUCCESS: notification queued')),
      };
    };
    if (fn?.noAuth) {
      await fn.run(ctx);
      return answer();
    }
    if (!(await authenticate(ctx))) return answer();
    // An unknown function (valid auth) gets an empty body; decisions.md: it is logged.
    if (!fn) {
      await ctx.log({ result: 'ERROR', reason: 'unknown function', data: '' });
      return { status: 200, body: '', commandsFor: [] };
    }
    const debug = p.format === 'debug';
    if (debug) {
      ctx.print(`<html>\n<head>\n<!-- VERSION: ${VERSION}     BUILD: ${BUILD}    USER: ${p.user}\n<title>VICIDiaL Agent API</title>\n</head>\n<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n`);
    }
    await fn.run(ctx);
    if (!ctx.exited) {
      if (Number.parseInt(p.close_window_link, 10) > 0) ctx.print(CLOSE_LINK[p.language.toLowerCase() === 'es' ? 'es' : 'en']);
      if (debug) {
        const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
        ctx.print(`\n<!-- script runtime: ${Math.round(seconds)} seconds -->\n</body>\n</html>\n`);
      }
    }
    return answer();
  });
}
